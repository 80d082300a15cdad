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
        Set(texts.keys.filter { !Self.isNameOverride($0) }).union(plurals.keys).union(months.isEmpty ? [] : ["months"])
    }

    /// The same strings with the gaps filled from `other`, the same language's strings of another theme: a
    /// counted noun keeps the forms it gives and takes the others (a theme may change only `one`).
    func filling(from other: UIStrings) -> UIStrings {
        UIStrings(
            texts: texts.merging(other.texts) { mine, _ in mine },
            months: months.count == 12 ? months : other.months,
            plurals: plurals.merging(other.plurals) { mine, theirs in mine.merging(theirs) { form, _ in form } })
    }

    /// The same strings with the keys they lack taken from another language's, as a fallback a reader can tell
    /// apart: whole counted nouns (never one form of another language's among this one's), and no override of an
    /// oblast or topic name, whose built-in name in this language is better than another language's override.
    func fallingBack(to other: UIStrings) -> UIStrings {
        UIStrings(
            texts: texts.merging(other.texts.filter { !UIStrings.isNameOverride($0.key) }) { mine, _ in mine },
            months: months.count == 12 ? months : other.months,
            plurals: plurals.merging(other.plurals) { mine, _ in mine })
    }

    /// `oblast.<id>` and `topic.<id>`: optional, per language.
    static func isNameOverride(_ key: String) -> Bool {
        key.hasPrefix("oblast.") || key.hasPrefix("topic.")
    }
}
