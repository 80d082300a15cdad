import AchykBudget
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
    /// Municipality ids with their years, for the budget pages.
    let budgetYears: [(id: String, years: [Int])]

    public init(content: SiteContent, budgets: [MunicipalityFigures] = []) {
        self.content = content
        self.budgetYears = budgets.map { ($0.id, $0.years.map(\.year)) }
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
        result += content.pages.filter { $0.key.kind != .budgetCommentary }.map { group in perLanguage { paths.page(group.key, in: $0) } }
        if !content.partnerships.isEmpty {
            result.append(perLanguage { paths.partnerships(in: $0) })
            result += content.partnerships.map { record in perLanguage { paths.partnership(record.id, in: $0) } }
        }
        if !budgetYears.isEmpty {
            result.append(perLanguage { paths.budgets(in: $0) })
            for (id, years) in budgetYears {
                result.append(perLanguage { paths.municipality(id, in: $0) })
                result += years.map { year in perLanguage { paths.budgetYear(id, year, in: $0) } }
            }
        }
        return result
    }

    /// Every output path a link in the content may point to.
    public var linkTargets: Set<String> {
        var targets = Set(localizedPages.flatMap(\.values))
        targets.insert(SitePaths.chooser)
        targets.formUnion(languages.map(paths.feed))
        targets.formUnion(content.files.map(\.outputPath))
        for (id, years) in budgetYears {
            for year in years { targets.formUnion(["json", "csv"].map { SitePaths.budgetData(id, year, ext: $0) }) }
        }
        if !budgetYears.isEmpty { targets.insert(SitePaths.dataPackage) }
        return targets
    }

}
