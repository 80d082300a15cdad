import AchykModel
import Foundation

/// The partnership index, with figures computed from the records, and a page per record.
extension SiteRenderer {
    func partnershipJobs() -> [RenderJob] {
        guard !content.partnerships.isEmpty else { return [] }
        return languages.flatMap { language in
            [RenderJob(name: "partnerships (\(language.rawValue))") { [self] in [renderPartnershipIndex(in: language)] }]
                + content.partnerships.map { record in
                    RenderJob(name: "partnerships/\(record.id) (\(language.rawValue))") { [self] in [renderPartnership(record, in: language)] }
                }
        }
    }

    // MARK: - Money

    /// The som equivalent of a funding entry, at site.yaml's rate; nil when there is no rate for its currency.
    func somEquivalent(_ funding: Funding) -> Amount? {
        PartnershipFigures.somEquivalent(funding.amount, funding.currency, rates: settings.exchangeRates)
    }

    /// The amount as given, in its own currency: "US$12,000", "12 000 долл. США", "250 000 сом".
    func originalAmount(_ amount: Amount, _ currency: Currency, in language: Language) -> String {
        let l = localizer(language)
        guard currency != .kgs else { return l.som(amount) }
        let number = amount.tyiyn % 100 == 0 ? l.decimal(Decimal(string: amount.plainSom) ?? 0, fractionDigits: 0) : l.decimal(Decimal(string: amount.plainSom) ?? 0, fractionDigits: 2)
        return l.text("amount_\(currency.rawValue)", ["n": number])
    }

    /// "US$12,000 (about 462,000 som)", with the original first as the contract asks.
    func fundingText(_ funding: Funding, in language: Language) -> String {
        var text = originalAmount(funding.amount, funding.currency, in: language)
        if funding.currency != .kgs, let som = somEquivalent(funding) {
            let l = localizer(language)
            // The euro rate is not the handbook's: say so wherever a converted euro amount appears.
            let assumed = funding.currency == .eur ? " " + l.text("at_assumed_rate") : ""
            text += " (\(l.text("som_equivalent", ["amount": l.som(som)]))\(assumed))"
        }
        return text
    }

    func partnerNames(_ partners: [Partner], in language: Language) -> [String] {
        partners.compactMap { text($0.name, in: language) }
    }

    func periodText(_ record: PartnershipRecord, in language: Language) -> String {
        let l = localizer(language)
        guard let end = record.endYear else { return l.text("period_ongoing", ["start": String(record.startYear)]) }
        return end == record.startYear ? String(end) : l.text("period_range", ["start": String(record.startYear), "end": String(end)])
    }

    /// The notes on how money was converted, for the currencies that appear.
    func conversionNotes(_ currencies: Set<Currency>, in language: Language) -> [String] {
        let l = localizer(language)
        var notes: [String] = []
        for currency in [Currency.usd, .eur] where currencies.contains(currency) {
            guard let rate = settings.exchangeRates[currency.rawValue] else { continue }
            let rateText = l.decimal(rate, fractionDigits: rate.description.contains(".") ? 1 : 0)
            notes.append(l.text(currency == .usd ? "rate_note" : "eur_assumption", ["rate": rateText]))
        }
        return notes
    }

    /// The record that belongs to a case study: named in its front matter, or naming it.
    func partnership(forCase key: PageKey, frontMatter: FrontMatter) -> PartnershipRecord? {
        if let id = frontMatter.partnership, let record = content.partnerships.first(where: { $0.id == id }) { return record }
        return content.partnerships.first { $0.caseStudy == key.stem }
    }

