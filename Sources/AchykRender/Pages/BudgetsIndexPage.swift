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

    /// Municipalities compared like with like: the latest year for which at least two have figures of one kind
    /// (executed before approved), the kind named, spending in total and per resident side by side.
    private func comparison(from path: String, in language: Language) -> BudgetSection? {
        let l = localizer(language)
        guard budgets.count >= 2 else { return nil }
        let heading = l.text("budgets_compare")
        guard let basis = Self.comparisonBasis(budgets) else {
            return BudgetSection(id: "compare", heading: heading, paragraphs: [l.text("compare_none")])
        }
        let stage = l.text(basis.column == .executed ? "stage_executed" : "stage_approved")
        let yearText = String(basis.year)
        let perResidentKnown = basis.entries.allSatisfy { $0.figures.expenditurePerResident != nil }
        // Per resident when every population is known; else the totals, which the sentence says do not compare sizes.
        let ranked = basis.entries.sorted { a, b in
            perResidentKnown ? (a.figures.expenditurePerResident ?? .zero) > (b.figures.expenditurePerResident ?? .zero) : a.figures.expenditure > b.figures.expenditure
        }
        var paragraphs = [l.text("compare_basis", ["year": yearText, "stage": stage])]
        if !perResidentKnown { paragraphs.append(l.text("compare_no_population")) }
        let missing = budgets.filter { municipality in !basis.entries.contains { $0.municipality.id == municipality.id } }
        if !missing.isEmpty {
            paragraphs.append(l.text("compare_missing", ["year": yearText, "names": missing.map { municipalityName($0.municipality, in: language) }.joined(separator: ", ")]))
        }
        let title = l.text(perResidentKnown ? "chart_compare_per_resident" : "chart_compare_spending", ["year": yearText, "stage": stage])
        let chart = BarChart(
            text: ChartText(id: "chart-compare", title: title, description: paragraphs[0], lang: language.rawValue),
            groups: ranked.map { entry in
                let perResident = entry.figures.expenditurePerResident
                let value = perResidentKnown ? perResident?.double ?? 0 : entry.figures.expenditure.double
                let text = perResidentKnown ? (perResident.map(l.som) ?? "—") : l.compactSom(entry.figures.expenditure)
                return BarGroup(label: municipalityName(entry.municipality.municipality, in: language), bars: [BarGroup.Bar(value: value, text: text, style: .solid)])
            }, legend: [])
        let table = DataTable(
            caption: title,
            columns: [l.text("municipality"), l.text("oblast"), l.text("expenditure"), l.text("per_resident"), l.text("transfers_share")],
            rows: ranked.map { entry in
                [
                    .link(municipalityName(entry.municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(entry.municipality.id, in: language))),
                    .text(entry.municipality.municipality.oblast.map { oblastName($0, in: language) } ?? "—"),
                    .number(l.som(entry.figures.expenditure)),
                    .number(entry.figures.expenditurePerResident.map(l.somAndTyiyn) ?? "—"),
                    .number(l.percent(entry.figures.transfersShare)),
                ]
            }, numericColumns: [2, 3, 4])
        let svg = chart.svg()
        let tableSummary = l.text("data_table")
        return BudgetSection(id: "compare", heading: heading, paragraphs: paragraphs) { w in
            w.chart(svg, caption: title, tableSummary: tableSummary, table: table)
        }
    }

    /// The latest year, and the kind of figures (executed before approved), that at least two municipalities share.
    static func comparisonBasis(_ budgets: [MunicipalityFigures])
        -> (year: Int, column: BudgetColumn, entries: [(municipality: MunicipalityFigures, figures: ColumnFigures)])?
    {
        for year in Set(budgets.flatMap { $0.years.map(\.year) }).sorted(by: >) {
            for column in [BudgetColumn.executed, .approved] {
                let entries = budgets.compactMap { municipality in
                    municipality.year(year)?.figures[column].map { (municipality: municipality, figures: $0) }
                }
                if entries.count >= 2 { return (year, column, entries) }
            }
        }
        return nil
    }
}
