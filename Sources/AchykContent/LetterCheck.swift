import AchykModel

/// Finds words typed with letters of the wrong alphabet — a Latin "o" or "ü" inside a Cyrillic word, or, in Kyrgyz
/// text, look-alikes from other alphabets instead of ө, ү and ң — which read fine but break search and screen readers.
enum LetterCheck {
    /// Look-alikes that keyboards without a Kyrgyz layout produce, with the letter meant.
    static let kyrgyzLookAlikes: [Unicode.Scalar: Character] = [
        "ѳ": "ө", "Ѳ": "Ө", "ӊ": "ң", "Ӊ": "Ң", "ұ": "ү", "Ұ": "Ү", "ӈ": "ң", "Ӈ": "Ң",
    ]

    private enum Script { case latin, cyrillic, other, none }

    /// One pass over the text's scalars (this runs on every file, so no per-line or per-character allocation).
    static func check(_ text: String, language: Language, path: String, reporting diagnostics: inout Diagnostics) {
        var line = 1
        var wordStart = text.unicodeScalars.startIndex
        var hasLatin = false, hasCyrillic = false, hasLookAlike = false
        var inWord = false
        let scalars = text.unicodeScalars

        func endWord(at end: String.UnicodeScalarView.Index) {
            defer { inWord = false; hasLatin = false; hasCyrillic = false; hasLookAlike = false }
            guard inWord, (hasLatin && hasCyrillic) || hasLookAlike else { return }
            let word = Substring(scalars[wordStart..<end])
            if hasLookAlike, let wrong = word.unicodeScalars.first(where: { kyrgyzLookAlikes[$0] != nil }), let meant = kyrgyzLookAlikes[wrong] {
                diagnostics.warning(
                    "'\(word)' has '\(wrong)' (U+\(String(wrong.value, radix: 16, uppercase: true))), which is not a Kyrgyz letter; type '\(meant)'",
                    at: SourceLocation(path, line: line))
            } else if hasLatin && hasCyrillic && mixesAlphabets(word) {
                diagnostics.warning("'\(word)' mixes Latin and Cyrillic letters; retype it in one alphabet", at: SourceLocation(path, line: line))
            }
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let script = self.script(of: scalar)
            if script == .none {
                endWord(at: index)
                if scalar == "\n" { line += 1 }
            } else {
                if !inWord { inWord = true; wordStart = index }
                if script == .latin { hasLatin = true } else if script == .cyrillic {
                    hasCyrillic = true
                    if language == .ky && isLookAlike(scalar.value) { hasLookAlike = true }
                }
            }
            index = scalars.index(after: index)
        }
        endWord(at: scalars.endIndex)
    }

    /// The keys of `kyrgyzLookAlikes`, tested without hashing: this runs for every Cyrillic letter of Kyrgyz text.
    private static func isLookAlike(_ value: UInt32) -> Bool {
        switch value {
        case 0x472, 0x473, 0x4B0, 0x4B1, 0x4C7, 0x4C8, 0x4C9, 0x4CA: true
        default: false
        }
    }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        let value = scalar.value
        if value < 0x80 {
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) ? .latin : .none
        }
        if (0x400...0x52F).contains(value) { return .cyrillic }
        if (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7 { return .latin }
        // Quotes, dashes, no-break spaces and the like, common in Russian and Kyrgyz text: no table lookup.
        if value < 0xC0 && value != 0xAA && value != 0xB5 && value != 0xBA { return .none }
        if (0x2000...0x206F).contains(value) { return .none }
        // Combining marks belong to the word they sit in.
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark ? .other : .none
    }

    /// A word with both alphabets, except a Latin acronym with a Cyrillic ending ("USAIDдин", "ADEPTти").
    static func mixesAlphabets(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        let latinPrefix = scalars.prefix { script(of: $0) == .latin }
        let rest = scalars.dropFirst(latinPrefix.count)
        let isAcronym = latinPrefix.count >= 2 && latinPrefix.allSatisfy { $0.properties.isUppercase }
        let isCyrillicEnding = !rest.isEmpty && rest.allSatisfy { script(of: $0) == .cyrillic && $0.properties.isLowercase }
        return !(isAcronym && isCyrillicEnding)
    }
}
