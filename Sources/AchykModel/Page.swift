/// The kinds of Markdown content, each with its folder under `Content/` and its place in the URL layout.
public enum PageKind: String, CaseIterable, Hashable, Sendable, Comparable {
    case page = "pages"
    case news = "news"
    case caseStudy = "handbook"
    /// A CSO's commentary on one budget year (`budgets/<municipality>/<year>.<lang>.md`), shown on that year's
    /// citizen-budget page rather than as a page of its own; its stem is `<municipality>/<year>`.
    case budgetCommentary = "budgets"

    /// The content folder, which is also the URL section (none for plain pages).
    public var folder: String { rawValue }

    public static func < (lhs: PageKind, rhs: PageKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Identifies one page across its translations: its kind and its file stem.
public struct PageKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let kind: PageKind
    public let stem: String

    public init(_ kind: PageKind, _ stem: String) {
        self.kind = kind
        self.stem = stem
    }

    public var description: String { "\(kind.folder)/\(stem)" }

    public static func < (lhs: PageKey, rhs: PageKey) -> Bool { (lhs.kind, lhs.stem) < (rhs.kind, rhs.stem) }

    /// The order of case studies: by the number their file name starts with (`2-x` before `10-y`).
    public static func handbookOrder(_ lhs: PageKey, _ rhs: PageKey) -> Bool {
        func number(_ stem: String) -> Int { Int(stem.prefix { $0.isASCII && $0.isNumber }.prefix(18)) ?? Int.max }
        return (number(lhs.stem), lhs.stem) < (number(rhs.stem), rhs.stem)
    }
}

/// The typed front matter of a Markdown file.
public struct FrontMatter: Hashable, Sendable {
    public var title: String
    public var summary: String?
    public var date: CalendarDate?
    public var isDraft: Bool
    public var tagline: String?
    public var oblast: Oblast?
    public var rayon: String?
    public var settlements: [String]
    public var topics: [Topic]
    public var partnership: String?
    public var municipality: String?
    /// For a file in pages/: the section whose index lists it among the texts about that section (the handbook's
    /// foreword and introduction, for example), and whose index its breadcrumbs lead through.
    public var section: String?
    /// For a case study: the year whose situation it describes (`as_of`), which the page states at the top.
    public var asOf: Int?

    /// The values `section` may take: the sections that have an index page.
    public static let sections = ["handbook", "partnerships", "budgets", "news"]

    public init(
        title: String, summary: String? = nil, date: CalendarDate? = nil, isDraft: Bool = false,
        tagline: String? = nil, oblast: Oblast? = nil, rayon: String? = nil, settlements: [String] = [],
        topics: [Topic] = [], partnership: String? = nil, municipality: String? = nil,
        section: String? = nil, asOf: Int? = nil
    ) {
        self.asOf = asOf
        self.title = title
        self.summary = summary
        self.date = date
        self.isDraft = isDraft
        self.tagline = tagline
        self.oblast = oblast
        self.rayon = rayon
        self.settlements = settlements
        self.topics = topics
        self.partnership = partnership
        self.municipality = municipality
        self.section = section
    }
}

/// One Markdown file as read: one language version of a page.
///
/// A class, though it never changes: pages are handed around in lists of tens of thousands (grouped, indexed,
/// filtered, replaced one at a time by `serve`), and copying a struct of fourteen strings and arrays cost a
/// retain and release of each on every copy — most of the time of an edit's rebuild in `serve`.
public final class SourcePage: Hashable, Sendable {
    public let key: PageKey
    public let language: Language
    public let frontMatter: FrontMatter
    public let markdown: String
    /// The physical line of the file where `markdown` starts, so Markdown problems point into the file.
    public let bodyLine: Int
    /// Relative to the content folder.
    public let path: String

    public init(key: PageKey, language: Language, frontMatter: FrontMatter, markdown: String, bodyLine: Int, path: String) {
        self.key = key
        self.language = language
        self.frontMatter = frontMatter
        self.markdown = markdown
        self.bodyLine = bodyLine
        self.path = path
    }

    public var location: SourceLocation { SourceLocation(path, line: 1) }

    public static func == (lhs: SourcePage, rhs: SourcePage) -> Bool {
        lhs === rhs
            || (lhs.key == rhs.key && lhs.language == rhs.language && lhs.path == rhs.path && lhs.bodyLine == rhs.bodyLine
                && lhs.frontMatter == rhs.frontMatter && lhs.markdown == rhs.markdown)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(language)
        hasher.combine(path)
    }
}

/// A page with every translation that exists.
public struct PageGroup: Hashable, Sendable {
    public let key: PageKey
    public let versions: [Language: SourcePage]

    public init(key: PageKey, versions: [Language: SourcePage]) {
        self.key = key
        self.versions = versions
    }

    /// The version shown to a reader of `language`, following the contract's fallback order.
    public func version(for language: Language, siteOrder: [Language]) -> SourcePage? {
        if let page = versions[language] { return page }
        for candidate in FallbackOrder.languages(for: language, siteOrder: siteOrder) {
            if let page = versions[candidate] { return page }
        }
        return nil
    }

    /// The languages this page is written in, in the site's order.
    public func translatedLanguages(siteOrder: [Language]) -> [Language] {
        siteOrder.filter { versions[$0] != nil }
    }
}
