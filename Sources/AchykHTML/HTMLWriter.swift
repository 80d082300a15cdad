/// Writes an HTML (or SVG) document into one string.
///
/// Escaping is the default: markup comes only from string literals (`StaticString`, which no content can reach),
/// every runtime text and attribute value is escaped, and the one way to add unescaped markup is `raw(_:)`, used
/// for libcmark-gfm's HTML, the SVG charts and a theme's snippets.
public struct HTMLWriter: Sendable {
    /// UTF-8 bytes: appending bytes is cheaper than growing a `String`, and a file is written as bytes anyway.
    public var bytes: [UInt8] { storage }
    // Inlinable, with the writing calls below: a page makes hundreds of calls, and inlined, the attribute lists
    // they pass need no heap allocation.
    @usableFromInline var storage: [UInt8]

    /// Whether the last byte written is a full stop, so that a sentence added after an abbreviation ("г.") does not
    /// get a second one.
    public var endsWithFullStop: Bool { storage.last == 0x2E }

    public init(capacity: Int = 0) {
        storage = []
        if capacity > 0 { storage.reserveCapacity(capacity) }
    }

    /// What has been written, as text.
    public var html: String { String(decoding: storage, as: UTF8.self) }

    /// Literal markup: tags, attribute names, line breaks.
    @inlinable public mutating func put(_ markup: StaticString) {
        markup.withUTF8Buffer { storage.append(contentsOf: $0) }
    }

    /// A text, escaped.
    @inlinable public mutating func text(_ text: String) {
        Escaping.append(text, to: &storage)
    }

    /// A text escaped once and placed on many pages (the site's title, the layout's words).
    @inlinable public mutating func text(_ text: EscapedText) {
        storage.append(contentsOf: text.bytes)
    }

    /// Markup made elsewhere and trusted as it is: libcmark-gfm's output, an SVG chart, a theme's snippet.
    public mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { storage.append(contentsOf: $0) }
    }

    /// A JSON string literal, quoted, that can stand inside a `<script>` element (JSON-LD): quotes, backslashes and
    /// control characters escaped as JSON wants, and `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, so that no
    /// text can end the element or open a comment.
    public mutating func jsonString(_ text: String) {
        var text = text
        storage.append(0x22)
        text.withUTF8 { bytes in
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            func unicodeEscape(_ value: Int) {
                storage.append(contentsOf: [0x5C, 0x75, hex[value >> 12 & 15], hex[value >> 8 & 15], hex[value >> 4 & 15], hex[value & 15]])
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22, 0x5C:
                    storage.append(0x5C)
                    storage.append(byte)
                case 0x00..<0x20, 0x3C, 0x3E, 0x26:
                    unicodeEscape(Int(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default:
                    storage.append(byte)
                }
                index += 1
            }
        }
        storage.append(0x22)
    }

    /// A whole number in ASCII digits, without grouping (coordinates, counts).
    public mutating func integer(_ value: Int) {
        if value < 0 { storage.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { storage.append(buffer[index]) }
        }
    }

    /// `<name a="v" …>`; an attribute whose value is nil is left out.
    @inlinable public mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
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

    @inlinable public mutating func close(_ name: StaticString) {
        put("</")
        put(name)
        put(">")
    }

    /// `<name …>text</name>`.
    @inlinable public mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text content: String) {
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
        storage.append(contentsOf: other.storage)
    }
}

/// A text already escaped, made only by escaping: a page can place it as it is, and it can never be markup.
public struct EscapedText: Hashable, Sendable {
    @usableFromInline let bytes: [UInt8]

    public init(_ text: String) {
        var bytes: [UInt8] = []
        Escaping.append(text, to: &bytes)
        self.bytes = bytes
    }
}

/// Escaping for HTML and XML text and attribute values: the five characters with a meaning in markup, and the
/// control characters that XML forbids (a U+0001 in a news title made the feed not well-formed), which become
/// U+FFFD, the replacement character.
public enum Escaping {
    public static func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// The text's UTF-8 bytes, escaped, appended to `output`.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                // Letters, digits above '>', every byte of a non-ASCII character: nothing to do (most bytes).
                if byte > 0x3E { continue }
                let replacement: StaticString
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: replacement = "\u{FFFD}"
                default: continue
                }
                if index > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }

    /// Most texts need nothing and are appended whole; the others go through the byte loop above.
    public static func append(_ text: String, to output: inout String) {
        var text = text
        let needsWork = text.withUTF8 { bytes in
            bytes.contains { $0 <= 0x3E && ($0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D)) }
        }
        guard needsWork else {
            output += text
            return
        }
        var escaped: [UInt8] = []
        append(text, to: &escaped)
        output += String(decoding: escaped, as: UTF8.self)
    }
}