    /// The facts a case page takes from its record: who, when, the money, and a link to the record.
    func recordFacts(_ record: PartnershipRecord, from path: String, in language: Language) -> [FactView] {
        let l = localizer(language)
        var facts: [FactView] = []
        for (key, partners) in [("cso_partners", record.cso), ("lsg_partners", record.lsg), ("state_partners", record.state)] where !partners.isEmpty {
            facts.append(FactView(label: l.text(key), values: partnerNames(partners, in: language).map { FactValueView(label: $0) }))
        }
        facts.append(FactView(label: l.text("period"), values: [FactValueView(label: periodText(record, in: language))]))
        if !record.funding.isEmpty {
            facts.append(FactView(label: l.text("money"), values: record.funding.map { funding in
                var label = fundingText(funding, in: language)
                if let source = text(funding.source, in: language) { label += " — \(source)" }
                if let year = funding.year { label += ", \(year)" }
                return FactValueView(label: label)
            }))
        }
        facts.append(FactView(label: l.text("partnership_record"), values: [
            FactValueView(label: text(record.title, in: language) ?? record.id, href: SitePaths.relative(from: path, to: paths.partnership(record.id, in: language)))
        ]))
        return facts
    }

    // MARK: - Record page

    func renderPartnership(_ record: PartnershipRecord, in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.partnership(record.id, in: language)
        let title = text(record.title, in: language) ?? record.id
        var where_ = record.oblasts.map { HTMLBuilder.link(oblastName($0, in: language), href: SitePaths.relative(from: path, to: paths.oblast($0, in: language))) }
        if let rayon = text(record.rayon, in: language) { where_.append(HTMLBuilder.escape(rayon)) }
        if !record.settlements.isEmpty { where_.append(HTMLBuilder.escape(record.settlements.joined(separator: ", "))) }
        var facts = "<dl class=\"words\">\n"
        func fact(_ label: String, _ valuesHTML: [String]) {
            guard !valuesHTML.isEmpty else { return }
            facts += "<div><dt>\(HTMLBuilder.escape(label))</dt><dd>\(valuesHTML.joined(separator: "; "))</dd></div>\n"
        }
        fact(l.text("oblast"), where_)
        fact(l.text("cso_partners"), partnerNames(record.cso, in: language).map(HTMLBuilder.escape))
        fact(l.text("lsg_partners"), partnerNames(record.lsg, in: language).map(HTMLBuilder.escape))
        fact(l.text("state_partners"), partnerNames(record.state, in: language).map(HTMLBuilder.escape))
        fact(l.text("period"), [HTMLBuilder.escape(periodText(record, in: language))])
        fact(l.text("topics"), record.topics.map { HTMLBuilder.link(topicLabel($0, in: language), href: SitePaths.relative(from: path, to: paths.topic($0, in: language))) })
        if let stem = record.caseStudy, let group = caseStudies.first(where: { $0.key.stem == stem }) {
            fact(l.text("read_case"), [HTMLBuilder.link(group.version(for: language, siteOrder: languages)?.frontMatter.title ?? stem, href: SitePaths.relative(from: path, to: paths.page(group.key, in: language)))])
        }
        if let id = record.municipality, let municipality = budgets.first(where: { $0.id == id }) {
            fact(l.text("budget_pages"), [HTMLBuilder.link(municipalityName(municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(id, in: language)))])
        }
        facts += "</dl>\n"
        var sections = [BudgetSectionView(id: "record", heading: l.text("partnership_record"), paragraphs: [], html: facts)]
        if !record.funding.isEmpty {
            let table = HTMLBuilder.table(
                caption: l.text("money"), columns: [l.text("money"), l.text("in_som"), l.text("source"), l.text("year")],
                rows: record.funding.map { funding in
                    [.header(originalAmount(funding.amount, funding.currency, in: language)), .number(somEquivalent(funding).map(l.som) ?? "—"),
                     .text(text(funding.source, in: language) ?? ""), .text(funding.year.map(String.init) ?? "")]
                }, numericColumns: [1])
            sections.append(BudgetSectionView(id: "money", heading: l.text("money"), paragraphs: conversionNotes(Set(record.funding.map(\.currency)), in: language), html: table))
        }
        for (field, heading) in [("results", "results"), ("notes", "editorial_note")] {
            let texts = field == "results" ? record.results : record.notes
            guard let (_, written) = texts.resolved(in: language, order: languages), let html = bodies[SitePaths.recordText(record.path, field, written)] else { continue }
            sections.append(BudgetSectionView(id: field, heading: l.text(heading), paragraphs: [], html: "<div class=\"prose\" lang=\"\(written.rawValue)\">\n\(html)</div>\n"))
        }
        let frame = PageFrame(versions: perLanguage { paths.partnership(record.id, in: $0) }, title: title, description: l.text("partnerships_intro"), menuEntry: "partnerships", isArticle: true)
        let view = BudgetPageView(
            layout: layout(for: frame, in: language), breadcrumbs: breadcrumbs(through: ["partnerships"], from: path, in: language), title: title,
            subtitle: record.oblasts.map { oblastName($0, in: language) }.joined(separator: " · "), notices: [],
            bodyHTML: BudgetPageBody.html(lead: [], keyFigures: [], keyFiguresHeading: "", sections: sections, sourceHTML: nil))
        return OutputFile(path: path, text: frames.render(view, with: "budget"))
    }

