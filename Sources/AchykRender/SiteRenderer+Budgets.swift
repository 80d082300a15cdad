import AchykBudget
import AchykModel

/// The budget pages and open data: the budgets index, a page per municipality, a citizen budget per year, and
/// the JSON, CSV and data package under `/data/`.
extension SiteRenderer {
    public func budgetJobs(_ part: BudgetJobs = .all) -> [RenderJob] {
        guard !budgets.isEmpty else { return [] }
        // Only a year with commentary shows converted Markdown.
        let commentaries = content.pages(of: .budgetCommentary).map(\.key)
        guard part != .needingMarkdown else { return budgetJobs(forCommentaries: Set(commentaries)) }
        let commented = Set(commentaries.map(\.stem))
        var jobs: [RenderJob] = [RenderJob(name: "data package") { [self] in
            [OutputFile(path: SitePaths.dataPackage, text: BudgetData(settings: settings).dataPackage(budgets))]
        }]
        for municipality in budgets {
            jobs.append(RenderJob(name: "data \(municipality.id)") { [self] in
                let data = BudgetData(settings: settings)
                return municipality.years.flatMap { year in
                    [
                        OutputFile(path: SitePaths.budgetData(municipality.id, year.year, ext: "json"), text: data.json(year, of: municipality)),
                        OutputFile(path: SitePaths.budgetData(municipality.id, year.year, ext: "csv"), text: data.csv(year)),
                    ]
                }
            })
            for language in languages {
                jobs.append(RenderJob(name: "budgets/\(municipality.id) (\(language.rawValue))") { [self] in
                    [renderMunicipality(municipality, in: language)]
                })
                for year in municipality.years where part == .all || !commented.contains("\(municipality.id)/\(year.year)") {
                    jobs.append(yearPageJob(municipality, year, in: language))
                }
            }
        }
        for language in languages {
            jobs.append(RenderJob(name: "budgets (\(language.rawValue))") { [self] in [renderBudgetsIndex(in: language)] })
        }
        return jobs
    }

    /// The jobs of the citizen-budget pages whose commentary is one of `keys`.
    func budgetJobs(forCommentaries keys: Set<PageKey>) -> [RenderJob] {
        keys.filter { $0.kind == .budgetCommentary }.flatMap { key -> [RenderJob] in
            let parts = key.stem.split(separator: "/")
            guard parts.count == 2, let id = parts.first.map(String.init), let yearNumber = Int(parts[1]),
                let municipality = budgets.first(where: { $0.id == id }), let year = municipality.year(yearNumber)
            else { return [] }
            return languages.map { yearPageJob(municipality, year, in: $0) }
        }
    }

    private func yearPageJob(_ municipality: MunicipalityFigures, _ year: BudgetYear, in language: Language) -> RenderJob {
        RenderJob(name: "budgets/\(municipality.id)/\(year.year) (\(language.rawValue))") { [self] in
            BudgetYearPage(renderer: self, municipality: municipality, year: year, language: language).render()
        }
    }

    // MARK: - Shared pieces

    func municipalityName(_ municipality: Municipality, in language: Language) -> String {
        text(municipality.name, in: language) ?? municipality.id
    }

    /// "Ayil okmot · Batken Oblast · Leilek rayon".
    func municipalitySubtitle(_ municipality: Municipality, in language: Language) -> String {
        let l = localizer(language)
        var parts: [String] = []
        if let kind = municipality.kind { parts.append(l.text("kind.\(kind.rawValue)")) }
        if let oblast = municipality.oblast { parts.append(oblastName(oblast, in: language)) }
        if let rayon = text(municipality.rayon, in: language) { parts.append(rayon) }
        return parts.joined(separator: " · ")
    }

    func budgetBreadcrumbs(from path: String, in language: Language, municipality: Municipality? = nil) -> [LinkView] {
        var crumbs = breadcrumbs(through: path == paths.budgets(in: language) ? [] : ["budgets"], from: path, in: language)
        if let municipality {
            crumbs.append(LinkView(label: municipalityName(municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(municipality.id, in: language))))
        }
        return crumbs
    }

