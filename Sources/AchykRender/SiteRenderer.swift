import AchykBudget
import AchykModel
import Foundation

/// The render stage: turns the site's values into output files, as independent jobs that run in parallel.
public struct SiteRenderer: Sendable {
    let content: SiteContent
    let theme: Theme
    /// Markdown bodies already converted to HTML, by source path (Markdown is parsed in its own serial stage).
    let bodies: [String: String]
    let paths: SitePaths
    let pages: SitePages
    let localizers: [Language: Localizer]
    /// Each municipality's figures, computed by the budget stage.
    let budgets: [MunicipalityFigures]
    let menus = FragmentCache<MenuView>(template: "menu")
    let frames: FrameCache

    public init(content: SiteContent, theme: Theme, bodies: [String: String], budgets: [MunicipalityFigures] = []) {
        self.content = content
        self.budgets = budgets
        self.theme = theme
        self.frames = FrameCache(theme: theme)
        self.bodies = bodies
        self.paths = SitePaths(baseURL: content.settings.baseURL)
        self.pages = SitePages(content: content, budgets: budgets)
        var localizers: [Language: Localizer] = [:]
        for language in content.settings.languages {
            localizers[language] = Localizer(language: language, strings: theme.strings[language] ?? UIStrings(texts: [:], months: [], plurals: [:]))
        }
        self.localizers = localizers
    }

    var languages: [Language] { content.settings.languages }

    /// A list item's HTML. The same item in lists at different depths differs only in its link, so the template is
    /// rendered once per item (in `cache`, which belongs to one job and needs no lock) with a marker in the link's
    /// place, and kept as the text around the marker.
    /// A list item rendered with a marker where its link goes: the same item in another list of the same language
    /// needs only its link put in.
    func itemParts(_ item: ListItemView) -> [String] {
        var key = item
        key.href = Self.linkMarker
        var html = frames.blocks.render(key, with: "item")
        // The template file's last line break would leave a blank line where the item is placed.
        while html.hasSuffix("\n") { html.removeLast() }
        return html.split(separator: Self.linkMarker, omittingEmptySubsequences: false).map(String.init)
    }

    /// The item template filled in for `item`.
    func itemHTML(_ item: ListItemView) -> String {
        itemParts(item).joined(separator: FastHTMLContentType.escape(item.href))
    }

    private static let linkMarker = "\u{1}href\u{2}"
    var settings: SiteSettings { content.settings }

    func localizer(_ language: Language) -> Localizer {
        localizers[language] ?? Localizer(language: language, strings: UIStrings(texts: [:], months: [], plurals: [:]))
    }

    /// Every piece of work, one job per page and language, so that the caller can spread them over all cores.
    public func jobs(budgets part: BudgetJobs = .all) -> [RenderJob] {
        // The jobs that each make a whole list of the site go first: one of them started last would leave the other
        // cores idle while it runs.
        var jobs = [RenderJob(name: "sitemap") { [self] in [renderSitemap()] }]
        for language in languages {
            jobs.append(RenderJob(name: "handbook lists (\(language.rawValue))") { [self] in renderHandbookLists(in: language) })
            jobs.append(RenderJob(name: "home (\(language.rawValue))") { [self] in [renderHome(in: language)] })
            jobs.append(RenderJob(name: "news list (\(language.rawValue))") { [self] in [renderNewsList(in: language)] })
        }
        jobs += pageJobs(for: content.pages) + feedJobs() + budgetJobs(part) + partnershipJobs()
        jobs.append(RenderJob(name: "language chooser") { [self] in [renderChooser()] })
        jobs.append(RenderJob(name: "404") { [self] in [renderNotFound()] })
        jobs.append(RenderJob(name: "assets") { [self] in
            theme.assets.map { OutputFile(path: $0.key, contents: .data($0.value)) }
                + content.files.map { OutputFile(path: $0.outputPath, contents: .copy(fromPath: $0.sourcePath)) }
        })
        return jobs
    }

    /// The jobs that an edit to the bodies of these pages affects: the pages in every language, and the feeds
    /// when news changed (feeds carry bodies; lists and the home page show only front matter).
    public func jobs(forBodiesOf keys: Set<PageKey>) -> [RenderJob] {
        pageJobs(for: content.pages.filter { keys.contains($0.key) })
            + (keys.contains { $0.kind == .news } ? feedJobs() : [])
            + budgetJobs(forCommentaries: keys)
    }

    /// Commentaries are shown on their citizen-budget page, not as pages of their own.
    private func pageJobs(for groups: [PageGroup]) -> [RenderJob] {
        groups.filter { $0.key.kind != .budgetCommentary }.flatMap { group in
            languages.map { language in
                RenderJob(name: "\(group.key) (\(language.rawValue))") { [self] in [renderPage(group, in: language)].compactMap { $0 } }
            }
        }
    }

    private func feedJobs() -> [RenderJob] {
        languages.map { language in RenderJob(name: "feed (\(language.rawValue))") { [self] in [renderFeed(in: language)] } }
    }

    var handbookOblasts: [Oblast] { pages.handbookOblasts }
    var handbookTopics: [Topic] { pages.handbookTopics }

    /// The same page in each of the site's languages.
    func perLanguage(_ path: (Language) -> String) -> [Language: String] { pages.perLanguage(path) }

    // MARK: - Labels that the theme may override

    func oblastName(_ oblast: Oblast, in language: Language) -> String {
        theme.strings[language]?.texts["oblast.\(oblast.rawValue)"]
            ?? oblast.name.resolved(in: language, order: languages)?.text ?? oblast.rawValue
    }

    func topicLabel(_ topic: Topic, in language: Language) -> String {
        theme.strings[language]?.texts["topic.\(topic.id)"]
            ?? topic.builtInLabel?.resolved(in: language, order: languages)?.text ?? topic.id
    }

    func text(_ text: LocalizedText, in language: Language) -> String? {
        text.resolved(in: language, order: languages)?.text
    }
}
