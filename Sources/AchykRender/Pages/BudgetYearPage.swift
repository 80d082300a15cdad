import AchykBudget
import AchykCharts
import AchykHTML
import AchykModel
import AchykSite
import Foundation

/// The citizen budget of one municipality and year in one language (`/<lang>/budgets/<m>/<year>/`): key figures,
/// then where the money comes from and goes, per resident, plan and reality, the change against last year, what
/// the money buys, the CSO's commentary, how to take part, words explained and downloads. Each chart is also
/// written beside the page as an SVG file of its own, for leaflets.
struct BudgetYearPage {
    let renderer: SiteRenderer
    let municipality: MunicipalityFigures
    let year: BudgetYear
    let language: Language
    /// Looked up once: it is used for every figure of the page.
    private let l: Localizer

    init(renderer: SiteRenderer, municipality: MunicipalityFigures, year: BudgetYear, language: Language) {
        self.renderer = renderer
        self.municipality = municipality
        self.year = year
        self.language = language
        self.l = renderer.localizer(language)
    }

    private var info: Municipality { municipality.municipality }
    private var path: String { renderer.paths.budgetYear(info.id, year.year, in: language) }
    private var yearText: String { String(year.year) }

    /// A chart's name in its file name, with its title for the downloads.
    private struct Chart {
        let name: String
        let title: String
        let svg: String
    }

    func render() throws -> [OutputFile] {
        var charts: [Chart] = []
        var sections: [BudgetSection] = []
        if let figures = year.headline {
            // Each statement once: a plan year's lead already says that execution is not known, and the key figures
            // that the population is not.
            sections += [whereFrom(figures, &charts), whereTo(figures, &charts)]
            if year.population != nil, figures.expenditurePerResident != nil { sections.append(perResident(figures, &charts)) }
            if !year.isDraft { sections.append(planAndReality(&charts)) }
            sections += [compared(&charts), whatMoneyBuys(&charts)].compactMap { $0 }
        }
        if let commentary = try commentary() { sections.append(commentary) }
        sections.append(renderer.takePartSection(info, from: path, in: language, leaflet: true))
        sections.append(wordsExplained())
        sections.append(downloads(charts))

        let name = renderer.municipalityName(info, in: language)
        let title = l.text("budget_of", ["name": name, "year": yearText])
        var lead = [renderer.basisText(year, in: language)]
        let frame = PageFrame(
            versions: renderer.perLanguage { renderer.paths.budgetYear(info.id, year.year, in: $0) }, title: title,
            description: lead.joined(separator: " "), menuEntry: SiteSection.budgets.rawValue,
            structuredData: [renderer.budgetYearData(
                info, year: year.year, title: title, description: ([title + "."] + lead + (info.isSample ? [l.text("sample_notice")] : [])).joined(separator: " "),
                path: path, in: language)])
        let html = renderer.budgetPage(frame, in: language, BudgetPageBody(
            breadcrumbs: renderer.budgetBreadcrumbs(from: path, in: language, municipality: info),
            title: title, subtitle: renderer.municipalitySubtitle(info, in: language),
            notices: info.isSample ? [l.text("sample_notice")] : [], lead: lead,
            keyFiguresHeading: l.text("key_figures"), keyFigures: keyFigures(), sections: sections, source: source))
        let page = OutputFile(path: path, html: html)
        return [page] + charts.map { chart in
            OutputFile(path: renderer.paths.budgetChart(info.id, year.year, chart: chart.name, in: language), contents: .data(Data(SVGChart.standaloneBytes(chart.svg))))
        }
    }

    // MARK: - Key figures

    private func keyFigures() -> [KeyFigure] {
        guard let figures = year.headline else { return [] }
        let balanceLabel = figures.balance.isNegative ? "deficit" : figures.balance == .zero ? "balance" : "surplus"
        var result = [
            KeyFigure(label: l.text("revenue"), value: l.compactSom(figures.revenue), exact: l.som(figures.revenue), note: nil),
            KeyFigure(label: l.text("expenditure"), value: l.compactSom(figures.expenditure), exact: l.som(figures.expenditure), note: nil),
            KeyFigure(
                label: l.text(balanceLabel), explained: balanceLabel == "balance" ? nil : renderer.glossaryLink(for: l.text(balanceLabel), from: path, in: language),
                value: l.compactSom(figures.balance.magnitude), exact: l.som(figures.balance),
                note: figures.balance == .zero ? l.text("balanced") : nil),
        ]
        let perResidentLink = renderer.glossaryLink(for: l.text("per_resident"), from: path, in: language)
        if let perResident = figures.expenditurePerResident {
            result.append(KeyFigure(label: l.text("per_resident"), explained: perResidentLink, value: l.som(perResident), exact: l.somAndTyiyn(perResident), note: nil))
        } else {
            result.append(KeyFigure(label: l.text("per_resident"), explained: perResidentLink, value: "—", note: l.text("per_resident_unknown")))
        }
        return result
    }

