import AchykBudget
import AchykCharts
import AchykHTML
import AchykModel
import AchykSite

/// The partnership index, with figures computed from the records: records per oblast, the timeline, the money.
extension SiteRenderer {
    func renderPartnershipIndex(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.partnerships(in: language)
        let records = content.partnerships
        let byStart = records.sorted { ($0.startYear, $0.id) < ($1.startYear, $1.id) }
        let items = byStart.map { record in
            (title: text(record.title, in: language) ?? record.id, href: SitePaths.relative(from: path, to: paths.partnership(record.id, in: language)),
             meta: periodText(record, in: language) + " · " + record.oblasts.map { oblastName($0, in: language) }.joined(separator: ", "))
        }
        var sections = [BudgetSection(id: "records", heading: l.counted("records", records.count)) { w in
            w.list(items, className: "municipalities") { w, item in
                w.link(item.title, href: item.href)
                w.put(" ")
                w.element("span", ["class": "meta"], text: item.meta)
            }
        }]
        if let perOblast = perOblastSection(records, from: path, in: language) { sections.append(perOblast) }
        sections.append(timelineSection(byStart, in: language))
        if let money = moneySection(records, in: language) { sections.append(money) }
        let frame = PageFrame(versions: perLanguage { paths.partnerships(in: $0) }, title: l.text("partnerships"), description: l.text("partnerships_intro"), menuEntry: SiteSection.partnerships.rawValue)
        let html = budgetPage(frame, in: language, BudgetPageBody(
            breadcrumbs: breadcrumbs(through: [], from: path, in: language), title: l.text("partnerships"),
            lead: [l.text("partnerships_intro")], sectionPages: (l.text("about_section"), sectionPageLinks(.partnerships, from: path, in: language)),
            sections: sections))
        return OutputFile(path: path, html: html)
    }

    private func perOblastSection(_ records: [PartnershipRecord], from path: String, in language: Language) -> BudgetSection? {
        let l = localizer(language)
        let perOblast = PartnershipFigures.casesPerOblast(records)
        guard let top = perOblast.first else { return nil }
        let chart = BarChart(
            text: ChartText(id: "chart-oblasts", title: l.text("cases_per_oblast"), description: l.text("cases_per_oblast_desc", ["oblast": oblastName(top.oblast, in: language), "count": l.integer(top.count)]), lang: language.rawValue),
            groups: perOblast.map { BarGroup(label: oblastName($0.oblast, in: language), bars: [.init(value: Double($0.count), text: l.integer($0.count), style: .solid)]) },
            legend: [])
        let table = DataTable(
            caption: l.text("cases_per_oblast"), columns: [l.text("oblast"), l.text("entries")],
            rows: perOblast.map { entry in
                let name = oblastName(entry.oblast, in: language)
                // An oblast that only records name has no handbook list to link to.
                let cell: DataTable.Cell = siteMap.oblastList(entry.oblast, in: language).map { .link(name, href: SitePaths.relative(from: path, to: $0)) } ?? .header(name)
                return [cell, .number(l.integer(entry.count))]
            },
            numericColumns: [1])
        let svg = chart.svg()
        let tableSummary = l.text("data_table")
        return BudgetSection(id: "per-oblast", heading: chart.text.title, paragraphs: [chart.text.description]) { w in
            w.chart(svg, caption: chart.text.title, tableSummary: tableSummary, table: table)
        }
    }

    private func timelineSection(_ records: [PartnershipRecord], in language: Language) -> BudgetSection {
        let l = localizer(language)
        let rows = records.map {
            TimelineChart.Row(label: text($0.title, in: language) ?? $0.id, start: $0.startYear, end: $0.endYear, text: periodText($0, in: language))
        }
        let scale = TimelineChart(text: ChartText(id: "chart-timeline", title: "", description: "", lang: language.rawValue), rows: rows).scale
        // A legend only when both kinds of bar are drawn.
        let legend = rows.contains { $0.end == nil } && rows.contains { $0.end != nil }
            ? [LegendEntry(label: l.text("timeline_ended"), style: .solid), LegendEntry(label: l.text("timeline_ongoing"), style: .ongoing)] : []
        let chart = TimelineChart(
            text: ChartText(id: "chart-timeline", title: l.text("timeline"), description: l.text("timeline_desc", ["first": String(scale.first), "last": String(scale.first + scale.years - 1)]), lang: language.rawValue),
            rows: rows, legend: legend)
        let table = DataTable(
            caption: l.text("timeline"), columns: [l.text("partnership_record"), l.text("period")],
            rows: rows.map { [.header($0.label), .text($0.text)] })
        let svg = chart.svg()
        let tableSummary = l.text("data_table")
        return BudgetSection(id: "timeline", heading: chart.text.title, paragraphs: [chart.text.description]) { w in
            w.chart(svg, caption: chart.text.title, tableSummary: tableSummary, table: table)
        }
    }

    /// The money the records report, per currency and in som at the site's rates.
    private func moneySection(_ records: [PartnershipRecord], in language: Language) -> BudgetSection? {
        let l = localizer(language)
        let totals = PartnershipFigures.moneyByCurrency(records)
        guard !totals.isEmpty else { return nil }
        let rates = settings.exchangeRates
        let inSom = PartnershipFigures.somTotal(totals.map { ($0.currency, $0.amount) }, rates: rates)
        let list = totals.map { originalAmount($0.amount, $0.currency, in: language) }.joined(separator: ", ")
        let table = DataTable(
            caption: l.text("money_total"), columns: [l.text("currency"), l.text("money"), l.text("in_som"), l.text("entries")],
            rows: totals.map { total in
                [.header(total.currency.rawValue), .number(originalAmount(total.amount, total.currency, in: language)),
                 .number(PartnershipFigures.somEquivalent(total.amount, total.currency, rates: rates).map(l.som) ?? "—"),
                 .number(l.integer(total.entries))]
            } + [[.header(l.text("total_in_som")), .number(""), .number(l.som(inSom)), .number(l.integer(totals.map(\.entries).reduce(0, +)))]],
            numericColumns: [1, 2, 3])
        return BudgetSection(
            id: "money", heading: l.text("money_total"),
            paragraphs: [l.text("money_total_text", ["list": list, "som": l.compactSom(inSom)])] + conversionNotes(Set(totals.map(\.currency)), in: language)
        ) { w in table.write(to: &w) }
    }
}
