/// The minimal writer: markup goes into one string as it is, texts and attribute values escaped.
struct HTMLWriter {
    var html = ""

    init(capacity: Int = 0) {
        html.reserveCapacity(capacity)
    }

    /// Markup, appended as it is: tags, or HTML made elsewhere.
    mutating func raw(_ markup: String) {
        html += markup
    }

    /// A text, with `& < > " '` escaped. Most texts have none of them and are appended whole.
    mutating func text(_ text: String) {
        var text = text
        guard text.withUTF8({ $0.contains(where: Self.needsEscaping) }) else {
            html += text
            return
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        for index in utf8.indices {
            let entity: String
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            html.append(contentsOf: text[start..<index])
            html += entity
            start = utf8.index(after: index)
        }
        html.append(contentsOf: text[start...])
    }

    /// ` name="value"`, the value escaped: written between `raw("<tag")` and `raw(">")`.
    mutating func attribute(_ name: String, _ value: String) {
        html += " "
        html += name
        html += "=\""
        text(value)
        html += "\""
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}

/// Shorthands for the page's recurring elements, as a theme would have them.
extension HTMLWriter {
    /// `<meta name="…" content="…">`
    mutating func meta(name: String, content: String) {
        raw("<meta")
        attribute("name", name)
        attribute("content", content)
        raw(">")
    }

    /// `<meta property="…" content="…">`
    mutating func meta(property: String, content: String) {
        raw("<meta")
        attribute("property", property)
        attribute("content", content)
        raw(">")
    }

    /// `<a href="…">label</a>`
    mutating func link(_ label: String, href: String) {
        raw("<a")
        attribute("href", href)
        raw(">")
        text(label)
        raw("</a>")
    }
}
