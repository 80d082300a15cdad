/// Plain text from converted Markdown, for the snippets of search results.
public enum PlainText {
    /// The first `limit` characters of `html`'s text: tags dropped (a block's end is a space), the references
    /// libcmark-gfm writes decoded, runs of white space made one space; cut at a word's end.
    public static func excerpt(ofHTML html: String, limit: Int) -> String {
        var result = ""
        var pendingSpace = false
        var index = html.startIndex
        var count = 0
        while index < html.endIndex, count < limit {
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
        guard count >= limit else { return result }
        // Cut at the last word's end and say that it goes on.
        if let space = result.lastIndex(of: " "), result.distance(from: result.startIndex, to: space) > limit / 2 {
            result = String(result[..<space])
        }
        return result + "…"
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
