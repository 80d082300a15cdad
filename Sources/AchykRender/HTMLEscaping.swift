import Mustache

/// HTML escaping over UTF-8 bytes, registered as the content type `achyk-html` that every template of the theme
/// declares. swift-mustache's own escaping walks grapheme clusters through a dictionary, which took a sixth of a
/// large build; this escapes the same five characters and returns most strings, which need nothing, untouched.
struct FastHTMLContentType: MustacheContentType {
    static let name = "achyk-html"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return nil
            }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: escaped += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x3C: escaped += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: escaped += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x22: escaped += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0x27: escaped += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    /// Makes the content type known to template parsing; safe to call more than once.
    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }
}
