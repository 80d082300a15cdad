/// Makes heading ids the way GitHub does: lowercase words joined by hyphens, numbered when repeated.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else if character == " " || character == "-" || character == "_" {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count + 1)"
    }
}

/// Puts heading ids into cmark's HTML, which writes every heading as a bare `<hN>` in document order.
enum HeadingAnchors {
    static func insertIDs(_ headings: [MarkdownHeading], into html: String) -> String {
        guard !headings.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + headings.count * 24)
        var remaining = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = remaining.range(of: tag) else { break }
            result += remaining[..<range.lowerBound]
            result += "<h\(heading.level) id=\"\(heading.id)\">"
            remaining = remaining[range.upperBound...]
        }
        result += remaining
        return result
    }
}
