import AchykBudget
import AchykHTML
import AchykModel
import AchykSite

/// A language's home page: the site's title and description, then a block per section with its first items.
extension SiteRenderer {
    private struct Block {
        let id: String
        let title: String
        let text: String?
        let href: String
        let linkLabel: String
        let items: [ListItem]
    }

    func renderHome(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.home(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        var blocks: [Block] = []
        if !caseStudies.isEmpty {
            blocks.append(Block(
                id: "handbook", title: l.text("handbook"), text: l.text("handbook_intro"),
                href: SitePaths.relative(from: path, to: paths.section(.caseStudy, in: language)),
                linkLabel: l.text("all_cases", ["count": l.counted("cases", caseStudies.count)]),
                items: caseStudies.prefix(3).compactMap { listItem($0, in: language, level: 3) }))
        }
        if !newsItems.isEmpty {
            blocks.append(Block(
                id: "news", title: l.text("news"), text: nil,
                href: SitePaths.relative(from: path, to: paths.section(.news, in: language)),
                linkLabel: l.text("all_news"),
                items: newsItems.prefix(3).compactMap { listItem($0, in: language, level: 3) }))
        }
        let pages = content.pages(of: .page).compactMap { listItem($0, in: language) }
        let frame = PageFrame(versions: perLanguage(paths.home), title: siteTitle, description: "", menuEntry: nil, structuredData: [webSiteData(in: language)])
        let html = page(frame, in: language) { w in
            w.put("<div class=\"hero\">\n")
            w.element("h1", text: siteTitle)
            w.put("\n")
            if let lead = text(settings.description, in: language) {
                w.element("p", ["class": "lead"], text: lead)
                w.put("\n")
            }
            w.put("</div>\n")
            // The budgets come first: on a phone they start within the first screen.
            if !budgets.isEmpty { writeBudgetsBlock(from: path, in: language, to: &w) }
            for block in blocks {
                let headingID = "block-\(block.id)"
                w.open("section", ["class": "block", "aria-labelledby": headingID])
                w.put("\n")
                w.element("h2", ["id": headingID], text: block.title)
                w.put("\n")
                if let text = block.text {
                    w.element("p", text: text)
                    w.put("\n")
                }
                w.put("<ul class=\"items\">\n")
                for item in block.items { item.write(to: &w, from: path) }
                w.put("</ul>\n<p class=\"more\">")
                w.link(block.linkLabel, href: block.href)
                w.put("</p>\n</section>\n")
            }
            guard !pages.isEmpty else { return }
            w.put("<section class=\"block\" aria-labelledby=\"block-pages\">\n<h2 id=\"block-pages\">")
            w.text(l.text("about_site"))
            w.put("</h2>\n<ul class=\"cards\">\n")
            for item in pages {
                w.put("<li>")
                w.open("a", ["href": SitePaths.relative(from: path, to: item.target), "lang": item.lang])
                w.element("strong", text: item.title)
                if let summary = item.summary { w.element("span", text: summary) }
                w.put("</a></li>\n")
            }
            w.put("</ul>\n</section>\n")
        }
        return OutputFile(path: path, html: html)
    }

    /// The municipalities by oblast, and the hearings still to come on the day of the build.
    private func writeBudgetsBlock(from path: String, in language: Language, to w: inout HTMLWriter) {
        let l = localizer(language)
        var byOblast: [Oblast?: [MunicipalityFigures]] = [:]
        for municipality in budgets { byOblast[municipality.municipality.oblast, default: []].append(municipality) }
        let groups = Oblast.allCases.compactMap { oblast in byOblast[oblast].map { (oblastName(oblast, in: language), $0) } }
            + (byOblast[nil].map { [(l.text("other_places"), $0)] } ?? [])
        w.put("<section class=\"block budgets-first\" aria-labelledby=\"block-budgets\">\n")
        w.element("h2", ["id": "block-budgets"], text: l.text("budgets"))
        w.put("\n<ul class=\"by-oblast\">\n")
        for (oblast, municipalities) in groups {
            w.put("<li>")
            w.element("strong", text: oblast)
            w.put(" ")
            let named = municipalities.map { ($0, municipalityName($0.municipality, in: language)) }.sorted { $0.1 < $1.1 }
            for (index, (municipality, name)) in named.enumerated() {
                if index > 0 { w.put(" · ") }
                w.link(name, href: SitePaths.relative(from: path, to: paths.municipality(municipality.id, in: language)))
            }
            w.put("</li>\n")
        }
        w.put("</ul>\n")
        let upcoming = nextHearings(limit: 3)
        w.element("h3", text: l.text("next_hearings"))
        w.put("\n")
        if upcoming.isEmpty {
            w.element("p", text: l.text("no_next_hearings"))
            w.put("\n")
        } else {
            w.list(upcoming, className: "hearings") { w, entry in
                writeWhen(entry.hearing, in: language, to: &w)
                w.put(" — ")
                w.link(municipalityName(entry.municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(entry.municipality.id, in: language)))
                if let stage = entry.hearing.stage { w.text(", " + l.text("hearing_\(stage.rawValue)")) }
                if let place = text(entry.hearing.place, in: language) { w.text(": " + place) }
                let hearings = entry.municipality.municipality.hearings
                if let index = hearings.firstIndex(of: entry.hearing) {
                    w.put(" ")
                    writeCalendarLink(entry.municipality.id, hearing: Hearing.names(hearings)[index], from: path, in: language, to: &w)
                }
            }
            w.put("<p>")
            w.open("a", ["class": "calendar", "href": SitePaths.relative(from: path, to: paths.hearingsCalendar(in: language)), "type": "text/calendar"])
            w.text(l.text("calendar_all"))
            w.put("</a></p>\n")
        }
        w.put("<p class=\"more\">")
        w.link(l.text("budgets_compare"), href: SitePaths.relative(from: path, to: paths.budgets(in: language)))
        if let participate = siteMap.pagesBySlug["participate"] {
            w.put(" · ")
            w.link(l.text("how_hearings_work"), href: SitePaths.relative(from: path, to: paths.page(participate.key, in: language)))
        }
        w.put("</p>\n</section>\n")
    }

    /// Hearings on or after the build's day, soonest first.
    func nextHearings(limit: Int) -> [(hearing: Hearing, municipality: MunicipalityFigures)] {
        guard let today = settings.today else { return [] }
        let all = budgets.flatMap { municipality in
            municipality.municipality.hearings.filter { $0.date >= today }.map { (hearing: $0, municipality: municipality) }
        }
        return Array(all.sorted { ($0.hearing.date, $0.municipality.id) < ($1.hearing.date, $1.municipality.id) }.prefix(limit))
    }
}
