import AchykModel

/// The HTML pages a site has, in every language, known before anything is rendered: for alternates, the sitemap
/// and the check of links written in Markdown.
public struct SitePages: Sendable {
    let content: SiteContent
    let paths: SitePaths

    public init(content: SiteContent) {
        self.content = content
        self.paths = SitePaths(baseURL: content.settings.baseURL)
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

    var handbookOblasts: [Oblast] {
        Set(content.pages(of: .caseStudy).flatMap { $0.versions.values.compactMap(\.frontMatter.oblast) }).sorted()
    }

    var handbookTopics: [Topic] {
        Set(content.pages(of: .caseStudy).flatMap { $0.versions.values.flatMap(\.frontMatter.topics) }).sorted()
    }
}