    /// Hearings with dates in the reader's language, whom to ask, and how hearings work.
    func takePartSection(_ municipality: Municipality, from path: String, in language: Language) -> BudgetSectionView {
        let l = localizer(language)
        var html = ""
        var paragraphs: [String] = []
        if municipality.hearings.isEmpty {
            paragraphs.append(l.text("no_hearings"))
        } else {
            paragraphs.append(l.text("hearings_text"))
            html += HTMLBuilder.list(municipality.hearings.map { hearing in
                var item = "<time datetime=\"\(hearing.date)\">\(HTMLBuilder.escape(l.date(hearing.date)))</time>"
                if let stage = hearing.stage { item += " — " + HTMLBuilder.escape(l.text("hearing_\(stage.rawValue)")) }
                if let place = text(hearing.place, in: language) { item += ": " + HTMLBuilder.escape(place) }
                return item
            }, className: "hearings")
        }
        if let contact = municipality.contact {
            var parts: [String] = []
            if let email = contact.email { parts.append(HTMLBuilder.link(email, href: "mailto:\(email)")) }
            if let phone = contact.phone {
                let digits = phone.filter { $0.isNumber || $0 == "+" }
                parts.append(digits.count >= 5 ? HTMLBuilder.link(phone, href: "tel:\(digits)") : HTMLBuilder.escape(phone))
            }
            html += "<p>\(HTMLBuilder.escape(l.text("ask"))) \(parts.joined(separator: ", "))</p>\n"
        }
        if let participate = pages.pagesBySlug["participate"] {
            html += "<p>\(HTMLBuilder.link(l.text("how_hearings_work"), href: SitePaths.relative(from: path, to: paths.page(participate.key, in: language))))</p>\n"
        }
        return BudgetSectionView(id: "take-part", heading: l.text("take_part"), paragraphs: paragraphs, html: html)
    }

    // MARK: - Municipality page

    func renderMunicipality(_ municipality: MunicipalityFigures, in language: Language) -> OutputFile {
        let l = localizer(language)
        let info = municipality.municipality
        let path = paths.municipality(info.id, in: language)
        let name = municipalityName(info, in: language)
        var keyFigures: [KeyFigureView] = []
        var sections: [BudgetSectionView] = []
        if let latest = municipality.latest, let figures = latest.headline {
            if let population = latest.population {
                keyFigures.append(KeyFigureView(label: "\(l.text("population")), \(latest.year)", value: l.counted("residents", population), exact: nil, note: nil))
            }
            keyFigures.append(KeyFigureView(label: "\(l.text("expenditure")), \(latest.year)", value: l.compactSom(figures.expenditure), exact: l.som(figures.expenditure), note: latest.isDraft ? l.text("plan_badge") : nil))
            keyFigures.append(KeyFigureView(label: l.text("per_resident"), value: figures.expenditurePerResident.map(l.som) ?? "—", exact: nil, note: figures.expenditurePerResident == nil ? l.text("per_resident_unknown") : nil))
        }
        let yearLinks = municipality.years.reversed().map { year in
            var item = HTMLBuilder.link(l.text("budget_year_title", ["year": String(year.year)]), href: SitePaths.relative(from: path, to: paths.budgetYear(info.id, year.year, in: language)))
            if year.isDraft { item += " <span class=\"badge\">\(HTMLBuilder.escape(l.text("plan_badge")))</span>" }
            return item
        }
        sections.append(BudgetSectionView(id: "years", heading: l.text("years_heading"), paragraphs: [], html: HTMLBuilder.list(yearLinks, className: "years")))
        if let chart = yearsChart(municipality, in: language) { sections.append(chart) }
        sections.append(takePartSection(info, from: path, in: language))
        let frame = PageFrame(versions: perLanguage { paths.municipality(info.id, in: $0) }, title: name, description: l.text("budgets_intro"), menuEntry: "budgets")
        let view = BudgetPageView(
            layout: layout(for: frame, in: language), breadcrumbs: budgetBreadcrumbs(from: path, in: language), title: name,
            subtitle: municipalitySubtitle(info, in: language), notices: info.isSample ? [l.text("sample_notice")] : [],
            bodyHTML: BudgetPageBody.html(
                lead: [], keyFigures: keyFigures, keyFiguresHeading: l.text("key_figures"),
                sections: sections, sourceHTML: nil))
        return OutputFile(path: path, text: frames.render(view, with: "budget"))
    }

    /// Revenue and expenditure over the years, each year in its headline column.
    private func yearsChart(_ municipality: MunicipalityFigures, in language: Language) -> BudgetSectionView? {
        let l = localizer(language)
        let years = municipality.years.compactMap { year in year.headline.map { (year, $0) } }
        guard let first = years.first, let last = years.last else { return nil }
        let maximum = years.map { max($0.1.revenue, $0.1.expenditure) }.max() ?? .zero
        let chart = ColumnChart(
            text: ChartText(
                id: "chart-years", title: l.text("chart_years"),
                description: l.text("chart_years_desc", [
                    "first": String(first.0.year), "last": String(last.0.year),
                    "revenue": l.compactSom(last.1.revenue), "expenditure": l.compactSom(last.1.expenditure),
                ]),
                lang: language.rawValue),
            years: years.map { ColumnChart.Year(label: String($0.0.year) + ($0.0.isDraft ? "*" : ""), values: [$0.1.revenue.double, $0.1.expenditure.double]) },
            styles: [.solid, .outline],
            legend: [LegendEntry(label: l.text("revenue"), style: .solid), LegendEntry(label: l.text("expenditure"), style: .outline)],
            maximumText: l.compactSom(maximum))
        let table = HTMLBuilder.table(
            caption: l.text("chart_years"),
            columns: [l.text("year"), l.text("revenue"), l.text("expenditure"), l.text("balance")],
            rows: years.map { year, figures in
                [.header(String(year.year) + (year.isDraft ? " (\(l.text("plan_badge")))" : "")), .number(l.som(figures.revenue)), .number(l.som(figures.expenditure)), .number(l.som(figures.balance))]
            }, numericColumns: [1, 2, 3])
        let html = HTMLBuilder.figure(svg: chart.svg(), caption: l.text("chart_years"), tableSummary: l.text("data_table"), table: table)
        return BudgetSectionView(id: "over-the-years", heading: l.text("chart_years"), paragraphs: [], html: html)
    }

