/// How two renderings of a page compare: the same HTML (the same tags, attributes and texts once entities are
/// decoded and `<…/>` is read as `<…>`), byte for byte, and how many tokens are spelled differently.
struct HTMLComparison {
    private(set) var sameHTML = true
    private(set) var byteIdentical: Bool
    private(set) var tokenCount: Int
    /// Tags that one side closes with `/>` and the other not.
    private(set) var selfClosingDifferences = 0
    /// Texts that decode to the same but are spelled with other entities.
    private(set) var textSpellings = 0
    /// Tags whose attribute values decode to the same but are spelled with other entities.
    private(set) var attributeSpellings = 0
    /// The first tokens that differ as HTML.
    private(set) var firstDifference: (String, String)?

    init(_ first: String, _ second: String) {
        byteIdentical = first.utf8.elementsEqual(second.utf8)
        let firstTokens = HTMLToken.tokens(of: first)
        let secondTokens = HTMLToken.tokens(of: second)
        tokenCount = firstTokens.count
        for (a, b) in zip(firstTokens, secondTokens) {
            guard a == b else {
                sameHTML = false
                firstDifference = (a.source, b.source)
                return
            }
            if a.selfClosing != b.selfClosing { selfClosingDifferences += 1 }
            if a.attributes.map(\.source) != b.attributes.map(\.source) { attributeSpellings += 1 }
            if a.kind == .text && a.source != b.source { textSpellings += 1 }
        }
        if firstTokens.count != secondTokens.count {
            sameHTML = false
            firstDifference = (firstTokens.last?.source ?? "", secondTokens.last?.source ?? "")
        }
    }
}

/// A token of the HTML that the two ways write: quoted attribute values, no comments, scripts or styles. Not a
/// general HTML parser.
struct HTMLToken: Equatable {
    enum Kind { case declaration, startTag, endTag, text }

    struct Attribute: Equatable {
        var name: String
        var value: String
        /// The value as written.
        var source: String

        static func == (a: Attribute, b: Attribute) -> Bool { a.name == b.name && a.value == b.value }
    }

    var kind: Kind
    /// The tag's name, or the text with entities decoded.
    var content: String
    var attributes: [Attribute] = []
    var selfClosing = false
    /// The token as written.
    var source: String

    static func == (a: HTMLToken, b: HTMLToken) -> Bool {
        a.kind == b.kind && a.content == b.content && a.attributes == b.attributes
    }

    static func tokens(of html: String) -> [HTMLToken] {
        let bytes = Array(html.utf8)
        var tokens: [HTMLToken] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == lessThan else {
                let end = bytes[index...].firstIndex(of: lessThan) ?? bytes.count
                let source = string(bytes[index..<end])
                tokens.append(HTMLToken(kind: .text, content: decoded(source), source: source))
                index = end
                continue
            }
            var end = index + 1
            var quoted = false
            while end < bytes.count && (quoted || bytes[end] != greaterThan) {
                if bytes[end] == quote { quoted.toggle() }
                end += 1
            }
            tokens.append(tag(bytes[(index + 1)..<min(end, bytes.count)]))
            index = end + 1
        }
        return tokens
    }

    /// A tag from what stands between `<` and `>`.
    private static func tag(_ inner: ArraySlice<UInt8>) -> HTMLToken {
        let source = "<" + string(inner) + ">"
        switch inner.first {
        case UInt8(ascii: "!"): return HTMLToken(kind: .declaration, content: string(inner), source: source)
        case UInt8(ascii: "/"): return HTMLToken(kind: .endTag, content: string(inner.dropFirst()), source: source)
        default: break
        }
        var token = HTMLToken(kind: .startTag, content: "", source: source)
        var rest = inner
        if rest.last == UInt8(ascii: "/") {
            token.selfClosing = true
            rest = rest.dropLast()
        }
        let nameEnd = rest.firstIndex(of: space) ?? rest.endIndex
        token.content = string(rest[..<nameEnd])
        rest = rest[nameEnd...]
        while true {
            rest = rest.drop { $0 == space }
            guard !rest.isEmpty else { break }
            let nameEnd = rest.firstIndex { $0 == equals || $0 == space } ?? rest.endIndex
            let name = string(rest[..<nameEnd])
            rest = rest[nameEnd...]
            var value = ""
            if rest.first == equals, rest.dropFirst().first == quote {
                rest = rest.dropFirst(2)
                let close = rest.firstIndex(of: quote) ?? rest.endIndex
                value = string(rest[..<close])
                rest = rest[close...].dropFirst()
            }
            token.attributes.append(Attribute(name: name, value: decoded(value), source: value))
        }
        return token
    }

    private static let entities: [(String, Character)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
    ]

    /// The text with the five entities that escaping writes decoded; others are left as they are.
    private static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            if let (entity, character) = entities.first(where: { rest.hasPrefix($0.0) }) {
                result.append(character)
                rest = rest.dropFirst(entity.count)
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")
    private static let quote = UInt8(ascii: "\"")
    private static let equals = UInt8(ascii: "=")
    private static let space = UInt8(ascii: " ")
}