    private func summarySentence(_ figures: ColumnFigures) -> String {
        guard let largest = largestFunction(figures) else { return "" }
        return l.text("where_to_text", ["function": functionName(largest), "share": l.percent(figures.share(of: largest))])
    }

    // MARK: - Sections

    private func whereFrom(_ figures: ColumnFigures, _ charts: inout [Chart]) -> BudgetSection {
        guard let own = figures.ownRevenue, let transfers = figures.transfers else { return revenueTotalOnly(figures) }
        let column = year.headlineColumn
        let description = l.text("chart_revenue_desc", ["own": l.compactSom(own), "transfers": l.compactSom(transfers), "share": l.percent(figures.transfersShare)])
        let lines = year.revenueLines(column)
        let charted = CappedLines(lines, column: column, limit: Self.chartLines)
        let bySource = BarChart(
            text: chartText("revenue", l.text("chart_revenue", ["year": yearText]), description),
            groups: charted.shown.map { line in
                let amount = line[column] ?? .zero
                return BarGroup(label: label(line), bars: [.init(value: amount.double, text: l.compactSom(amount), style: line.category == .transfers ? .hatched : .solid)])
            } + othersGroup(charted),
            legend: [LegendEntry(label: l.text("own_revenue"), style: .solid), LegendEntry(label: l.text("transfers"), style: .hatched)])
        let bySourceSVG = bySource.svg()
        charts.append(Chart(name: "revenue", title: bySource.text.title, svg: bySourceSVG))
        let embedding = chartEmbed("revenue", title: bySource.text.title)
        let table = DataTable(
            caption: bySource.text.title, columns: [l.text("code"), l.text("item"), l.text("amount"), l.text("share")],
            rows: tableRows(lines, column: column) { line, amount in
                [.code(line.code), .header(label(line)), .number(l.number(amount)), .number(l.percent(figures.revenueShare(of: amount)))]
            } + [[.code(""), .header(l.text("revenue")), .number(l.number(figures.revenue)), .number(l.percent(figures.revenue == .zero ? nil : 1))]],
            numericColumns: [2, 3], codeColumn: 0)
        let caption = bySource.text.title
        let tableSummary = l.text("data_table")
        var paragraphs: [String] = []
        if figures.revenue != .zero {
            paragraphs.append(l.text("where_from_text", ["share": l.percent(figures.transfersShare), "own": l.compactSom(own)]))
        }
        // The shares are said once, in the sentence; the chart's legend tells own revenue from transfers.
        return BudgetSection(id: "where-from", heading: l.text("where_from"), paragraphs: paragraphs) { w in
            w.chart(bySourceSVG, caption: caption, tableSummary: tableSummary, table: table, embed: embedding)
        }
    }

    /// The source gives the revenue total alone, perhaps with some parts it names: no chart of sources it does not give.
    private func revenueTotalOnly(_ figures: ColumnFigures) -> BudgetSection {
        let column = year.headlineColumn
        var paragraphs = [l.text("revenue_total_only", ["amount": l.compactSom(figures.revenue)])]
        let parts = year.revenueLines(column)
        guard !parts.isEmpty else { return BudgetSection(id: "where-from", heading: l.text("where_from"), paragraphs: paragraphs) }
        paragraphs.append(l.text("revenue_parts_text"))
        let table = DataTable(
            caption: l.text("revenue_parts", ["year": yearText]), columns: [l.text("code"), l.text("item"), l.text("amount"), l.text("share")],
            rows: tableRows(parts, column: column) { line, amount in
                [.code(line.code), .header(label(line)), .number(l.number(amount)), .number(l.percent(figures.revenueShare(of: amount)))]
            } + [[.code(" "), .header(l.text("not_named_in_source")), .number("—"), .number("—")],
                 [.code(""), .header(l.text("revenue")), .number(l.number(figures.revenue)), .number(l.percent(figures.revenue == .zero ? nil : 1))]],
            numericColumns: [2, 3], codeColumn: 0)
        return BudgetSection(id: "where-from", heading: l.text("where_from"), paragraphs: paragraphs) { w in table.write(to: &w) }
    }

