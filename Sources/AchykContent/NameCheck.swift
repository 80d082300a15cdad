import AchykModel

/// `names.yaml`: one spelling of each place and organisation per language. A page or record of one language that
/// uses another language's spelling (a Latin "Jerkazar" in Kyrgyz text, the Russian "Иссык-Ата" in Kyrgyz), or a
/// spelling listed as wrong, gets a warning at its line.
public struct NameCheck: Hashable, Sendable {
    /// A spelling that is wrong in a language, with the one to write there instead (nil: wrong in every language,
    /// and the message names the spellings of the entry).
    struct Rule: Hashable, Sendable {
        let spelling: [UInt8]
        let text: String
        /// The spelling to write instead, by language; a language missing here does not flag this spelling.
        let instead: [Language: String]
    }

    /// By the first two bytes of the spelling, so that each word of a text is looked up once.
    private let rules: [UInt16: [Rule]]
    /// Every spelling of the table, with the entry's spelling in each language.
    private let entries: [String: [Language: String]]

    public static let none = NameCheck(rules: [:], entries: [:])

    private init(rules: [UInt16: [Rule]], entries: [String: [Language: String]]) {
        self.rules = rules
        self.entries = entries
    }

    /// The name in every language the table gives, found by any of its spellings; nil for a name not in the table.
    public func localized(_ name: String) -> LocalizedText? { entries[name].map(LocalizedText.init) }

    /// The table's entries: each maps languages to spellings, with spellings wrong everywhere.
    public init(entries: [(spellings: [Language: String], wrong: [String])]) {
        var rules: [UInt16: [Rule]] = [:]
        var byName: [String: [Language: String]] = [:]
        for entry in entries {
            for spelling in entry.spellings.values where byName[spelling] == nil { byName[spelling] = entry.spellings }
        }
        self.entries = byName
        func add(_ text: String, instead: [Language: String]) {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2, !instead.isEmpty else { return }
            rules[Self.key(bytes[0], bytes[1]), default: []].append(Rule(spelling: bytes, text: text, instead: instead))
        }
        for entry in entries {
            var wrongIn: [String: [Language: String]] = [:]
            // A Latin (English) spelling in Kyrgyz or Russian text; each of those two languages' spelling in the other.
            for (source, targets) in [(Language.en, [Language.ky, .ru]), (.ru, [.ky]), (.ky, [.ru])] {
                guard let spelling = entry.spellings[source] else { continue }
                for target in targets {
                    guard let correct = entry.spellings[target], correct != spelling else { continue }
                    wrongIn[spelling, default: [:]][target] = correct
                }
            }
            for spelling in entry.wrong {
                for language in Language.allCases {
                    let correct = entry.spellings[language] ?? entry.spellings.values.first ?? ""
                    if correct != spelling { wrongIn[spelling, default: [:]][language] = correct }
                }
            }
            for (spelling, instead) in wrongIn.sorted(by: { $0.key < $1.key }) { add(spelling, instead: instead) }
        }
        self.rules = rules
    }

    public var isEmpty: Bool { rules.isEmpty }

    private static func key(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    /// Checks a text written in `language`; `firstLine` is the file line of the text's first line.
    func check(_ text: String, language: Language, path: String, firstLine: Int = 1, reporting diagnostics: inout Diagnostics) {
        guard !rules.isEmpty else { return }
        var text = text
        text.withUTF8 { bytes in
            var line = firstLine
            var previousIsWordByte = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                let startsWord = !previousIsWordByte && Self.isWordByte(byte)
                previousIsWordByte = Self.isWordByte(byte)
                if startsWord, index + 1 < bytes.count, let candidates = rules[Self.key(byte, bytes[index + 1])] {
                    // Of the spellings found here, the longest: "Kara-Balta" is one name, not "Kara" and more.
                    var found: (rule: Rule, correct: String)?
                    for rule in candidates {
                        guard let correct = rule.instead[language], Self.matches(rule.spelling, in: bytes, at: index),
                            // The right spelling may start with the wrong one ("Кара" in "Кара-Балта").
                            !Self.matches(Array(correct.utf8), in: bytes, at: index),
                            rule.spelling.count > found?.rule.spelling.count ?? 0
                        else { continue }
                        found = (rule, correct)
                    }
                    if let (rule, correct) = found {
                        diagnostics.warning(
                            "'\(rule.text)' is not how names.yaml spells this name in \(Self.languageName(language)); write '\(correct)'",
                            at: SourceLocation(path, line: line))
                    }
                }
                index += 1
            }
        }
    }

    /// Checks the texts of a YAML record: each value under a `ky:`, `ru:` or `en:` key, on its line.
    func checkRecord(_ text: String, path: String, reporting diagnostics: inout Diagnostics) {
        guard !rules.isEmpty else { return }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for language in Language.allCases {
                var rest = line[...]
                while let range = rest.range(of: "\(language.rawValue):") {
                    let before = rest[..<range.lowerBound].last
                    rest = rest[range.upperBound...]
                    guard before == nil || before == " " || before == "{" || before == "," else { continue }
                    // The value runs to the next language key of a one-line mapping, or to the end of the line.
                    let end = Language.allCases.compactMap { rest.range(of: ", \($0.rawValue):")?.lowerBound }.min() ?? rest.endIndex
                    check(String(rest[..<end]), language: language, path: path, firstLine: number + 1, reporting: &diagnostics)
                }
            }
        }
    }

    /// Letters (any non-ASCII byte counts: Cyrillic), digits and the hyphen that joins a place name.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
    }

    private static func matches(_ spelling: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + spelling.count <= bytes.count else { return false }
        for offset in 0..<spelling.count where bytes[index + offset] != spelling[offset] { return false }
        return true
    }

    private static func languageName(_ language: Language) -> String {
        switch language {
        case .ky: "Kyrgyz"
        case .ru: "Russian"
        case .en: "English"
        }
    }
}
