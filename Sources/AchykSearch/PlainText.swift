import Foundation

/// Plain text from converted Markdown, for the snippets of search results.
public enum PlainText {
    /// The first `limit` characters of `html`'s text: tags dropped (a block's end is a space), the references
    /// libcmark-gfm writes decoded, runs of white space made one space; cut at a word's end.
    public static func excerpt(ofHTML html: String, limit: Int) -> String {
        var result = ""
        var pendingSpace = false
        var index = html.startIndex
        var count = 0
        // One character past the limit tells whether the text goes on.
        while index < html.endIndex, count <= limit {
            let character = html[index]
            if character == "<" {
                guard let end = html[index...].firstIndex(of: ">") else { break }
                pendingSpace = true
                index = html.index(after: end)
                continue
            }
            var text = character
            if character == "&", let end = html[index...].prefix(10).firstIndex(of: ";") {
                let name = html[html.index(after: index)..<end]
                if let decoded = references[String(name)] {
                    text = decoded
                    index = end
                } else if name.hasPrefix("#"), let value = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                    let scalar = Unicode.Scalar(value)
                {
                    text = Character(scalar)
                    index = end
                }
            }
            index = html.index(after: index)
            if text.isWhitespace || text.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty {
                result.append(" ")
                count += 1
            }
            pendingSpace = false
            result.append(text)
            count += 1
        }
        return cut(result, at: limit)
    }

    /// The first `limit` characters of `text`, cut at a word's end, with "…" to say that it goes on.
    public static func cut(_ text: String, at limit: Int) -> String {
        guard text.count > limit else { return text }
        var result = String(text.prefix(limit))
        if let space = result.lastIndex(of: " "), result.distance(from: result.startIndex, to: space) > limit / 2 {
            result = String(result[..<space])
        }
        return result + "…"
    }

    /// `text` in Unicode's composed form (NFC), as the browser makes the query: a letter written as a base and a
    /// combining mark (й as и + ̆) would otherwise be two words. Most text has no combining mark and is left as it is.
    public static func composed(_ text: String) -> String {
        // U+0300–U+036F, the common combining marks, start with 0xCC or 0xCD in UTF-8.
        guard text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    private static let references: [String: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// `text` with runs of white space and control characters made one space, trimmed.
    public static func collapsed(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