    private func whereTo(_ figures: ColumnFigures, _ charts: inout [Chart]) -> BudgetSection {
        if !year.hasFunctions {
            return BudgetSection(id: "where-to", heading: l.text("where_to"), paragraphs: [l.text("expenditure_total_only", ["amount": l.compactSom(figures.expenditure)])])
        }
        let functions = functionsBySize(figures)
        let chart = BarChart(
            text: chartText("functions", l.text("chart_functions", ["year": yearText]), summarySentence(figures)),
            groups: functions.map { function in
                let amount = figures.byFunction[function] ?? .zero
                return BarGroup(label: functionName(function), bars: [.init(value: amount.double, text: "\(l.compactSom(amount)) · \(l.percent(figures.share(of: function)))", style: .solid)])
            }, legend: [])
        let svg = chart.svg()
        charts.append(Chart(name: "functions", title: chart.text.title, svg: svg))
        let embedding = chartEmbed("functions", title: chart.text.title)
        let table = DataTable(
            caption: chart.text.title, columns: [l.text("code"), l.text("item"), l.text("amount"), l.text("share")],
            rows: functions.map { function in
                [.code(function), .header(functionName(function)), .number(l.number(figures.byFunction[function] ?? .zero)), .number(l.percent(figures.share(of: function)))]
            } + [[.code(""), .header(l.text("expenditure")), .number(l.number(figures.expenditure)), .number(l.percent(figures.expenditure == .zero ? nil : 1))]],
            numericColumns: [2, 3], codeColumn: 0)
        let (caption, tableSummary) = (chart.text.title, l.text("data_table"))
        return BudgetSection(
            id: "where-to", heading: l.text("where_to"), paragraphs: [summarySentence(figures)].filter { !$0.isEmpty }
        ) { w in w.chart(svg, caption: caption, tableSummary: tableSummary, table: table, embed: embedding) }
    }

    private func perResident(_ figures: ColumnFigures, _ charts: inout [Chart]) -> BudgetSection {
        guard let population = year.population, let total = figures.expenditurePerResident else {
            return BudgetSection(id: "per-resident", heading: l.text("for_each_resident"), paragraphs: [l.text("per_resident_missing", ["year": yearText])])
        }
        let functions = functionsBySize(figures)
        let sentence = l.text("per_resident_text", ["amount": l.som(total), "residents": l.counted("residents", population)])
        guard year.hasFunctions else { return BudgetSection(id: "per-resident", heading: l.text("for_each_resident"), paragraphs: [sentence]) }
        let perPerson = functions.map { ($0, figures.perResident(function: $0, population: population) ?? .zero) }
        let chart = BarChart(
            text: chartText("per-resident", l.text("chart_per_resident", ["year": yearText]), sentence),
            groups: perPerson.map { function, amount in
                BarGroup(label: functionName(function), bars: [.init(value: amount.double, text: l.som(amount), style: .solid)])
            }, legend: [])
        let svg = chart.svg()
        charts.append(Chart(name: "per-resident", title: chart.text.title, svg: svg))
        let embedding = chartEmbed("per-resident", title: chart.text.title)
        let table = DataTable(
            caption: chart.text.title, columns: [l.text("code"), l.text("item"), l.text("amount")],
            rows: perPerson.map { function, amount in [.code(function), .header(functionName(function)), .number(l.numberWithTyiyn(amount))] }
                + [[.code(""), .header(l.text("expenditure")), .number(l.numberWithTyiyn(total))]],
            numericColumns: [2], codeColumn: 0)
        let (caption, tableSummary) = (chart.text.title, l.text("data_table"))
        return BudgetSection(
            id: "per-resident", heading: l.text("for_each_resident"), paragraphs: [sentence]
        ) { w in w.chart(svg, caption: caption, tableSummary: tableSummary, table: table, embed: embedding) }
    }

