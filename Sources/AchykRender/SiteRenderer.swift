import AchykBudget
import AchykModel
import AchykSite
import Foundation

/// The render stage: turns the site's values into output files, as independent jobs that run in parallel. The
/// pages come from the site map, one job per page and language.
public struct SiteRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    /// Markdown bodies already converted to HTML, by source path (Markdown is parsed in its own serial stage).
    let bodies: [String: String]
    let siteMap: SiteMap
    let localizers: [Language: Localizer]
    /// Each municipality's figures, computed by the budget stage.
    let budgets: [MunicipalityFigures]
    let budgetsByID: [String: MunicipalityFigures]
    /// Commentaries by their stem (`kochkor/2025`), shown on their citizen-budget page.
    let commentaries: [String: PageGroup]
    /// The main menu of each language, the same on every page but for the link's start and the current entry.
    let menus: [Language: [MenuEntry]]
    /// The layout's words in each language.
    private(set) var layoutTexts: [Language: LayoutTexts]
    /// Oblast and topic names per language, asked for by every case study and list.
    private let oblastNames: [Language: [Oblast: String]]
    private let topicLabels: [Language: [String: String]]
    /// Shared by the jobs of one renderer (a class, so that the value copied into each job shares it).
    let caseItems = CaseItems()
    /// The record of each case study, by the case's stem.
    let recordsByCase: [String: PartnershipRecord]
    let groupsByKey: [PageKey: PageGroup]
    let recordsByID: [String: PartnershipRecord]
    /// Each case study's place in the handbook's order, for its previous and next links (a search through the list
    /// for every page made a site of 15,000 cases take seconds longer).
    let caseOrder: [PageKey: Int]
    /// The glossary's `###` headings (text, id) in each language, read once from its converted page.
    let glossaryTerms: [Language: [(id: String, html: String)]]

    public init(content: SiteContent, theme: Theme, bodies: [String: String], budgets: [MunicipalityFigures] = [], siteMap: SiteMap? = nil) {
        self.content = content
        self.budgets = budgets
        self.theme = theme
        self.bodies = bodies
        self.siteMap = siteMap ?? SiteMap(content: content, budgets: budgets)
        var localizers: [Language: Localizer] = [:]
        for language in content.settings.languages {
            localizers[language] = Localizer(language: language, strings: theme.strings[language] ?? UIStrings(texts: [:], months: [], plurals: [:]))
        }
        self.localizers = localizers
        budgetsByID = Dictionary(budgets.map { ($0.id, $0) }) { first, _ in first }
        commentaries = Dictionary(content.pages(of: .budgetCommentary).map { ($0.key.stem, $0) }) { first, _ in first }
        groupsByKey = Dictionary(content.pages.map { ($0.key, $0) }) { first, _ in first }
        recordsByID = Dictionary(content.partnerships.map { ($0.id, $0) }) { first, _ in first }
        caseOrder = Dictionary(content.pages(of: .caseStudy).enumerated().map { ($0.element.key, $0.offset) }) { first, _ in first }
        var glossaryTerms: [Language: [(id: String, html: String)]] = [:]
        if let glossary = content.pages(of: .page).first(where: { $0.key.stem == "glossary" }) {
            for language in content.settings.languages {
                guard let page = glossary.version(for: language, siteOrder: content.settings.languages), let body = bodies[page.path] else { continue }
                glossaryTerms[language] = Self.headings(in: body, level: 3)
            }
        }
        self.glossaryTerms = glossaryTerms
        var oblastNames: [Language: [Oblast: String]] = [:]
        var topicLabels: [Language: [String: String]] = [:]
        let topics = Set(content.pages(of: .caseStudy).flatMap { $0.versions.values.flatMap(\.frontMatter.topics) } + content.partnerships.flatMap(\.topics))
        for language in content.settings.languages {
            let texts = theme.strings[language]?.texts ?? [:]
            let order = content.settings.languages
            oblastNames[language] = Dictionary(uniqueKeysWithValues: Oblast.allCases.map { oblast in
                (oblast, texts["oblast.\(oblast.rawValue)"] ?? oblast.name.resolved(in: language, order: order)?.text ?? oblast.rawValue)
            })
            topicLabels[language] = Dictionary(uniqueKeysWithValues: topics.map { topic in
                (topic.id, texts["topic.\(topic.id)"] ?? topic.builtInLabel?.resolved(in: language, order: order)?.text ?? topic.id)
            })
        }
        self.oblastNames = oblastNames
        self.topicLabels = topicLabels
        layoutTexts = [:]
        menus = Self.menus(content: content, siteMap: self.siteMap, localizers: localizers)
        recordsByCase = Dictionary(content.partnerships.compactMap { record in record.caseStudy.map { ($0, record) } }) { first, _ in first }
        // Last: they are made from the finished renderer.
        var texts: [Language: LayoutTexts] = [:]
        for language in content.settings.languages { texts[language] = LayoutTexts(self, language) }
        layoutTexts = texts
    }

    var languages: [Language] { content.settings.languages }
    var paths: SitePaths { siteMap.paths }
    var settings: SiteSettings { content.settings }

    func localizer(_ language: Language) -> Localizer {
        localizers[language] ?? Localizer(language: language, strings: UIStrings(texts: [:], months: [], plurals: [:]))
    }

    // MARK: - Jobs

    /// Every piece of work, one job per page and language, so that the caller can spread them over all cores.
    /// `markdown`: only the jobs that need converted Markdown (`true`), only those that do not (`false`), or all.
    public func jobs(needingMarkdown markdown: Bool? = nil) -> [RenderJob] {
        var jobs: [RenderJob] = []
        if markdown != true {
            jobs.append(RenderJob(name: "sitemap") { [self] in [renderSitemap()] })
            jobs.append(RenderJob(name: "language chooser") { [self] in [renderLanguageChooser()] })
            jobs.append(RenderJob(name: "404") { [self] in [renderNotFound()] })
            jobs += dataJobs() + calendarJobs()
            jobs.append(RenderJob(name: "assets") { [self] in
                theme.assets.map { OutputFile(path: $0.key, contents: .data($0.value)) }
                    + content.files.map { OutputFile(path: $0.outputPath, contents: .copy(fromPath: $0.sourcePath)) }
            })
        }
        if markdown != false { jobs += feedJobs() + searchIndexJobs() }
        for page in siteMap.pages where markdown == nil || needsMarkdown(page.content) == markdown {
            jobs += pageJobs(page)
        }
        return jobs
    }

    /// The jobs that an edit to the bodies of these pages affects: the pages in every language, and the feeds
    /// when news changed (feeds carry bodies; lists and the home page show only front matter).
    public func jobs(forBodiesOf keys: Set<PageKey>) -> [RenderJob] {
        var jobs = keys.contains { $0.kind == .news } ? feedJobs() : []
        // A page's words are in the search index.
        if !keys.isEmpty { jobs += searchIndexJobs() }
        for page in siteMap.pages {
            switch page.content {
            case .text(let key) where keys.contains(key): jobs += pageJobs(page)
            case .budgetYear(let id, let year) where keys.contains(PageKey(.budgetCommentary, "\(id)/\(year)")): jobs += pageJobs(page)
            default: continue
            }
        }
        return jobs
    }

    private func pageJobs(_ page: SiteMapPage) -> [RenderJob] {
        languages.compactMap { language in
            guard let path = page.paths[language] else { return nil }
            return RenderJob(name: path, kind: page.content.kindName) { [self] in try render(page.content, in: language) }
        }
    }

    private func searchIndexJobs() -> [RenderJob] {
        languages.map { language in RenderJob(name: "search index (\(language.rawValue))", kind: "search index") { [self] in try renderSearchIndex(in: language) } }
    }

    private func feedJobs() -> [RenderJob] {
        languages.map { language in RenderJob(name: "feed (\(language.rawValue))", kind: "feeds") { [self] in [try renderFeed(in: language)] } }
    }

    /// Whether a page shows converted Markdown, so that it can be made only after the Markdown stage.
    private func needsMarkdown(_ page: PageContent) -> Bool {
        switch page {
        case .text, .partnership: true
        // Its words link into the glossary, whose headings are known once the glossary is converted.
        case .budgetYear(let id, let year): commentaries["\(id)/\(year)"] != nil || siteMap.pagesBySlug["glossary"] != nil
        default: false
        }
    }

    /// The files of one page in one language (a citizen budget's page comes with its charts as SVG files).
    func render(_ page: PageContent, in language: Language) throws -> [OutputFile] {
        switch page {
        case .home: return [renderHome(in: language)]
        case .newsList: return [renderNewsList(in: language)]
        case .handbookIndex, .handbookOblast, .handbookTopic: return [renderHandbookList(page, in: language)]
        case .text(let key):
            guard let group = groupsByKey[key] else { throw RenderError.notInContent("\(key)") }
            return try [renderArticle(group, in: language)].compactMap { $0 }
        case .partnershipIndex: return [renderPartnershipIndex(in: language)]
        case .partnership(let id):
            guard let record = recordsByID[id] else { throw RenderError.notInContent("partnership \(id)") }
            return [try renderPartnership(record, in: language)]
        case .budgetsIndex: return [renderBudgetsIndex(in: language)]
        case .municipality(let id):
            guard let municipality = budgetsByID[id] else { throw RenderError.notInContent("municipality \(id)") }
            return [renderMunicipality(municipality, in: language)]
        case .search: return try renderSearchPage(in: language)
        case .budgetYear(let id, let yearNumber):
            guard let municipality = budgetsByID[id], let year = municipality.year(yearNumber) else {
                throw RenderError.notInContent("budget \(id)/\(yearNumber)")
            }
            return try BudgetYearPage(renderer: self, municipality: municipality, year: year, language: language).render()
        }
    }

    // MARK: - Converted Markdown

    /// The converted body of a page; the Markdown stage converts every page, so a missing one is a bug, reported
    /// as such rather than published as an empty page.
    func body(of page: SourcePage) throws -> String {
        guard let html = bodies[page.path] else { throw RenderError.notConverted(page.path) }
        return html
    }

    func body(ofRecordText key: String) throws -> String {
        guard let html = bodies[key] else { throw RenderError.notConverted(key) }
        return html
    }

    // MARK: - Lists and labels

    var caseStudies: [PageGroup] { content.pages(of: .caseStudy) }

    /// News, newest first.
    var newsItems: [PageGroup] { content.pages(of: .news) }

    /// The same page in each of the site's languages.
    func perLanguage(_ path: (Language) -> String) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: languages.map { ($0, path($0)) })
    }

    /// An oblast's name: the theme's `oblast.<id>`, else the built-in name.
    func oblastName(_ oblast: Oblast, in language: Language) -> String {
        oblastNames[language]?[oblast] ?? oblast.rawValue
    }

    /// A topic's label: the theme's `topic.<id>`, else the built-in label, else its id.
    func topicLabel(_ topic: Topic, in language: Language) -> String {
        topicLabels[language]?[topic.id] ?? topic.id
    }

    /// One entry of the main menu.
    struct MenuEntry: Sendable {
        /// As site.yaml's `menu` names it: a section or a page slug.
        let name: String
        let label: String
        let target: String
        /// The language of the page it leads to, when it is a fallback.
        let lang: String?
    }

    /// site.yaml's `menu` (page slugs and sections), else the sections followed by every page; a section is in
    /// the menu only when it has something to show.
    private static func menus(content: SiteContent, siteMap: SiteMap, localizers: [Language: Localizer]) -> [Language: [MenuEntry]] {
        let pageGroups = siteMap.pagesBySlug
        let names = content.settings.menu?.map(\.name) ?? (["handbook", "budgets", "news"] + pageGroups.keys.sorted())
        var menus: [Language: [MenuEntry]] = [:]
        for language in content.settings.languages {
            menus[language] = names.compactMap { name in
                if let section = SiteSection(rawValue: name) {
                    guard let index = siteMap.index(of: section, in: language) else { return nil }
                    return MenuEntry(name: name, label: localizers[language]?.text(name) ?? name, target: index, lang: nil)
                }
                guard let group = pageGroups[name], let page = group.version(for: language, siteOrder: content.settings.languages) else { return nil }
                return MenuEntry(
                    name: name, label: page.frontMatter.title, target: siteMap.paths.page(group.key, in: language),
                    lang: page.language == language ? nil : page.language.rawValue)
            }
        }
        return menus
    }

    func text(_ text: LocalizedText, in language: Language) -> String? {
        text.resolved(in: language, order: languages)?.text
    }
}

extension PageContent {
    /// The page's kind in the render stage's timings.
    var kindName: String {
        switch self {
        case .home: "home pages"
        case .newsList, .handbookIndex, .handbookOblast, .handbookTopic: "lists"
        case .text(let key):
            switch key.kind {
            case .caseStudy: "case studies"
            case .news: "news"
            case .page, .budgetCommentary: "pages"
            }
        case .partnershipIndex, .partnership: "partnership pages"
        case .budgetsIndex, .municipality: "budget indexes"
        case .budgetYear: "citizen budgets"
        case .search: "search pages"
        }
    }
}

/// A page the site map names that the renderer cannot make: a bug in achyk, never a problem of the content.
public enum RenderError: Error, CustomStringConvertible {
    case notInContent(String)
    case notConverted(String)

    public var description: String {
        switch self {
        case .notInContent(let page): "internal error: the site map names \(page), which the content does not have"
        case .notConverted(let path): "internal error: the Markdown of \(path) was not converted"
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
