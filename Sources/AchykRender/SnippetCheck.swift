/// Checks that a theme's HTML snippet is well-formed, as a browser would read it in its place: every element
/// opened is closed in order (void elements excepted; `/>` closes nothing else, as in HTML), tags and comments
/// end, attribute values are quoted to their end, and the text of `script`, `style`, `title`, `textarea` and the
/// like runs to its own closing tag. A snippet goes into every page as it is, so one unclosed `<div>` or `<b/>`
/// would swallow the rest of each page.
enum SnippetCheck {
    struct Problem: Equatable {
        let line: Int
        let message: String
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Elements whose content is text up to their own closing tag, whatever it holds.
    static let rawTextElements: Set<String> = [
        "script", "style", "title", "textarea", "iframe", "xmp", "noembed", "noframes", "noscript",
    ]

    /// What may stand in `<head>`: anything else (text, a `<div>`) ends the head in a browser.
    static let headElements: Set<String> = ["meta", "link", "script", "style", "noscript", "base", "template", "title"]

    /// The first problem, with its line; nil when the snippet is well-formed. `inHead`: the snippet goes into
    /// `<head>`, where only head elements, comments and white space may stand.
    static func problem(in html: String, inHead: Bool = false) -> Problem? {
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
                if inHead, open.isEmpty, !scalar.properties.isWhitespace {
                    return Problem(line: line, message: "text in head.html ends the page's <head>; put only head elements there (meta, link, script, style)")
                }
                index += 1
                continue
            }
            if scalars[index...].starts(with: "<!--".unicodeScalars) {
                // `<!-->` and `<!--->` are whole (empty) comments to a browser.
                if scalars[index...].starts(with: "<!-->".unicodeScalars) { index += 5; continue }
                if scalars[index...].starts(with: "<!--->".unicodeScalars) { index += 6; continue }
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
            if name == "plaintext" { return Problem(line: line, message: "<plaintext> turns the rest of every page into text") }
            if inHead, open.isEmpty, !isClosing, !headElements.contains(name) {
                return Problem(line: line, message: "<\(name)> in head.html ends the page's <head>; put only head elements there (meta, link, script, style)")
            }
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
            // Inside <svg> and <math>, `/>` closes an element, as in XML.
            let isForeign = open.contains { $0.name == "svg" || $0.name == "math" }
            if isClosing {
                guard let last = open.last else { return Problem(line: tagLine, message: "</\(name)> closes nothing") }
                guard last.name == name else {
                    return Problem(line: tagLine, message: "</\(name)> where <\(last.name)> from line \(last.line) must be closed first")
                }
                open.removeLast()
            } else if voidElements.contains(name) || (selfClosing && isForeign) {
                continue
            } else if selfClosing {
                return Problem(line: tagLine, message: "<\(name)/> does not close <\(name)> in HTML; write <\(name)></\(name)>")
            } else {
                open.append((name, tagLine))
                if rawTextElements.contains(name) {
                    // Their text is not markup: a browser reads it to the first closing tag, whatever it holds.
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