    private func planAndReality(_ charts: inout [Chart]) -> BudgetSection {
        guard let approved = year.figures[.approved], let executed = year.figures[.executed], let rates = year.executionRates else {
            return BudgetSection(id: "plan-and-reality", heading: l.text("plan_and_reality"), paragraphs: [l.text("draft_text")])
        }
        let sentence = l.text("plan_text", ["rate": l.percent(rates.expenditure), "executed": l.compactSom(executed.expenditure), "approved": l.compactSom(approved.expenditure)])
        let functions = year.hasFunctions ? year.functions.sorted { (approved.byFunction[$0] ?? .zero) > (approved.byFunction[$1] ?? .zero) } : []
        let revised = year.figures[.revised]
        // The unit in the header, once: the cells hold the figures alone.
        var columns = [l.text("code"), l.text("item"), l.text("label_som", ["label": l.text("approved")])]
        if revised != nil { columns.append(l.text("label_som", ["label": l.text("revised")])) }
        columns += [l.text("label_som", ["label": l.text("executed")]), l.text("execution_rate")]
        func row(_ code: String, _ name: String, _ plan: Amount, _ revisedAmount: Amount?, _ actual: Amount, _ rate: Double?) -> [DataTable.Cell] {
            var cells: [DataTable.Cell] = [.code(code), .header(name), .number(l.number(plan))]
            if revised != nil { cells.append(.number(revisedAmount.map(l.number) ?? "—")) }
            return cells + [.number(l.number(actual)), .number(l.percent(rate))]
        }
        let totals = [
            row("", l.text("expenditure"), approved.expenditure, revised?.expenditure, executed.expenditure, rates.expenditure),
            row("", l.text("revenue"), approved.revenue, revised?.revenue, executed.revenue, rates.revenue),
        ]
        guard year.hasFunctions else {
            let table = DataTable(caption: l.text("chart_plan", ["year": yearText]), columns: columns, rows: totals, numericColumns: Set(2..<columns.count), codeColumn: 0)
            return BudgetSection(id: "plan-and-reality", heading: l.text("plan_and_reality"), paragraphs: [sentence]) { w in table.write(to: &w) }
        }
        let chart = BarChart(
            text: chartText("plan", l.text("chart_plan", ["year": yearText]), sentence),
            groups: functions.map { function in
                let plan = approved.byFunction[function] ?? .zero
                let actual = executed.byFunction[function] ?? .zero
                return BarGroup(label: functionName(function), bars: [
                    .init(value: plan.double, text: l.compactSom(plan), style: .outline),
                    .init(value: actual.double, text: "\(l.compactSom(actual)) · \(l.percent(rates.byFunction[function] ?? nil))", style: .solid),
                ])
            },
            legend: [LegendEntry(label: l.text("approved"), style: .outline), LegendEntry(label: l.text("executed"), style: .solid)])
        let svg = chart.svg()
        charts.append(Chart(name: "plan", title: chart.text.title, svg: svg))
        let embedding = chartEmbed("plan", title: chart.text.title)
        let rows = functions.map { function in
            row(function, functionName(function), approved.byFunction[function] ?? .zero, revised?.byFunction[function], executed.byFunction[function] ?? .zero, rates.byFunction[function] ?? nil)
        } + totals
        let table = DataTable(caption: chart.text.title, columns: columns, rows: rows, numericColumns: Set(2..<columns.count), codeColumn: 0)
        let (caption, tableSummary) = (chart.text.title, l.text("data_table"))
        return BudgetSection(
            id: "plan-and-reality", heading: l.text("plan_and_reality"), paragraphs: [sentence]
        ) { w in w.chart(svg, caption: caption, tableSummary: tableSummary, table: table, embed: embedding) }
    }

