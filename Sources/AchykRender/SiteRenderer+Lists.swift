import AchykBudget
import AchykModel

extension SiteRenderer {
    /// A page of a list, as an item in `language` linked from the page at `from`.
    func listItem(_ group: PageGroup, in language: Language, from: String, level: Int = 2) -> ListItemView? {
        guard let page = group.version(for: language, siteOrder: languages) else { return nil }
        let l = localizer(language)
        let front = page.frontMatter
        var meta: [String] = []
        if group.key.kind == .caseStudy {
            meta += front.oblast.map { [oblastName($0, in: language)] } ?? []
            meta += front.topics.map { topicLabel($0, in: language) }
        }
        return ListItemView(
            level: level,
            title: front.title,
            href: SitePaths.relative(from: from, to: paths.page(group.key, in: language)),
            lang: page.language.rawValue,
            tagline: front.tagline,
            summary: front.summary,
            dateText: front.date.map { l.date($0) },
            dateISO: front.date?.description,
            meta: meta,
            notTranslated: page.language != language ? l.text("not_translated") : nil)
    }

    var caseStudies: [PageGroup] { content.pages(of: .caseStudy) }

    /// News, newest first.
    var newsItems: [PageGroup] { content.pages(of: .news) }

    func renderHome(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.home(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        var blocks: [HomeBlockView] = []
        if !caseStudies.isEmpty {
            blocks.append(HomeBlockView(
                id: "handbook", title: l.text("handbook"), text: l.text("handbook_intro"),
                href: SitePaths.relative(from: path, to: paths.section(.caseStudy, in: language)),
                linkLabel: l.text("all_cases", ["count": l.counted("cases", caseStudies.count)]),
                items: caseStudies.prefix(3).compactMap { listItem($0, in: language, from: path, level: 3) }.map(itemHTML)))
        }
        if !budgets.isEmpty {
            blocks.append(HomeBlockView(
                id: "budgets", title: l.text("budgets"), text: l.text("budgets_intro"),
                href: SitePaths.relative(from: path, to: paths.budgets(in: language)),
                linkLabel: l.text("budgets_compare"),
                items: budgets.prefix(3).map { municipalityItem($0, in: language, from: path) }.map(itemHTML)))
        }
        if !newsItems.isEmpty {
            blocks.append(HomeBlockView(
                id: "news", title: l.text("news"), text: nil,
                href: SitePaths.relative(from: path, to: paths.section(.news, in: language)),
                linkLabel: l.text("all_news"),
                items: newsItems.prefix(3).compactMap { listItem($0, in: language, from: path, level: 3) }.map(itemHTML)))
        }
        let pages = content.pages(of: .page).compactMap { listItem($0, in: language, from: path) }
        let frame = PageFrame(versions: perLanguage(paths.home), title: siteTitle, description: "", menuEntry: nil)
        let view = HomeView(
            layout: layout(for: frame, in: language), title: siteTitle,
            lead: text(settings.description, in: language), blocks: blocks, pages: pages)
        return OutputFile(path: path, text: frames.render(view, with: "home"))
    }

    func renderNewsList(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.section(.news, in: language)
        let frame = PageFrame(versions: perLanguage { paths.section(.news, in: $0) }, title: l.text("news"), description: "", menuEntry: "news")
        let view = SectionView(
            layout: layout(for: frame, in: language), title: l.text("news"), intro: nil,
            countText: l.counted("news_items", newsItems.count),
            items: newsItems.compactMap { listItem($0, in: language, from: path) }.map(itemHTML), filters: [],
            breadcrumbs: breadcrumbs(through: [], from: path, in: language),
            sectionPages: sectionPages("news", from: path, in: language))
        return OutputFile(path: path, text: frames.render(view, with: "news-list"))
    }

    /// The handbook index and its lists by oblast and by topic.
    func renderHandbookLists(in language: Language) -> [OutputFile] {
        let l = localizer(language)
        var files: [OutputFile] = []
        // Each case is rendered once per language, with its link put in for each list that shows it.
        var rendered: [PageKey: [String]?] = [:]
        func item(_ group: PageGroup, from path: String) -> String? {
            if rendered[group.key] == nil {
                rendered[group.key] = .some(listItem(group, in: language, from: path).map(itemParts))
            }
            guard let parts = rendered[group.key] ?? nil else { return nil }
            return parts.joined(separator: FastHTMLContentType.escape(SitePaths.relative(from: path, to: paths.page(group.key, in: language))))
        }
        func list(_ path: String, versions: [Language: String], title: String, intro: String?, cases: [PageGroup], isIndex: Bool) {
            let crumbs = breadcrumbs(through: isIndex ? [] : ["handbook"], from: path, in: language)
            let filters = [
                FactView(label: l.text("by_oblast"), values: handbookOblasts.map { oblast in
                    let target = paths.oblast(oblast, in: language)
                    return FactValueView(label: oblastName(oblast, in: language), href: SitePaths.relative(from: path, to: target), isCurrent: target == path)
                }),
                FactView(label: l.text("by_topic"), values: handbookTopics.map { topic in
                    let target = paths.topic(topic, in: language)
                    return FactValueView(label: topicLabel(topic, in: language), href: SitePaths.relative(from: path, to: target), isCurrent: target == path)
                }),
            ].filter { !$0.values.isEmpty }
            let frame = PageFrame(versions: versions, title: title, description: intro ?? "", menuEntry: "handbook")
            let view = SectionView(
                layout: layout(for: frame, in: language), title: title, intro: intro,
                countText: l.counted("cases", cases.count),
                items: cases.compactMap { item($0, from: path) },
                filters: filters, breadcrumbs: crumbs,
                sectionPages: isIndex ? sectionPages("handbook", from: path, in: language) : [])
            files.append(OutputFile(path: path, text: frames.render(view, with: "section")))
        }
        let all = caseStudies
        list(paths.section(.caseStudy, in: language), versions: perLanguage { paths.section(.caseStudy, in: $0) },
             title: l.text("handbook"), intro: l.text("handbook_intro"), cases: all, isIndex: true)
        for oblast in handbookOblasts {
            let cases = all.filter { $0.versions.values.contains { $0.frontMatter.oblast == oblast } }
            list(paths.oblast(oblast, in: language), versions: perLanguage { paths.oblast(oblast, in: $0) },
                 title: oblastName(oblast, in: language), intro: nil, cases: cases, isIndex: false)
        }
        for topic in handbookTopics {
            let cases = all.filter { $0.versions.values.contains { $0.frontMatter.topics.contains(topic) } }
            list(paths.topic(topic, in: language), versions: perLanguage { paths.topic(topic, in: $0) },
                 title: topicLabel(topic, in: language), intro: nil, cases: cases, isIndex: false)
        }
        return files
    }

    /// A municipality in a list: its name, where it is, and its latest year's spending per resident.
    func municipalityItem(_ municipality: MunicipalityFigures, in language: Language, from path: String) -> ListItemView {
        let l = localizer(language)
        let info = municipality.municipality
        var summary: String?
        if let latest = municipality.latest, let perResident = latest.headline?.expenditurePerResident {
            summary = "\(l.text("per_resident")), \(latest.year): \(l.som(perResident))"
        }
        return ListItemView(
            level: 3, title: municipalityName(info, in: language),
            href: SitePaths.relative(from: path, to: paths.municipality(info.id, in: language)),
            lang: language.rawValue, tagline: nil, summary: summary, dateText: nil, dateISO: nil,
            meta: [municipalitySubtitle(info, in: language)] + (info.isSample ? [l.text("sample_badge")] : []))
    }
}
