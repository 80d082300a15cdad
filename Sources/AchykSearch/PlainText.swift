import Foundation

/// Plain text from converted Markdown, for the snippets of search results.
///
/// Works on UTF-8 bytes: it runs over the start of every page of the site in every language, and working on
/// characters (grapheme breaking, Unicode properties per letter) cost more than the whole index.
public enum PlainText {
    /// The first `limit` characters of `html`'s text: tags dropped (a block's end is a space), the references
    /// libcmark-gfm writes decoded, runs of white space made one space; cut at a word's end.
    public static func excerpt(ofHTML html: String, limit: Int) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output = Output(limit: limit)
            var index = 0
            while index < bytes.count, !output.isFull {
                let byte = bytes[index]
                if byte == 0x3C {  // <
                    guard let end = bytes[index...].firstIndex(of: 0x3E) else { break }
                    output.space()
                    index = end + 1
                    continue
                }
                if byte == 0x26, let (scalar, length) = reference(in: bytes, at: index) {  // &
                    output.append(scalar)
                    index += length
                    continue
                }
                index = output.appendCharacter(of: bytes, at: index)
            }
            return output.text
        }
    }

    /// `text` with runs of white space and control characters made one space, trimmed.
    public static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = Output(limit: Int.max)
            var index = 0
            while index < bytes.count { index = output.appendCharacter(of: bytes, at: index) }
            return output.text
        }
    }

    /// The first `limit` characters of `text`, cut at a word's end, with "…" to say that it goes on.
    public static func cut(_ text: String, at limit: Int) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = Output(limit: limit)
            var index = 0
            while index < bytes.count, !output.isFull { index = output.appendCharacter(of: bytes, at: index) }
            return output.text
        }
    }

    /// `text` in Unicode's composed form (NFC), as the browser makes the query: a letter written as a base and a
    /// combining mark (й as и + ̆) would otherwise be two words. Most text has no combining mark and is left as it is.
    public static func composed(_ text: String) -> String {
        // U+0300–U+036F, the common combining marks, start with 0xCC or 0xCD in UTF-8.
        guard text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    private static let references: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// A character reference at `index` (`&amp;`, `&#1187;`, `&#x4A3;`) and its length in bytes.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < bytes.count, end - index < 10, bytes[end] != 0x3B { end += 1 }
        guard end < bytes.count, bytes[end] == 0x3B else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
        if let scalar = references[name] { return (scalar, end + 1 - index) }
        guard name.hasPrefix("#") else { return nil }
        let number = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst())
        return number.flatMap(Unicode.Scalar.init).map { ($0, end + 1 - index) }
    }

    /// Text being made: at most `limit` characters and a "…" when more was offered, one space for each run of them.
    private struct Output {
        let limit: Int
        var bytes: [UInt8] = []
        var count = 0
        var pendingSpace = false
        /// The byte count where the last space was written, to cut at a word's end.
        var lastSpace: (bytes: Int, count: Int)? = nil
        var overflow = false

        init(limit: Int) {
            self.limit = limit
            if limit < Int.max { bytes.reserveCapacity(limit * 2 + 8) }
        }

        var isFull: Bool { overflow }

        mutating func space() { pendingSpace = true }

        /// Appends the character that starts at `index` (a space for white space and control characters) and
        /// returns the index after it.
        mutating func appendCharacter(of source: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
            let byte = source[index]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let end = min(source.count, index + length)
            if byte < 0x80 {
                if byte <= 0x20 || byte == 0x7F { pendingSpace = true; return end }
            } else if byte == 0xC2, end - index == 2, source[index + 1] <= 0xA0 || source[index + 1] == 0xAD {
                pendingSpace = true  // C1 controls, the no-break space, the soft hyphen
                return end
            } else if byte >= 0xE0 {
                var scalarValue = UInt32(byte & (byte < 0xF0 ? 0x0F : 0x07))
                for k in (index + 1)..<end { scalarValue = scalarValue << 6 | UInt32(source[k] & 0x3F) }
                if let scalar = Unicode.Scalar(scalarValue), PlainText.isSpace(scalar) { pendingSpace = true; return end }
            }
            appendBytes(source[index..<end])
            return end
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            if PlainText.isSpace(scalar) { pendingSpace = true; return }
            var buffer = [UInt8]()
            UTF8.encode(scalar) { buffer.append($0) }
            appendBytes(buffer[...])
        }

        private mutating func appendBytes<C: Collection>(_ character: C) where C.Element == UInt8 {
            if pendingSpace, count > 0 {
                guard count < limit else { overflow = true; return }
                lastSpace = (bytes.count, count)
                bytes.append(0x20)
                count += 1
            }
            pendingSpace = false
            guard count < limit else { overflow = true; return }
            bytes.append(contentsOf: character)
            count += 1
        }

        var text: String {
            guard overflow else { return String(decoding: bytes, as: UTF8.self) }
            var kept = bytes[...]
            if let space = lastSpace, space.count > limit / 2 { kept = bytes[..<space.bytes] }
            return String(decoding: kept, as: UTF8.self) + "…"
        }
    }

    /// White space and control characters, with a fast answer for ASCII.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        if scalar.value <= 0x9F || scalar.value == 0xA0 { return true }
        // Cyrillic and the other alphabets up to U+167F hold no space or control character.
        if scalar.value < 0x1680 { return scalar.value == 0xAD }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }
}
