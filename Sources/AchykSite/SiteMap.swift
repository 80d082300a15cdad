import AchykBudget
import AchykModel

/// A section of the site with an index page of its own; its raw value is its name in site.yaml's menu.
public enum SiteSection: String, CaseIterable, Hashable, Sendable {
    case handbook, partnerships, budgets, news
}

/// What an HTML page of the site shows.
public enum PageContent: Hashable, Sendable {
    case home
    case newsList
    case handbookIndex
    case handbookOblast(Oblast)
    case handbookTopic(Topic)
    /// A page written in Markdown: a case study, a news item or a plain page.
    case text(PageKey)
    case partnershipIndex
    case partnership(id: String)
    case budgetsIndex
    case municipality(id: String)
    case budgetYear(id: String, year: Int)
    /// The search page, with every page from A to Z.
    case search

    /// The section whose menu entry the page belongs to, if any.
    public var section: SiteSection? {
        switch self {
        case .home, .search: nil
        case .newsList: .news
        case .handbookIndex, .handbookOblast, .handbookTopic: .handbook
        case .text(let key):
            switch key.kind {
            case .caseStudy: .handbook
            case .news: .news
            case .page, .budgetCommentary: nil
            }
        case .partnershipIndex, .partnership: .partnerships
        case .budgetsIndex, .municipality, .budgetYear: .budgets
        }
    }
}

/// One HTML page of the site, in every language: translated, or shown with a fallback notice.
public struct SiteMapPage: Hashable, Sendable {
    public let content: PageContent
    /// Its output path in each of the site's languages.
    public let paths: [Language: String]
}

/// Every page and file the site has, known once, before anything is rendered. The render jobs, the sitemap, the
/// hreflang alternates, the feeds, the check of links written in Markdown and `achyk serve` all read this one
/// value, so they cannot disagree about what exists.
public struct SiteMap: Sendable {
    public let paths: SitePaths
    public let languages: [Language]
    /// In the order they are rendered: lists and the home page first.
    public let pages: [SiteMapPage]
    /// Every other output file a link may point to: the language chooser, feeds, open data, the charts of the
    /// citizen budgets, the theme's assets, content files.
    public let files: Set<String>
    /// The oblasts and topics that have a handbook list: those some case study names.
    public let handbookOblasts: [Oblast]
    public let handbookTopics: [Topic]
    /// Plain pages by their slug (`about`, `glossary`), for the menu and for links from budget pages.
    public let pagesBySlug: [String: PageGroup]
    /// The pages of `pages/` that say they belong to a section, by file name.
    public let sectionPages: [SiteSection: [PageGroup]]
    /// Every output path a link in the content may point to.
    public let linkTargets: Set<String>
    private let nonEmptySections: Set<SiteSection>
    private let pagePaths: Set<String>