    private func compared(_ charts: inout [Chart]) -> BudgetSection? {
        guard let change = municipality.change(for: year), let before = change.previous.figures[change.column],
            let now = change.current.figures[change.column]
        else { return nil }
        let previousText = String(change.previous.year)
        let difference = AmountChange(from: before.expenditure, to: now.expenditure)
        let sentence: String
        if difference.difference == .zero {
            sentence = l.text("change_same", ["year": previousText])
        } else {
            sentence = l.text(difference.isNegative ? "change_down" : "change_up", [
                "amount": l.compactSom(difference.magnitude), "year": previousText,
                "percent": (difference.isNegative ? "−" : "+") + l.percent(difference.relative),
            ])
        }
        let functions = BudgetClassification.functionCodes.filter { before.byFunction[$0] != nil || now.byFunction[$0] != nil }
            .sorted { (now.byFunction[$0] ?? .zero) > (now.byFunction[$1] ?? .zero) }
        func row(_ code: String, _ name: String, _ then: Amount, _ current: Amount) -> [DataTable.Cell] {
            let delta = AmountChange(from: then, to: current).difference
            return [.code(code), .header(name), .number(l.number(then)), .number(l.number(current)), .number((delta.isNegative ? "" : "+") + l.number(delta))]
        }
        // Revenue first, as everywhere else on the page.
        let totals = [row("", l.text("revenue"), before.revenue, now.revenue), row("", l.text("expenditure"), before.expenditure, now.expenditure)]
        let heading = l.text("compared_with", ["year": previousText])
        // A year without its functions is compared on its totals alone.
        guard year.hasFunctions, change.previous.hasFunctions else {
            let caption = l.text("chart_change_totals", ["previous": previousText, "year": yearText])
            let table = DataTable(caption: caption, columns: [l.text("code"), l.text("item"), l.text("label_som", ["label": previousText]), l.text("label_som", ["label": yearText]), l.text("change")], rows: totals, numericColumns: [2, 3, 4], codeColumn: 0)
            return BudgetSection(id: "compared", heading: heading, paragraphs: [sentence]) { w in table.write(to: &w) }
        }
        let chart = BarChart(
            text: chartText("change", l.text("chart_change", ["previous": previousText, "year": yearText]), sentence),
            groups: functions.map { function in
                let then = before.byFunction[function] ?? .zero
                let current = now.byFunction[function] ?? .zero
                return BarGroup(label: functionName(function), bars: [
                    .init(value: then.double, text: l.compactSom(then), style: .previous),
                    .init(value: current.double, text: l.compactSom(current), style: .solid),
                ])
            },
            legend: [LegendEntry(label: previousText, style: .previous), LegendEntry(label: yearText, style: .solid)])
        let svg = chart.svg()
        charts.append(Chart(name: "change", title: chart.text.title, svg: svg))
        let embedding = chartEmbed("change", title: chart.text.title)
        let table = DataTable(
            caption: chart.text.title, columns: [l.text("code"), l.text("item"), l.text("label_som", ["label": previousText]), l.text("label_som", ["label": yearText]), l.text("change")],
            rows: functions.map { row($0, functionName($0), before.byFunction[$0] ?? .zero, now.byFunction[$0] ?? .zero) } + totals,
            numericColumns: [2, 3, 4], codeColumn: 0)
        let (caption, tableSummary) = (chart.text.title, l.text("data_table"))
        return BudgetSection(
            id: "compared", heading: heading, paragraphs: [sentence]
        ) { w in w.chart(svg, caption: caption, tableSummary: tableSummary, table: table, embed: embedding) }
    }

    private func whatMoneyBuys(_ charts: inout [Chart]) -> BudgetSection? {
        let column = year.headlineColumn
        let lines = year.economicBreakdown(column)
        guard let largest = lines.first else { return nil }
        let charted = lines.prefix(Self.chartLines)
        let others = CappedLines(largestFirst: lines.map(\.line), column: column, limit: Self.chartLines)
        let chart = BarChart(
            text: chartText("economic", l.text("chart_economic", ["year": yearText]), "\(label(largest.line)): \(l.percent(largest.share))"),
            groups: charted.map { line, amount, share in
                BarGroup(label: label(line), bars: [.init(value: amount.double, text: "\(l.compactSom(amount)) · \(l.percent(share))", style: line.category == .capital ? .capital : .solid)])
            } + othersGroup(others),
            legend: lines.contains { $0.line.category == .capital } && lines.contains { $0.line.category != .capital }
                ? [LegendEntry(label: l.text("running_costs"), style: .solid), LegendEntry(label: l.text("capital_spending"), style: .capital)] : [])
        let svg = chart.svg()
        charts.append(Chart(name: "economic", title: chart.text.title, svg: svg))
        let embedding = chartEmbed("economic", title: chart.text.title)
        let table = DataTable(
            caption: chart.text.title, columns: [l.text("code"), l.text("item"), l.text("amount"), l.text("share")],
            rows: lines.prefix(Self.tableLines).map { line, amount, share in [.code(line.code), .header(label(line)), .number(l.number(amount)), .number(l.percent(share))] }
                + othersRow(lines.count - Self.tableLines, columns: 4),
            numericColumns: [2, 3], codeColumn: 0)
        let (caption, tableSummary) = (chart.text.title, l.text("data_table"))
        return BudgetSection(
            id: "what-money-buys", heading: l.text("what_money_buys"), paragraphs: [l.text("what_money_buys_text")]
        ) { w in w.chart(svg, caption: caption, tableSummary: tableSummary, table: table, embed: embedding) }
    }

