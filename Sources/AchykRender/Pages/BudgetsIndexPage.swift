import AchykBudget
import AchykCharts
import AchykHTML
import AchykModel
import AchykSite

/// The budgets index: every municipality, and their latest years compared per resident.
extension SiteRenderer {
    func renderBudgetsIndex(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.budgets(in: language)
        let municipalities = budgets.map { municipality in
            (name: municipalityName(municipality.municipality, in: language),
             href: SitePaths.relative(from: path, to: paths.municipality(municipality.id, in: language)),
             subtitle: municipalitySubtitle(municipality.municipality, in: language),
             badge: municipality.municipality.isSample ? l.text("sample_badge") : nil)
        }
        var sections = [BudgetSection(id: "municipalities", heading: l.text("municipalities")) { w in
            w.list(municipalities, className: "municipalities") { w, item in
                w.link(item.name, href: item.href)
                if !item.subtitle.isEmpty {
                    w.put(" ")
                    w.element("span", ["class": "meta"], text: item.subtitle)
                }
                if let badge = item.badge {
                    w.put(" ")
                    w.element("span", ["class": "badge"], text: badge)
                }
            }
        }]
        if let comparison = comparison(from: path, in: language) { sections.append(comparison) }
        let frame = PageFrame(versions: perLanguage { paths.budgets(in: $0) }, title: l.text("budgets"), description: l.text("budgets_intro"), menuEntry: SiteSection.budgets.rawValue)
        let html = budgetPage(frame, in: language, BudgetPageBody(
            breadcrumbs: budgetBreadcrumbs(from: path, in: language), title: l.text("budgets"),
            lead: [l.text("budgets_intro")], sectionPages: (l.text("about_section"), sectionPageLinks(.budgets, from: path, in: language)),
            keyFiguresHeading: l.text("key_figures"), sections: sections))
        return OutputFile(path: path, html: html)
    }

    /// Spending per resident in each municipality's latest year, most first.
    private func comparison(from path: String, in language: Language) -> BudgetSection? {
        let l = localizer(language)
        let latest = budgets.compactMap { municipality in municipality.latest.flatMap { year in year.headline.map { (municipality, year, $0) } } }
        guard !latest.isEmpty else { return nil }
        let ranked = latest.sorted { ($0.2.expenditurePerResident ?? .zero) > ($1.2.expenditurePerResident ?? .zero) }
        let top = ranked.first
        let title = l.text("chart_compare")
        let chart = BarChart(
            text: ChartText(
                id: "chart-compare", title: title,
                description: top.map { l.text("chart_compare_desc", ["name": municipalityName($0.0.municipality, in: language), "amount": $0.2.expenditurePerResident.map(l.som) ?? "—"]) } ?? "",
                lang: language.rawValue),
            groups: ranked.map { municipality, year, figures in
                BarGroup(label: "\(municipalityName(municipality.municipality, in: language)), \(year.year)", bars: [
                    BarGroup.Bar(value: figures.expenditurePerResident?.double ?? 0, text: figures.expenditurePerResident.map(l.som) ?? "—", style: .solid)
                ])
            }, legend: [])
        let table = DataTable(
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
        let svg = chart.svg()
        let tableSummary = l.text("data_table")
        return BudgetSection(id: "compare", heading: l.text("budgets_compare"), paragraphs: [l.text("budgets_compare_text")]) { w in
            w.chart(svg, caption: title, tableSummary: tableSummary, table: table)
        }
    }
}