    // MARK: - Index

    /// Figures computed from the records: cases per oblast, the timeline, the money per currency and in som.
    func renderPartnershipIndex(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.partnerships(in: language)
        let records = content.partnerships
        var sections: [BudgetSectionView] = []

        let items = records.sorted { ($0.startYear, $0.id) < ($1.startYear, $1.id) }.map { record in
            HTMLBuilder.link(text(record.title, in: language) ?? record.id, href: SitePaths.relative(from: path, to: paths.partnership(record.id, in: language)))
                + " <span class=\"meta\">\(HTMLBuilder.escape(periodText(record, in: language) + " · " + record.oblasts.map { oblastName($0, in: language) }.joined(separator: ", ")))</span>"
        }
        sections.append(BudgetSectionView(id: "records", heading: l.counted("records", records.count), paragraphs: [], html: HTMLBuilder.list(items, className: "municipalities")))

        let perOblast = PartnershipFigures.casesPerOblast(records)
        if let top = perOblast.first {
            let chart = BarChart(
                text: ChartText(id: "chart-oblasts", title: l.text("cases_per_oblast"), description: l.text("cases_per_oblast_desc", ["oblast": oblastName(top.oblast, in: language), "count": l.integer(top.count)]), lang: language.rawValue),
                groups: perOblast.map { BarGroup(label: oblastName($0.oblast, in: language), bars: [.init(value: Double($0.count), text: l.integer($0.count), style: .solid)]) },
                legend: [])
            let table = HTMLBuilder.table(
                caption: l.text("cases_per_oblast"), columns: [l.text("oblast"), l.text("entries")],
                rows: perOblast.map { [.link(oblastName($0.oblast, in: language), href: SitePaths.relative(from: path, to: paths.oblast($0.oblast, in: language))), .number(l.integer($0.count))] },
                numericColumns: [1])
            sections.append(BudgetSectionView(id: "per-oblast", heading: l.text("cases_per_oblast"), paragraphs: [chart.text.description],
                                              html: HTMLBuilder.figure(svg: chart.svg(), caption: chart.text.title, tableSummary: l.text("data_table"), table: table)))
        }

        let timeline = TimelineChart(
            text: ChartText(id: "chart-timeline", title: l.text("timeline"), description: "", lang: language.rawValue),
            rows: records.sorted { ($0.startYear, $0.id) < ($1.startYear, $1.id) }.map {
                TimelineChart.Row(label: text($0.title, in: language) ?? $0.id, start: $0.startYear, end: $0.endYear, text: periodText($0, in: language))
            })
        let scale = timeline.scale
        let described = TimelineChart(
            text: ChartText(id: "chart-timeline", title: l.text("timeline"), description: l.text("timeline_desc", ["first": String(scale.first), "last": String(scale.first + scale.years - 1)]), lang: language.rawValue),
            rows: timeline.rows)
        let timelineTable = HTMLBuilder.table(
            caption: l.text("timeline"), columns: [l.text("partnership_record"), l.text("period")],
            rows: timeline.rows.map { [.header($0.label), .text($0.text)] })
        sections.append(BudgetSectionView(id: "timeline", heading: l.text("timeline"), paragraphs: [described.text.description],
                                          html: HTMLBuilder.figure(svg: described.svg(), caption: described.text.title, tableSummary: l.text("data_table"), table: timelineTable)))

        let totals = PartnershipFigures.moneyByCurrency(records)
        if !totals.isEmpty {
            let inSom = totals.reduce(Amount.zero) { sum, total in sum + (somEquivalent(Funding(amount: total.amount, currency: total.currency, source: LocalizedText([:]), year: nil)) ?? .zero) }
            let list = totals.map { originalAmount($0.amount, $0.currency, in: language) }.joined(separator: ", ")
            let table = HTMLBuilder.table(
                caption: l.text("money_total"), columns: [l.text("currency"), l.text("money"), l.text("in_som"), l.text("entries")],
                rows: totals.map { total in
                    [.header(total.currency.rawValue), .number(originalAmount(total.amount, total.currency, in: language)),
                     .number(somEquivalent(Funding(amount: total.amount, currency: total.currency, source: LocalizedText([:]), year: nil)).map(l.som) ?? "—"),
                     .number(l.integer(total.entries))]
                } + [[.header(l.text("in_som")), .number(""), .number(l.som(inSom)), .number(l.integer(totals.map(\.entries).reduce(0, +)))]],
                numericColumns: [1, 2, 3])
            sections.append(BudgetSectionView(
                id: "money", heading: l.text("money_total"),
                paragraphs: [l.text("money_total_text", ["list": list, "som": l.compactSom(inSom)])] + conversionNotes(Set(totals.map(\.currency)), in: language),
                html: table))
        }
        let frame = PageFrame(versions: perLanguage { paths.partnerships(in: $0) }, title: l.text("partnerships"), description: l.text("partnerships_intro"), menuEntry: "partnerships")
        let view = BudgetPageView(
            layout: layout(for: frame, in: language),
            breadcrumbs: breadcrumbs(through: [], from: path, in: language),
            title: l.text("partnerships"), subtitle: nil, notices: [],
            bodyHTML: BudgetPageBody.html(
                lead: [l.text("partnerships_intro")], sectionPages: (l.text("about_section"), sectionPages("partnerships", from: path, in: language)),
                keyFigures: [], keyFiguresHeading: "", sections: sections, sourceHTML: nil))
        return OutputFile(path: path, text: frames.render(view, with: "budget"))
    }
}

