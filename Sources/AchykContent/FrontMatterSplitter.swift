import AchykModel

/// A Markdown file cut into its YAML front matter and its body, with the lines where each starts.
struct SplitMarkdownFile: Hashable, Sendable {
    /// The YAML between the `---` lines; nil when the file has none.
    let frontMatter: String?
    /// Lines of the file before the YAML (the opening `---`).
    let frontMatterLineOffset: Int
    let body: String
    /// The physical line of the file where the body starts.
    let bodyLine: Int
}

/// Splits a Markdown file at its front-matter delimiters (`---` lines; `...` may close, as in YAML).
enum FrontMatterSplitter {
    enum Problem: Error, Hashable {
        /// The file opens with `---` and no line closes the front matter.
        case unclosed
    }

    static func split(_ text: String) -> Result<SplitMarkdownFile, Problem> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Files with Windows line ends take the slow path that normalises them; the rest is scanned as bytes, and
        // only up to the closing delimiter.
        if text.utf8.contains(0x0D) { return splitNormalisingLineEnds(text) }
        let utf8 = text.utf8
        guard let firstEnd = utf8.firstIndex(of: 0x0A) ?? Optional(utf8.endIndex),
            isDelimiter(text[utf8.startIndex..<firstEnd], opening: true)
        else {
            return .success(SplitMarkdownFile(frontMatter: nil, frontMatterLineOffset: 0, body: String(text), bodyLine: 1))
        }
        var line = 1
        var lineStart = firstEnd == utf8.endIndex ? firstEnd : utf8.index(after: firstEnd)
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            line += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            if isDelimiter(text[lineStart..<lineEnd], opening: false) {
                let yamlEnd = yamlStart < lineStart ? utf8.index(before: lineStart) : lineStart
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return .success(SplitMarkdownFile(
                    frontMatter: String(text[yamlStart..<yamlEnd]), frontMatterLineOffset: 1,
                    body: String(text[bodyStart...]), bodyLine: line + 1))
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return .failure(.unclosed)
    }

    private static func splitNormalisingLineEnds(_ text: Substring) -> Result<SplitMarkdownFile, Problem> {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = lines.first, isDelimiter(first, opening: true) else {
            return .success(SplitMarkdownFile(frontMatter: nil, frontMatterLineOffset: 0, body: String(text), bodyLine: 1))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], opening: false) }) else {
            return .failure(.unclosed)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(SplitMarkdownFile(frontMatter: yaml, frontMatterLineOffset: 1, body: body, bodyLine: closing + 2))
    }

    private static func isDelimiter(_ line: Substring, opening: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (!opening && trimmed == "...")
    }
}
