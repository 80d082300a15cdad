import AchykModel

extension SiteRenderer {
    /// One page in one language: its own translation, or the fallback text with a notice in the reader's language.
    func renderPage(_ group: PageGroup, in language: Language) -> OutputFile? {
        guard let page = group.version(for: language, siteOrder: languages) else { return nil }
        let l = localizer(language)
        let path = paths.page(group.key, in: language)
        let versions = perLanguage { paths.page(group.key, in: $0) }
        let front = page.frontMatter
        var fallback: FallbackView?
        if page.language != language {
            fallback = FallbackView(
                message: l.text("fallback_notice"),
                versions: group.translatedLanguages(siteOrder: languages).map { other in
                    LinkView(label: other.nativeName, href: SitePaths.relative(from: path, to: paths.page(group.key, in: other)), lang: other.rawValue)
                })
        }
        let article = ArticleView(
            title: front.title,
            tagline: front.tagline,
            summary: front.summary,
            dateText: front.date.map { l.date($0) },
            dateISO: front.date?.description,
            bodyHTML: bodies[page.path] ?? "",
            bodyLang: page.language.rawValue,
            fallback: fallback,
            facts: facts(of: front, key: group.key, from: path, in: language),
            breadcrumbs: breadcrumbs(
                through: (group.key.kind == .page ? [] : [group.key.kind.folder]) + [front.section].compactMap { $0 },
                from: path, in: language))
        let frame = PageFrame(
            versions: versions, title: front.title, description: front.summary ?? front.tagline ?? "",
            menuEntry: group.key.kind == .page ? group.key.stem : group.key.kind.folder, isArticle: group.key.kind != .page)
        return OutputFile(path: path, text: frames.render(PageView(layout: layout(for: frame, in: language), article: article), with: "page"))
    }

    /// The way back from `path`: the home page, then the index of each of `sections` (`handbook`, `budgets`, …).
    func breadcrumbs(through sections: [String], from path: String, in language: Language) -> [LinkView] {
        let l = localizer(language)
        return [LinkView(label: l.text("home"), href: SitePaths.relative(from: path, to: paths.home(language)))]
            + sections.compactMap { section in
                sectionIndex(section, in: language).map { LinkView(label: l.text(section), href: SitePaths.relative(from: path, to: $0)) }
            }
    }

    func sectionIndex(_ section: String, in language: Language) -> String? {
        switch section {
        case "handbook": paths.section(.caseStudy, in: language)
        case "news": paths.section(.news, in: language)
        case "partnerships": paths.partnerships(in: language)
        case "budgets": paths.budgets(in: language)
        default: nil
        }
    }

    /// The pages that say they belong to a section, by file name, as links from that section's index.
    func sectionPages(_ section: String, from path: String, in language: Language) -> [LinkView] {
        content.pages(of: .page)
            .filter { group in group.versions.values.contains { $0.frontMatter.section == section } }
            .sorted { $0.key.stem < $1.key.stem }
            .compactMap { group in
                guard let page = group.version(for: language, siteOrder: languages) else { return nil }
                return LinkView(
                    label: page.frontMatter.title, href: SitePaths.relative(from: path, to: paths.page(group.key, in: language)),
                    lang: page.language == language ? nil : page.language.rawValue)
            }
    }

    /// The fact box of a case study: where, and on what topics, each linking to its list.
    func facts(of front: FrontMatter, key: PageKey, from path: String, in language: Language) -> [FactView] {
        guard key.kind == .caseStudy else { return [] }
        let l = localizer(language)
        var facts: [FactView] = []
        if let oblast = front.oblast {
            facts.append(FactView(label: l.text("oblast"), values: [
                FactValueView(label: oblastName(oblast, in: language), href: SitePaths.relative(from: path, to: paths.oblast(oblast, in: language)))
            ]))
        }
        if let rayon = front.rayon {
            facts.append(FactView(label: l.text("rayon"), values: [FactValueView(label: rayon)]))
        }
        if !front.settlements.isEmpty {
            facts.append(FactView(label: l.text("settlements"), values: front.settlements.map { FactValueView(label: $0) }))
        }
        if let id = front.municipality, let municipality = budgets.first(where: { $0.id == id }) {
            facts.append(FactView(label: l.text("budgets"), values: [
                FactValueView(label: municipalityName(municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(id, in: language)))
            ]))
        }
        if let record = partnership(forCase: key, frontMatter: front) {
            facts += recordFacts(record, from: path, in: language)
        }
        if !front.topics.isEmpty {
            facts.append(FactView(label: l.text("topics"), values: front.topics.map { topic in
                FactValueView(label: topicLabel(topic, in: language), href: SitePaths.relative(from: path, to: paths.topic(topic, in: language)))
            }))
        }
        return facts
    }
}
