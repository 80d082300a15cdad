import AchykModel

/// Finds words typed with letters of the wrong alphabet — a Latin "o" or "ü" inside a Cyrillic word, or, in Kyrgyz
/// text, look-alikes from other alphabets instead of ө, ү and ң — which read fine but break search and screen readers.
enum LetterCheck {
    /// Look-alikes that keyboards without a Kyrgyz layout produce, with the letter meant.
    static let kyrgyzLookAlikes: [Character: Character] = [
        "ѳ": "ө", "Ѳ": "Ө", "ӊ": "ң", "Ӊ": "Ң", "ұ": "ү", "Ұ": "Ү", "ӈ": "ң", "Ӈ": "Ң",
    ]

    static func check(_ text: String, language: Language, path: String, reporting diagnostics: inout Diagnostics) {
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            // Most lines are plain ASCII or plain Cyrillic; only look closer at lines with both kinds of bytes.
            guard line.utf8.contains(where: { $0 >= 0x80 }) else { continue }
            for word in words(in: line) {
                if language == .ky, let wrong = word.first(where: { kyrgyzLookAlikes[$0] != nil }), let meant = kyrgyzLookAlikes[wrong] {
                    diagnostics.warning("'\(word)' has '\(wrong)' (U+\(hex(wrong))), which is not a Kyrgyz letter; type '\(meant)'", at: SourceLocation(path, line: lineNumber))
                } else if mixesAlphabets(word) {
                    diagnostics.warning("'\(word)' mixes Latin and Cyrillic letters; retype it in one alphabet", at: SourceLocation(path, line: lineNumber))
                }
            }
        }
    }

    private static func words(in line: Substring) -> [Substring] {
        line.split { !$0.isLetter }
    }

    /// A word with both alphabets, except a Latin acronym with a Cyrillic ending ("USAIDдин", "ADEPTти").
    static func mixesAlphabets(_ word: Substring) -> Bool {
        var hasLatin = false, hasCyrillic = false
        for scalar in word.unicodeScalars {
            if isLatin(scalar) { hasLatin = true } else if isCyrillic(scalar) { hasCyrillic = true }
        }
        guard hasLatin && hasCyrillic else { return false }
        let latinPrefix = word.prefix { $0.unicodeScalars.allSatisfy(isLatin) }
        let rest = word.dropFirst(latinPrefix.count)
        let isAcronymWithEnding = latinPrefix.count >= 2 && latinPrefix.allSatisfy(\.isUppercase)
            && rest.allSatisfy { $0.isLowercase && $0.unicodeScalars.allSatisfy(isCyrillic) }
        return !isAcronymWithEnding
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) || (0xC0...0x24F).contains(scalar.value)
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x400...0x52F).contains(scalar.value)
    }

    private static func hex(_ character: Character) -> String {
        String(character.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
    }
}
