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
        for candidate in FallbackOrder.languages(for: language, siteOrder: order) {
            if let text = texts[candidate] { return (text, candidate) }
        }
        return nil
    }
}

/// The contract's fallback order: the reader's language, the default, English, then the site's order.
public enum FallbackOrder {
    public static func languages(for language: Language, siteOrder: [Language]) -> [Language] {
        var order = [language]
        if let first = siteOrder.first { order.append(first) }
        order.append(.en)
        order += siteOrder
        var seen = Set<Language>()
        return order.filter { seen.insert($0).inserted }
    }
}