    /// The CSO's words on this year, with the same fallback as any page.
    private func commentary() throws -> BudgetSection? {
        guard let group = renderer.commentaries["\(info.id)/\(year.year)"], let page = group.version(for: language, siteOrder: renderer.languages)
        else { return nil }
        let body = try renderer.body(of: page)
        let versions = page.language == language ? [] : group.translatedLanguages(siteOrder: renderer.languages).map { other in
            (other.nativeName, SitePaths.relative(from: path, to: renderer.paths.budgetYear(info.id, year.year, in: other)))
        }
        let (notice, versionsLabel) = (l.text("fallback_notice"), l.text("fallback_versions"))
        let (pageLanguage, readerLanguage) = (page.language.rawValue, language.rawValue)
        return BudgetSection(id: "commentary", heading: l.text("commentary")) { w in
            if !versions.isEmpty {
                w.open("aside", ["class": "notice", "role": "note", "lang": readerLanguage])
                w.element("p", text: notice)
                w.put("<p>")
                w.text(versionsLabel)
                for (label, href) in versions {
                    w.put(" ")
                    w.link(label, href: href)
                }
                w.put("</p></aside>\n")
            }
            if !page.frontMatter.title.isEmpty {
                w.element("h3", ["lang": pageLanguage], text: page.frontMatter.title)
                w.put("\n")
            }
            w.open("div", ["class": "prose", "lang": pageLanguage])
            w.put("\n")
            w.raw(body)
            w.put("</div>\n")
        }
    }

    private func wordsExplained() -> BudgetSection {
        // The words this page uses: transfers and own revenue where the source divides revenue so, execution where it
        // is known, deficit or surplus where the budget has one.
        var keys: [(String, String)] = []
        if year.notPublished.contains(.revenueBySource) == false { keys += [("transfers", "transfers"), ("own_revenue", "own_revenue")] }
        if !year.isDraft { keys.append(("execution_rate", "execution")) }
        if let balance = year.headline?.balance, balance != .zero {
            keys.append(balance.isNegative ? ("deficit", "deficit") : ("surplus", "surplus"))
        }
        keys.append(("approved", "approved"))
        let words = keys.map { word, key in (l.text(word), l.text("word.\(key)")) }
        let glossary = renderer.siteMap.pagesBySlug["glossary"].map { (l.text("more_words"), SitePaths.relative(from: path, to: renderer.paths.page($0.key, in: language))) }
        return BudgetSection(id: "words", heading: l.text("words_explained")) { w in
            w.put("<dl class=\"words\">\n")
            for (word, meaning) in words {
                w.put("<div><dt>")
                if let href = renderer.glossaryLink(for: word, from: path, in: language) { w.link(word, href: href) } else { w.text(word) }
                w.put("</dt>")
                w.element("dd", text: meaning)
                w.put("</div>\n")
            }
            w.put("</dl>\n")
            if let (label, href) = glossary {
                w.put("<p>")
                w.link(label, href: href)
                w.put("</p>\n")
            }
        }
    }

    /// The code a local news site copies to show a chart: its SVG file from this site, linked to this page.
    private func chartEmbed(_ name: String, title: String) -> ChartEmbed {
        let svg = renderer.paths.absoluteURL(renderer.paths.budgetChart(info.id, year.year, chart: name, in: language))
        let page = renderer.paths.absoluteURL(path)
        let code = "<a href=\"\(Escaping.escape(page))\"><img src=\"\(Escaping.escape(svg))\" alt=\"\(Escaping.escape(title))\" style=\"max-width:100%;height:auto\"></a>"
        return ChartEmbed(summary: l.text("embed_chart"), hint: l.text("embed_hint"), code: code)
    }

