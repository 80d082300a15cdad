import AchykModel

/// The theme's words in one language: plain strings, the twelve month names and plural forms of counted nouns.
public struct UIStrings: Hashable, Sendable {
    public let texts: [String: String]
    public let months: [String]
    public let plurals: [String: [PluralCategory: String]]

    public init(texts: [String: String], months: [String], plurals: [String: [PluralCategory: String]]) {
        self.texts = texts
        self.months = months
        self.plurals = plurals
    }

    /// The string for `key`; a key missing here was already reported when the theme loaded, so the key shows.
    public func text(_ key: String) -> String { texts[key] ?? key }

    public func plural(_ key: String) -> [PluralCategory: String] { plurals[key] ?? [:] }

    /// Every key this language defines, of every kind.
    var allKeys: Set<String> {
        Set(texts.keys).union(plurals.keys).union(months.isEmpty ? [] : ["months"])
    }

    /// The same strings with the gaps filled from `other`.
    func filling(from other: UIStrings) -> UIStrings {
        UIStrings(
            texts: texts.merging(other.texts) { mine, _ in mine },
            months: months.count == 12 ? months : other.months,
            plurals: plurals.merging(other.plurals) { mine, _ in mine })
    }
}
