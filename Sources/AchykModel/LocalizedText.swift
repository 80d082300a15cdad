/// A text given in one or more languages, as content files write it (a plain string or a map by language).
public struct LocalizedText: Hashable, Sendable {
    public let texts: [Language: String]

    public init(_ texts: [Language: String]) {
        self.texts = texts.filter { !$0.value.isEmpty }
    }

    public var isEmpty: Bool { texts.isEmpty }

    /// The text written in `language`, without any fallback.
    public subscript(language: Language) -> String? { texts[language] }

    /// The text in `language`, else in the default language, else in English, else in the first of
    /// `order` that has it; with the language actually used.
    public func resolved(in language: Language, order: [Language]) -> (text: String, language: Language)? {
        // Most texts are written in the reader's language: that needs no fallback order.
        if let text = texts[language] { return (text, language) }
        for candidate in FallbackOrder.languages(for: language, siteOrder: order) {
            if let text = texts[candidate] { return (text, candidate) }
        }
        return nil
    }
}

/// The contract's fallback order: the reader's language, the default, English, then the site's order.
public enum FallbackOrder {
    public static func languages(for language: Language, siteOrder: [Language]) -> [Language] {
        // Three languages at most: a list's `contains` is cheaper than a set, and this runs for every text shown.
        var order = [language]
        order.reserveCapacity(siteOrder.count + 2)
        for candidate in [siteOrder.first, .en].compactMap({ $0 }) + siteOrder where !order.contains(candidate) {
            order.append(candidate)
        }
        return order
    }
}
