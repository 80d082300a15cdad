import AchykModel

/// The HTML pages a site has, in every language, known before anything is rendered: for alternates, the sitemap
/// and the check of links written in Markdown.
public struct SitePages: Sendable {
    let content: SiteContent
    let paths: SitePaths

    let handbookOblasts: [Oblast]
    let handbookTopics: [Topic]
    /// Plain pages by their slug, for the menu.
    let pagesBySlug: [String: PageGroup]

    public init(content: SiteContent) {
        self.content = content
        self.paths = SitePaths(baseURL: content.settings.baseURL)
        let versions = content.pages(of: .caseStudy).flatMap(\.versions.values)
        handbookOblasts = Set(versions.compactMap(\.frontMatter.oblast)).sorted()
        handbookTopics = Set(versions.flatMap(\.frontMatter.topics)).sorted()
        pagesBySlug = Dictionary(uniqueKeysWithValues: content.pages(of: .page).map { ($0.key.stem, $0) })
    }

    var languages: [Language] { content.settings.languages }

    /// The same page in each of the site's languages.
    func perLanguage(_ path: (Language) -> String) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: languages.map { ($0, path($0)) })
    }

    /// Each HTML page by language; every page exists in every language, translated or with a fallback notice.
    public var localizedPages: [[Language: String]] {
        var result = [perLanguage(paths.home), perLanguage { paths.section(.news, in: $0) }, perLanguage { paths.section(.caseStudy, in: $0) }]
        result += handbookOblasts.map { oblast in perLanguage { paths.oblast(oblast, in: $0) } }
        result += handbookTopics.map { topic in perLanguage { paths.topic(topic, in: $0) } }
        result += content.pages.map { group in perLanguage { paths.page(group.key, in: $0) } }
        return result
    }

    /// Every output path a link in the content may point to.
    public var linkTargets: Set<String> {
        var targets = Set(localizedPages.flatMap(\.values))
        targets.insert(SitePaths.chooser)
        targets.formUnion(languages.map(paths.feed))
        targets.formUnion(content.files.map(\.outputPath))
        return targets
    }

}