/// The partnership index's figures, computed from the records alone.
enum PartnershipFigures {
    /// An amount in som: as it is for KGS, else at the rate (som per unit), rounded to the tyiyn.
    static func somEquivalent(_ amount: Amount, _ currency: Currency, rates: [String: Decimal]) -> Amount? {
        if currency == .kgs { return amount }
        guard let rate = rates[currency.rawValue] else { return nil }
        var product = (Decimal(string: amount.plainSom) ?? 0) * rate * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .plain)
        return Int128(rounded.description).map { Amount(tyiyn: $0) }
    }

    /// Records per oblast (a record in several oblasts counts in each), most first.
    static func casesPerOblast(_ records: [PartnershipRecord]) -> [(oblast: Oblast, count: Int)] {
        var counts: [Oblast: Int] = [:]
        for record in records { for oblast in Set(record.oblasts) { counts[oblast, default: 0] += 1 } }
        return counts.map { (oblast: $0.key, count: $0.value) }.sorted { ($0.count, $1.oblast) > ($1.count, $0.oblast) }
    }

    /// The money the records report, added up per currency, in the order KGS, USD, EUR.
    static func moneyByCurrency(_ records: [PartnershipRecord]) -> [(currency: Currency, amount: Amount, entries: Int)] {
        Currency.allCases.compactMap { currency in
            let entries = records.flatMap(\.funding).filter { $0.currency == currency }
            guard !entries.isEmpty else { return nil }
            return (currency, entries.reduce(Amount.zero) { $0 + $1.amount }, entries.count)
        }
    }
}