    private func downloads(_ charts: [Chart]) -> BudgetSection {
        let items = [
            (l.text("download_csv"), SitePaths.relative(from: path, to: SitePaths.budgetData(info.id, year.year, ext: "csv"))),
            (l.text("download_json"), SitePaths.relative(from: path, to: SitePaths.budgetData(info.id, year.year, ext: "json"))),
        ] + charts.map { chart in (l.text("download_chart", ["title": chart.title]), "\(chart.name).svg") }
        return BudgetSection(id: "downloads", heading: l.text("downloads")) { w in
            w.list(items, className: "downloads") { w, item in w.link(item.0, href: item.1, download: true) }
        }
    }

    /// "Source: …": the municipality's source for this year, with its link and date, or the site's organisation.
    private func source(_ w: inout HTMLWriter) {
        w.text(l.text("source"))
        w.put(" ")
        guard let source = info.sources[year.year] else {
            let organisation = renderer.text(renderer.settings.organisation, in: language) ?? renderer.text(renderer.settings.title, in: language) ?? ""
            w.text(l.text("source_default", ["organisation": organisation]))
            return
        }
        let title = renderer.text(source.title, in: language) ?? ""
        func writeTitle(_ w: inout HTMLWriter) {
            if let url = source.url { w.link(title, href: url) } else { w.text(title) }
        }
        defer {
            if source.unit == .thousand {
                // The date may end in a full stop of its own ("10 февраля 2023 г.").
                if !w.endsWithFullStop { w.put(".") }
                w.put(" ")
                w.text(l.text("unit_thousand_note"))
                w.put(".")
            }
        }
        guard let asOf = source.asOf else { return writeTitle(&w) }
        // The title sits where the UI string puts it, in any language's word order.
        let parts = l.text("source_as_of", ["title": "\u{0}", "date": l.date(asOf)]).split(separator: "\u{0}", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if index > 0 { writeTitle(&w) }
            w.text(String(part))
        }
    }

    // MARK: - Helpers

    /// Bars of a chart of lines: a chart of hundreds is unreadable, and a file of hundreds of thousands of lines
    /// made pages of hundreds of megabytes. Real local budgets stay far below both limits.
    static let chartLines = 15
    /// Rows of a table of lines; every line is in the CSV download.
    static let tableLines = 500

    /// The bar of the lines a chart leaves out, summed.
    private func othersGroup(_ capped: CappedLines) -> [BarGroup] {
        guard let others = capped.others else { return [] }
        return [BarGroup(label: l.counted("other_lines", others.count), bars: [.init(value: others.amount.double, text: l.compactSom(others.amount), style: .solid)])]
    }

    /// A table's rows for at most `tableLines` lines, in their order, and a row saying how many more the CSV has.
    private func tableRows(_ lines: some RandomAccessCollection<BudgetLine>, column: BudgetColumn, _ row: (BudgetLine, Amount) -> [DataTable.Cell]) -> [[DataTable.Cell]] {
        lines.prefix(Self.tableLines).map { row($0, $0[column] ?? .zero) } + othersRow(lines.count - Self.tableLines, columns: 4)
    }

    private func othersRow(_ count: Int, columns: Int) -> [[DataTable.Cell]] {
        guard count > 0 else { return [] }
        return [[.code(""), .header("\(l.counted("other_lines", count)). \(l.text("other_lines_note"))")] + Array(repeating: .text(""), count: columns - 2)]
    }

    private func chartText(_ name: String, _ title: String, _ description: String) -> ChartText {
        ChartText(id: "chart-\(name)", title: title, description: description, lang: language.rawValue)
    }

    private func label(_ line: BudgetLine) -> String { line.label[language] ?? line.code }

    private func functionName(_ code: String) -> String {
        BudgetClassification.builtInLabel(code)?[language] ?? code
    }

    private func functionsBySize(_ figures: ColumnFigures) -> [String] {
        year.functions.sorted { ((figures.byFunction[$0] ?? .zero), $1) > ((figures.byFunction[$1] ?? .zero), $0) }
    }

    private func largestFunction(_ figures: ColumnFigures) -> String? {
        functionsBySize(figures).first.flatMap { (figures.byFunction[$0] ?? .zero) > .zero ? $0 : nil }
    }
}
