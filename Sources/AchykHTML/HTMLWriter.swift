/// Writes an HTML (or SVG) document into one string.
///
/// Escaping is the default: markup comes only from string literals (`StaticString`, which no content can reach),
/// every runtime text and attribute value is escaped, and the one way to add unescaped markup is `raw(_:)`, used
/// for libcmark-gfm's HTML, the SVG charts and a theme's snippets.
public struct HTMLWriter: Sendable {
    public private(set) var html: String

    public init(capacity: Int = 0) {
        html = ""
        if capacity > 0 { html.reserveCapacity(capacity) }
    }

    /// Literal markup: tags, attribute names, line breaks.
    public mutating func put(_ markup: StaticString) {
        markup.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    /// A text, escaped.
    public mutating func text(_ text: String) {
        Escaping.append(text, to: &html)
    }

    /// Markup made elsewhere and trusted as it is: libcmark-gfm's output, an SVG chart, a theme's snippet.
    public mutating func raw(_ markup: String) {
        html += markup
    }

    /// `<name a="v" …>`; an attribute whose value is nil is left out.
    public mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        put("<")
        put(name)
        for (attribute, value) in attributes {
            guard let value else { continue }
            put(" ")
            put(attribute)
            put("=\"")
            text(value)
            put("\"")
        }
        put(">")
    }

    public mutating func close(_ name: StaticString) {
        put("</")
        put(name)
        put(">")
    }

    /// `<name …>text</name>`.
    public mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text content: String) {
        open(name, attributes)
        text(content)
        close(name)
    }

    /// `<name …>`, what `content` writes, `</name>`.
    public mutating func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ content: (inout HTMLWriter) -> Void
    ) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// `<a href="…">text</a>`, with `download` when the link is a file to keep.
    public mutating func link(_ label: String, href: String, download: Bool = false) {
        put("<a href=\"")
        text(href)
        put(download ? "\" download>" : "\">")
        text(label)
        put("</a>")
    }

    /// Appends what another writer wrote (a part made once and placed in several pages).
    public mutating func append(_ other: HTMLWriter) {
        html += other.html
    }
}

/// Escaping for HTML and XML text and attribute values: the five characters with a meaning in markup.
public enum Escaping {
    public static func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Works on UTF-8 bytes: most texts need nothing and are appended whole.
    public static func append(_ text: String, to output: inout String) {
        var text = text
        let needsWork = text.withUTF8 { bytes in
            bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard needsWork else {
            output += text
            return
        }
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                if index > start { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                replacement.withUTF8Buffer { output += String(decoding: $0, as: UTF8.self) }
                start = index + 1
            }
            if start < bytes.count { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
        }
    }
}
