/// What a search result says a page is.
public enum SearchKind: String, CaseIterable, Sendable {
    case caseStudy = "case", budget, municipality, partnership, news, page
}

/// One page as the search index sees it.
public struct SearchDocument: Sendable {
    /// The page's output path from the site root.
    public let path: String
    public let title: String
    public let kind: SearchKind
    /// Where it is (an oblast, a municipality); may be empty.
    public let place: String
    /// Words that say what the page is about without being its title (its place, year, topics): they rank a page
    /// above those that only mention them.
    public let keywords: String
    /// A summary in plain text, shown first in the result's snippet.
    public let summary: String
    /// The page's text as converted HTML; its tags are skipped.
    public let bodyHTML: String

    public init(path: String, title: String, kind: SearchKind, place: String = "", keywords: String = "", summary: String = "", bodyHTML: String = "") {
        self.path = path
        self.title = title
        self.kind = kind
        self.place = place
        self.keywords = keywords
        self.summary = summary
        self.bodyHTML = bodyHTML
    }
}

/// One file of a language's search index, relative to the index folder.
public struct SearchIndexFile: Sendable {
    public let name: String
    public let contents: String
}
