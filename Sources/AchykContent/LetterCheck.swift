import AchykModel

/// Finds words typed with letters of the wrong alphabet — a Latin "o" or "ü" inside a Cyrillic word, or, in Kyrgyz
/// text, look-alikes from other alphabets instead of ө, ү and ң — which read fine but break search and screen readers.
enum LetterCheck {
    /// Look-alikes that keyboards without a Kyrgyz layout produce, with the letter meant.
    static let kyrgyzLookAlikes: [Unicode.Scalar: Character] = [
        "ѳ": "ө", "Ѳ": "Ө", "ӊ": "ң", "Ӊ": "Ң", "ұ": "ү", "Ұ": "Ү", "ӈ": "ң", "Ӈ": "Ң",
    ]

    private enum Script { case latin, cyrillic, other, none }

    /// One pass over the text's UTF-8 bytes (this runs on every file: decoding each scalar of a large site's text
    /// through the string's view took a tenth of the load stage). A flagged word is reported from its bytes.
    static func check(_ text: String, language: Language, path: String, reporting diagnostics: inout Diagnostics) {
        var text = text
        text.withUTF8 { bytes in
            var line = 1
            var wordStart = 0
            var hasLatin = false, hasCyrillic = false, hasLookAlike = false
            var inWord = false

            func endWord(at end: Int) {
                defer { inWord = false; hasLatin = false; hasCyrillic = false; hasLookAlike = false }
                guard inWord, (hasLatin && hasCyrillic) || hasLookAlike else { return }
                let word = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), as: UTF8.self))
                if hasLookAlike, let wrong = word.unicodeScalars.first(where: { kyrgyzLookAlikes[$0] != nil }), let meant = kyrgyzLookAlikes[wrong] {
                    diagnostics.warning(
                        "'\(word)' has '\(wrong)' (U+\(String(wrong.value, radix: 16, uppercase: true))), which is not a Kyrgyz letter; type '\(meant)'",
                        at: SourceLocation(path, line: line))
                } else if hasLatin && hasCyrillic && mixesAlphabets(word) {
                    diagnostics.warning("'\(word)' mixes Latin and Cyrillic letters; retype it in one alphabet", at: SourceLocation(path, line: line))
                }
            }

            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                // The scalar starting here and its length in bytes (the text is valid UTF-8: it is a String).
                var value = UInt32(byte)
                var length = 1
                if byte >= 0xF0, index + 3 < count {
                    value = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                    length = 4
                } else if byte >= 0xE0, index + 2 < count {
                    value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    length = 3
                } else if byte >= 0xC0, index + 1 < count {
                    value = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                    length = 2
                }
                let script = Unicode.Scalar(value).map(self.script(of:)) ?? .none
                if script == .none {
                    endWord(at: index)
                    if byte == 0x0A { line += 1 }
                } else {
                    if !inWord { inWord = true; wordStart = index }
                    if script == .latin { hasLatin = true } else if script == .cyrillic {
                        hasCyrillic = true
                        if language == .ky && isLookAlike(value) { hasLookAlike = true }
                    }
                }
                index += length
            }
            endWord(at: count)
        }
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
