import AchykBudget
import AchykCharts
import AchykHTML
import AchykModel
import AchykSite

/// A municipality's page: its latest key figures, its years, the years compared in a chart, and how to take part.
extension SiteRenderer {
    func renderMunicipality(_ municipality: MunicipalityFigures, in language: Language) -> OutputFile {
        let l = localizer(language)
        let info = municipality.municipality
        let path = paths.municipality(info.id, in: language)
        let name = municipalityName(info, in: language)
        var keyFigures: [KeyFigure] = []
        if let latest = municipality.latest, let figures = latest.headline {
            if let population = latest.population {
                keyFigures.append(KeyFigure(label: "\(l.text("population")), \(latest.year)", value: l.counted("residents", population)))
            }
            keyFigures.append(KeyFigure(
                label: "\(l.text("expenditure")), \(latest.year)", value: l.compactSom(figures.expenditure), exact: l.som(figures.expenditure),
                note: latest.isDraft ? l.text("plan_badge") : nil))
            keyFigures.append(KeyFigure(
                label: l.text("per_resident"), value: figures.expenditurePerResident.map(l.som) ?? "—",
                note: figures.expenditurePerResident == nil ? l.text("per_resident_unknown") : nil))
        }
        let years = municipality.years.reversed().map { year in
            (label: l.text("budget_year_title", ["year": String(year.year)]), href: SitePaths.relative(from: path, to: paths.budgetYear(info.id, year.year, in: language)),
             badge: year.isDraft ? l.text("plan_badge") : nil)
        }
        var sections = [BudgetSection(id: "years", heading: l.text("years_heading")) { w in
            w.list(years, className: "years") { w, year in
                w.link(year.label, href: year.href)
                if let badge = year.badge {
                    w.put(" ")
                    w.element("span", ["class": "badge"], text: badge)
                }
            }
        }]
        if let chart = yearsChart(municipality, in: language) { sections.append(chart) }
        sections.append(takePartSection(info, from: path, in: language))
        let frame = PageFrame(versions: perLanguage { paths.municipality(info.id, in: $0) }, title: name, description: l.text("budgets_intro"), menuEntry: SiteSection.budgets.rawValue,
            structuredData: [municipalityData(info, path: path, in: language)])
        let html = budgetPage(frame, in: language, BudgetPageBody(
            breadcrumbs: budgetBreadcrumbs(from: path, in: language), title: name, subtitle: municipalitySubtitle(info, in: language),
            notices: info.isSample ? [l.text("sample_notice")] : [], keyFiguresHeading: l.text("key_figures"), keyFigures: keyFigures,
            sections: sections))
        return OutputFile(path: path, html: html)
    }

    /// Revenue and expenditure over the years, each year in its headline column.
    private func yearsChart(_ municipality: MunicipalityFigures, in language: Language) -> BudgetSection? {
        let l = localizer(language)
        let years = municipality.years.compactMap { year in year.headline.map { (year, $0) } }
        guard let first = years.first, let last = years.last else { return nil }
        let maximum = years.map { max($0.1.revenue, $0.1.expenditure) }.max() ?? .zero
        let title = l.text("chart_years")
        let chart = ColumnChart(
            text: ChartText(
                id: "chart-years", title: title,
                description: l.text("chart_years_desc", [
                    "first": String(first.0.year), "last": String(last.0.year),
                    "revenue": l.compactSom(last.1.revenue), "expenditure": l.compactSom(last.1.expenditure),
                ]),
                lang: language.rawValue),
            years: years.map { ColumnChart.Year(label: String($0.0.year) + ($0.0.isDraft ? "*" : ""), values: [$0.1.revenue.double, $0.1.expenditure.double]) },
            styles: [.solid, .spending],
            legend: [LegendEntry(label: l.text("revenue"), style: .solid), LegendEntry(label: l.text("expenditure"), style: .spending)],
            maximumText: l.compactSom(maximum))
        let table = DataTable(
            caption: title,
            columns: [l.text("year"), l.text("revenue"), l.text("expenditure"), l.text("balance")],
            rows: years.map { year, figures in
                [.header(String(year.year) + (year.isDraft ? " (\(l.text("plan_badge")))" : "")), .number(l.som(figures.revenue)), .number(l.som(figures.expenditure)), .number(l.som(figures.balance))]
            }, numericColumns: [1, 2, 3])
        let svg = chart.svg()
        let tableSummary = l.text("data_table")
        return BudgetSection(id: "over-the-years", heading: title) { w in
            w.chart(svg, caption: title, tableSummary: tableSummary, table: table)
        }
    }
}