    // MARK: - Budgets index

    func renderBudgetsIndex(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.budgets(in: language)
        let latest = budgets.compactMap { municipality in municipality.latest.flatMap { year in year.headline.map { (municipality, year, $0) } } }
        var sections: [BudgetSectionView] = []
        if !latest.isEmpty {
            let ranked = latest.sorted { ($0.2.expenditurePerResident ?? .zero) > ($1.2.expenditurePerResident ?? .zero) }
            let top = ranked.first
            let chart = BarChart(
                text: ChartText(
                    id: "chart-compare", title: l.text("chart_compare"),
                    description: top.map { l.text("chart_compare_desc", ["name": municipalityName($0.0.municipality, in: language), "amount": $0.2.expenditurePerResident.map(l.som) ?? "—"]) } ?? "",
                    lang: language.rawValue),
                groups: ranked.map { municipality, year, figures in
                    BarGroup(label: "\(municipalityName(municipality.municipality, in: language)), \(year.year)", bars: [
                        BarGroup.Bar(value: figures.expenditurePerResident?.double ?? 0, text: figures.expenditurePerResident.map(l.som) ?? "—", style: .solid)
                    ])
                }, legend: [])
            let table = HTMLBuilder.table(
                caption: l.text("budgets_compare"),
                columns: [l.text("municipality"), l.text("oblast"), l.text("year"), l.text("per_resident"), l.text("transfers_share")],
                rows: ranked.map { municipality, year, figures in
                    [
                        .link(municipalityName(municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(municipality.id, in: language))),
                        .text(municipality.municipality.oblast.map { oblastName($0, in: language) } ?? "—"),
                        .text(String(year.year) + (year.isDraft ? " (\(l.text("plan_badge")))" : "")),
                        .number(figures.expenditurePerResident.map(l.somAndTyiyn) ?? "—"),
                        .number(l.percent(figures.transfersShare)),
                    ]
                }, numericColumns: [3, 4])
            let html = HTMLBuilder.figure(svg: chart.svg(), caption: l.text("chart_compare"), tableSummary: l.text("data_table"), table: table)
            sections.append(BudgetSectionView(id: "compare", heading: l.text("budgets_compare"), paragraphs: [l.text("budgets_compare_text")], html: html))
        }
        let items = budgets.map { municipality -> String in
            var item = HTMLBuilder.link(municipalityName(municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(municipality.id, in: language)))
            let subtitle = municipalitySubtitle(municipality.municipality, in: language)
            if !subtitle.isEmpty { item += " <span class=\"meta\">\(HTMLBuilder.escape(subtitle))</span>" }
            if municipality.municipality.isSample { item += " <span class=\"badge\">\(HTMLBuilder.escape(l.text("sample_badge")))</span>" }
            return item
        }
        sections.insert(BudgetSectionView(id: "municipalities", heading: l.text("municipalities"), paragraphs: [], html: HTMLBuilder.list(items, className: "municipalities")), at: 0)
        let frame = PageFrame(versions: perLanguage { paths.budgets(in: $0) }, title: l.text("budgets"), description: l.text("budgets_intro"), menuEntry: "budgets")
        let view = BudgetPageView(
            layout: layout(for: frame, in: language), breadcrumbs: budgetBreadcrumbs(from: path, in: language),
            title: l.text("budgets"), subtitle: nil, notices: [], bodyHTML: BudgetPageBody.html(
                lead: [l.text("budgets_intro")], sectionPages: (l.text("about_section"), sectionPages("budgets", from: path, in: language)),
                keyFigures: [], keyFiguresHeading: l.text("key_figures"),
                sections: sections, sourceHTML: nil))
        return OutputFile(path: path, text: frames.render(view, with: "budget"))
    }
}

/// Which budget jobs: the pages that show converted Markdown (years with commentary) can be made only after the
/// Markdown stage; the others (most of a national site) meanwhile.
public enum BudgetJobs: Sendable {
    case all, needingMarkdown, notNeedingMarkdown
}

extension Amount {
    /// For drawing only: lengths on a chart, never sums.
    var double: Double { (Int64(exactly: tyiyn).map(Double.init) ?? Double(tyiyn)) / 100 }
}
