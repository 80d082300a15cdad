import Foundation

/// Links the first mention of each glossary term in a page's HTML to the term's heading on the glossary page.
///
/// Terms are the glossary's `###` headings (a parenthesis in a heading is not part of the term). Text inside
/// links, headings and code is left alone; a term matches without regard to case and in its inflected forms
/// (each word's last letter or two may change and a few letters follow: Russian endings and Kyrgyz suffixes,
/// "местного самоуправления", "айыл өкмөтүнүн", but not "районный" for "район"); longer terms are tried first,
/// so "айыл өкмөтү" wins over "айыл".
///
/// `@unchecked Sendable` because `NSRegularExpression` is not marked Sendable on Linux; the patterns are made once
/// in `init`, never changed, and Foundation documents a regular expression as safe to use from several threads.
public struct GlossaryLinker: @unchecked Sendable {
    public struct Term: Hashable, Sendable {
        public let text: String
        public let id: String

        public init(text: String, id: String) {
            self.text = text
            self.id = id
        }
    }

    public let terms: [Term]
    /// Each term's pattern, compiled once (NSRegularExpression is immutable, so safe to share between threads).
    private let patterns: [String: NSRegularExpression]

    public init(terms: [Term]) {
        self.terms = terms.filter { $0.text.count >= 3 }.sorted { ($0.text.count, $0.text) > ($1.text.count, $1.text) }
        var patterns: [String: NSRegularExpression] = [:]
        for term in self.terms { patterns[term.text] = Self.pattern(for: term.text) }
        self.patterns = patterns
    }

    /// The terms of a glossary page's Markdown, with the ids its headings get.
    public init(glossaryMarkdown markdown: String) {
        var ids = HeadingIDs()
        var terms: [Term] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let level = line.prefix { $0 == "#" }.count
            guard (1...6).contains(level), line.dropFirst(level).first == " " else { continue }
            let heading = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
            let id = ids.next(for: heading)
            if level == 3 {
                let term = heading.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? heading
                terms.append(Term(text: term, id: id))
            }
        }
        self.init(terms: terms)
    }

    private static let skippedElements: Set<String> = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"]

    /// `html` with the first mention of each term linked to `glossaryHref#id`.
    public func link(_ html: String, glossaryHref: String) -> String {
        guard !terms.isEmpty else { return html }
        var remaining = terms
        var result = ""
        var skipDepth = 0
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let tagStart = rest.firstIndex(of: "<") else {
                result += skipDepth == 0 ? linkTerms(in: rest, &remaining, glossaryHref) : String(rest)
                break
            }
            let text = rest[..<tagStart]
            result += skipDepth == 0 ? linkTerms(in: text, &remaining, glossaryHref) : String(text)
            guard let tagEnd = rest[tagStart...].firstIndex(of: ">") else {
                result += rest[tagStart...]
                break
            }
            let tag = rest[tagStart...tagEnd]
            let closing = tag.hasPrefix("</")
            let name = tag.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber }.lowercased()
            if Self.skippedElements.contains(name) { skipDepth = max(0, skipDepth + (closing ? -1 : 1)) }
            result += tag
            rest = rest[rest.index(after: tagEnd)...]
        }
        return result
    }

    private func linkTerms(in text: Substring, _ remaining: inout [Term], _ href: String) -> String {
        guard !remaining.isEmpty, !text.isEmpty else { return String(text) }
        var result = ""
        var rest = String(text)
        while true {
            var earliest: (range: Range<String.Index>, index: Int)?
            for (index, term) in remaining.enumerated() {
                guard let pattern = patterns[term.text],
                    let match = pattern.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)),
                    let range = Range(match.range, in: rest)
                else { continue }
                if earliest == nil || range.lowerBound < earliest!.range.lowerBound { earliest = (range, index) }
            }
            guard let (range, index) = earliest else { break }
            let term = remaining.remove(at: index)
            result += rest[..<range.lowerBound]
            result += "<a class=\"term\" href=\"\(href)#\(term.id)\">\(rest[range])</a>"
            rest = String(rest[range.upperBound...])
        }
        return result + rest
    }

    /// A whole-word match of the term or one of its inflected forms.
    private static func pattern(for term: String) -> NSRegularExpression? {
        let words = term.split(whereSeparator: \.isWhitespace).map { word -> String in
            let letters = String(word)
            let dropped = letters.count >= 7 ? 2 : letters.count >= 5 ? 1 : 0
            let stem = String(letters.dropLast(dropped))
            let endings = stem.count >= 5 ? 4 : 3
            return NSRegularExpression.escapedPattern(for: stem) + "[\\p{L}]{0,\(endings)}"
        }
        let pattern = "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])"
        return try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}