    /// - Parameter assets: the theme's files under `assets/`, which pages and links may name.
    public init(content: SiteContent, budgets: [MunicipalityFigures], assets: [String] = []) {
        paths = SitePaths(baseURL: content.settings.baseURL)
        languages = content.settings.languages
        let caseVersions = content.pages(of: .caseStudy).flatMap(\.versions.values)
        handbookOblasts = Set(caseVersions.compactMap(\.frontMatter.oblast)).sorted()
        handbookTopics = Set(caseVersions.flatMap(\.frontMatter.topics)).sorted()
        let plainPages = content.pages(of: .page)
        pagesBySlug = Dictionary(plainPages.map { ($0.key.stem, $0) }) { first, _ in first }
        var sectionPages: [SiteSection: [PageGroup]] = [:]
        for group in plainPages.sorted(by: { $0.key.stem < $1.key.stem }) {
            for section in SiteSection.allCases where group.versions.values.contains(where: { $0.frontMatter.section == section.rawValue }) {
                sectionPages[section, default: []].append(group)
            }
        }
        self.sectionPages = sectionPages

        var sections: Set<SiteSection> = []
        if !content.pages(of: .caseStudy).isEmpty { sections.insert(.handbook) }
        if !content.pages(of: .news).isEmpty { sections.insert(.news) }
        if !content.partnerships.isEmpty { sections.insert(.partnerships) }
        if !budgets.isEmpty { sections.insert(.budgets) }
        nonEmptySections = sections

        var contents: [PageContent] = [.home, .newsList, .handbookIndex]
        contents += handbookOblasts.map(PageContent.handbookOblast) + handbookTopics.map(PageContent.handbookTopic)
        if !content.partnerships.isEmpty { contents.append(.partnershipIndex) }
        if !budgets.isEmpty { contents.append(.budgetsIndex) }
        contents.append(.search)
        contents += content.pages.filter { $0.key.kind != .budgetCommentary }.map { PageContent.text($0.key) }
        contents += content.partnerships.map { PageContent.partnership(id: $0.id) }
        for municipality in budgets {
            contents.append(.municipality(id: municipality.id))
            contents += municipality.years.map { PageContent.budgetYear(id: municipality.id, year: $0.year) }
        }
        let paths = self.paths
        let languages = self.languages
        pages = contents.map { page in
            SiteMapPage(content: page, paths: Dictionary(uniqueKeysWithValues: languages.map { ($0, paths.path(of: page, in: $0)) }))
        }
        pagePaths = Set(pages.flatMap(\.paths.values))

        var files: Set<String> = [SitePaths.chooser, SitePaths.notFound, SitePaths.sitemap]
        files.formUnion(languages.map(paths.feed))
        files.formUnion(content.files.map(\.outputPath))
        files.formUnion(assets)
        for municipality in budgets {
            for year in municipality.years {
                files.formUnion(["json", "csv"].map { SitePaths.budgetData(municipality.id, year.year, ext: $0) })
                for chart in municipality.charts(of: year) {
                    files.formUnion(languages.map { paths.budgetChart(municipality.id, year.year, chart: chart.rawValue, in: $0) })
                }
            }
        }
        if !budgets.isEmpty { files.insert(SitePaths.dataPackage) }
        let municipalitiesWithHearings = budgets.filter { !$0.municipality.hearings.isEmpty }
        for language in languages {
            files.formUnion(municipalitiesWithHearings.map { paths.hearingsCalendar($0.id, in: language) })
            for municipality in municipalitiesWithHearings {
                files.formUnion(Hearing.names(municipality.municipality.hearings).map { paths.hearingCalendar(municipality.id, hearing: $0, in: language) })
            }
            if !municipalitiesWithHearings.isEmpty { files.insert(paths.hearingsCalendar(in: language)) }
        }
        self.files = files
        linkTargets = pagePaths.union(files)
    }

    /// The output path of a section's index in `language`; nil when the section has nothing to show.
    public func index(of section: SiteSection, in language: Language) -> String? {
        guard nonEmptySections.contains(section) else { return nil }
        return switch section {
        case .handbook: paths.section(.caseStudy, in: language)
        case .news: paths.section(.news, in: language)
        case .partnerships: paths.partnerships(in: language)
        case .budgets: paths.budgets(in: language)
        }
    }

    /// The handbook's list of an oblast or a topic, when the site has one (a record may name a topic no case has).
    public func oblastList(_ oblast: Oblast, in language: Language) -> String? {
        contains(paths.oblast(oblast, in: language))
    }

    public func topicList(_ topic: Topic, in language: Language) -> String? {
        contains(paths.topic(topic, in: language))
    }

    private func contains(_ path: String) -> String? { pagePaths.contains(path) ? path : nil }

    /// Whether `path` is a page or another file of the site.
    public func hasOutput(_ path: String) -> Bool {
        pagePaths.contains(path) || files.contains(path)
    }
}

extension SitePaths {
    /// Where a page is written in `language`.
    public func path(of page: PageContent, in language: Language) -> String {
        switch page {
        case .home: home(language)
        case .newsList: section(.news, in: language)
        case .handbookIndex: section(.caseStudy, in: language)
        case .handbookOblast(let place): oblast(place, in: language)
        case .handbookTopic(let subject): topic(subject, in: language)
        case .text(let key): self.page(key, in: language)
        case .partnershipIndex: partnerships(in: language)
        case .partnership(let id): partnership(id, in: language)
        case .budgetsIndex: budgets(in: language)
        case .municipality(let id): municipality(id, in: language)
        case .budgetYear(let id, let year): budgetYear(id, year, in: language)
        case .search: search(in: language)
        }
    }
}
