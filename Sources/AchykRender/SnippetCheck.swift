/// Checks that a theme's HTML snippet is well-formed: every element opened is closed in order (void elements
/// excepted), tags and comments end, attribute values are quoted to their end. A snippet goes into every page
/// as it is, so one unclosed `<div>` would swallow the rest of each page.
enum SnippetCheck {
    struct Problem: Equatable {
        let line: Int
        let message: String
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The first problem, with its line; nil when the snippet is well-formed.
    static func problem(in html: String) -> Problem? {
        let scalars = Array(html.unicodeScalars)
        var open: [(name: String, line: Int)] = []
        var line = 1
        var index = 0
        func lineAt(_ position: Int) -> Int {
            line + scalars[index..<min(position, scalars.count)].count { $0 == "\n" }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            guard scalar == "<" else {
                index += 1
                continue
            }
            if scalars[index...].starts(with: "<!--".unicodeScalars) {
                guard let end = find("-->", in: scalars, from: index + 4) else { return Problem(line: line, message: "a comment is not closed (-->)") }
                line = lineAt(end)
                index = end + 3
                continue
            }
            if index + 1 < scalars.count, scalars[index + 1] == "!" {
                // <!DOCTYPE …> or similar: it must end.
                guard let end = scalars[index...].firstIndex(of: ">") else { return Problem(line: line, message: "'<!' is not closed with '>'") }
                line = lineAt(end)
                index = end + 1
                continue
            }
            let isClosing = index + 1 < scalars.count && scalars[index + 1] == "/"
            var cursor = index + (isClosing ? 2 : 1)
            var name = ""
            while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "-" {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            name = name.lowercased()
            guard !name.isEmpty else { return Problem(line: line, message: "'<' that starts no tag; write &lt; for a less-than sign") }
            // To the end of the tag, skipping quoted attribute values.
            var quote: Unicode.Scalar?
            var selfClosing = false
            let tagLine = line
            while cursor < scalars.count {
                let c = scalars[cursor]
                if c == "\n" { line += 1 }
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == ">" {
                    selfClosing = cursor > 0 && scalars[cursor - 1] == "/"
                    break
                } else if c == "<" {
                    return Problem(line: tagLine, message: "the tag <\(name)> is not closed with '>'")
                }
                cursor += 1
            }
            guard cursor < scalars.count else {
                return Problem(line: tagLine, message: quote == nil ? "the tag <\(name)> is not closed with '>'" : "an attribute value of <\(name)> has no closing quote")
            }
            index = cursor + 1
            if isClosing {
                guard let last = open.last else { return Problem(line: tagLine, message: "</\(name)> closes nothing") }
                guard last.name == name else {
                    return Problem(line: tagLine, message: "</\(name)> where <\(last.name)> from line \(last.line) must be closed first")
                }
                open.removeLast()
            } else if !selfClosing && !voidElements.contains(name) {
                open.append((name, tagLine))
                if name == "script" || name == "style" {
                    // Their text is not markup: skip to the closing tag.
                    guard let end = find("</\(name)", in: scalars, from: index, caseInsensitive: true) else {
                        return Problem(line: tagLine, message: "<\(name)> is not closed")
                    }
                    line = lineAt(end)
                    index = end
                }
            }
        }
        if let last = open.last { return Problem(line: last.line, message: "<\(last.name)> is not closed") }
        return nil
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard start <= scalars.count - pattern.count else { return nil }
        for position in start...(scalars.count - pattern.count) {
            var matches = true
            for (offset, p) in pattern.enumerated() {
                let c = scalars[position + offset]
                let folded = caseInsensitive ? (c.properties.lowercaseMapping.unicodeScalars.first ?? c) : c
                if folded != p {
                    matches = false
                    break
                }
            }
            if matches { return position }
        }
        return nil
    }
}
