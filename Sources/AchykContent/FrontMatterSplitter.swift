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
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
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
