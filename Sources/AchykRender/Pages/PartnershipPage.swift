import AchykBudget
import AchykHTML
import AchykModel
import AchykSite

/// A partnership record's page: who, where, when, on what, the money, the results and the editors' notes.
extension SiteRenderer {
    func renderPartnership(_ record: PartnershipRecord, in language: Language) throws -> OutputFile {
        let l = localizer(language)
        let path = paths.partnership(record.id, in: language)
        let title = text(record.title, in: language) ?? record.id
        /// A fact's values: texts, or links where the site has a page to go to.
        typealias Value = (label: String, href: String?)
        var facts: [(label: String, values: [Value])] = []
        func fact(_ label: String, _ values: [Value]) {
            if !values.isEmpty { facts.append((label, values)) }
        }
        var place: [Value] = record.oblasts.map { oblast in
            (oblastName(oblast, in: language), siteMap.oblastList(oblast, in: language).map { SitePaths.relative(from: path, to: $0) })
        }
        if let rayon = text(record.rayon, in: language) { place.append((rayon, nil)) }
        if !record.settlements.isEmpty {
            place.append((record.settlements.compactMap { $0[language] ?? $0[.en] }.joined(separator: ", "), nil))
        }
        fact(l.text("place"), place)
        fact(l.text("cso_partners"), partnerNames(record.cso, in: language).map { ($0, nil) })
        fact(l.text("lsg_partners"), partnerNames(record.lsg, in: language).map { ($0, nil) })
        fact(l.text("state_partners"), partnerNames(record.state, in: language).map { ($0, nil) })
        fact(l.text("period"), [(periodText(record, in: language), nil)])
        fact(l.text("topics"), record.topics.map { topic in
            (topicLabel(topic, in: language), siteMap.topicList(topic, in: language).map { SitePaths.relative(from: path, to: $0) })
        })
        if let stem = record.caseStudy, let group = caseStudies.first(where: { $0.key.stem == stem }) {
            fact(l.text("read_case"), [(group.version(for: language, siteOrder: languages)?.frontMatter.title ?? stem, SitePaths.relative(from: path, to: paths.page(group.key, in: language)))])
        }
        if let id = record.municipality, let municipality = budgetsByID[id] {
            fact(l.text("budget_pages"), [(municipalityName(municipality.municipality, in: language), SitePaths.relative(from: path, to: paths.municipality(id, in: language)))])
        }
        var sections = [BudgetSection(id: "record", heading: l.text("partnership_record")) { w in
            w.put("<dl class=\"words\">\n")
            for (label, values) in facts {
                w.put("<div>")
                w.element("dt", text: label)
                w.put("<dd>")
                for (index, value) in values.enumerated() {
                    if index > 0 { w.put("; ") }
                    if let href = value.href { w.link(value.label, href: href) } else { w.text(value.label) }
                }
                w.put("</dd></div>\n")
            }
            w.put("</dl>\n")
        }]
        if !record.funding.isEmpty {
            let table = fundingTable(record, in: language)
            sections.append(BudgetSection(id: "money", heading: l.text("money"), paragraphs: conversionNotes(Set(record.funding.map(\.currency)), in: language)) { w in
                table.write(to: &w)
            })
        }
        for (field, heading) in [("results", "results"), ("notes", "editorial_note")] {
            let texts = field == "results" ? record.results : record.notes
            guard let (_, written) = texts.resolved(in: language, order: languages) else { continue }
            let html = try body(ofRecordText: SitePaths.recordText(record.path, field, written))
            sections.append(BudgetSection(id: field, heading: l.text(heading)) { w in
                w.open("div", ["class": "prose", "lang": written.rawValue])
                w.put("\n")
                w.raw(html)
                w.put("</div>\n")
            })
        }
        let frame = PageFrame(versions: perLanguage { paths.partnership(record.id, in: $0) }, title: title, description: l.text("partnerships_intro"), menuEntry: SiteSection.partnerships.rawValue, isArticle: true)
        let html = budgetPage(frame, in: language, BudgetPageBody(
            breadcrumbs: breadcrumbs(through: [.partnerships], from: path, in: language), title: title,
            subtitle: record.oblasts.map { oblastName($0, in: language) }.joined(separator: " · "), sections: sections))
        return OutputFile(path: path, html: html)
    }

    /// The money of a record: each entry as given, its som equivalent where it was in another currency, who gave it and
    /// when; then a total per currency and, with several currencies, in som at the site's rates. The section's heading
    /// is its only visible title.
    private func fundingTable(_ record: PartnershipRecord, in language: Language) -> DataTable {
        let l = localizer(language)
        let foreign = record.funding.contains { $0.currency != .kgs }
        var columns = [l.text("amount_given")]
        if foreign { columns.append(l.text("in_som")) }
        columns += [l.text("given_by"), l.text("year")]
        func row(_ header: String, _ som: Amount?, _ source: String, _ year: String) -> [DataTable.Cell] {
            var cells: [DataTable.Cell] = [.header(header)]
            if foreign { cells.append(.number(som.map(l.som) ?? "—")) }
            return cells + [.text(source), .text(year)]
        }
        var rows = record.funding.map { funding in
            row(originalAmount(funding.amount, funding.currency, in: language), funding.currency == .kgs ? funding.amount : somEquivalent(funding),
                text(funding.source, in: language) ?? "", funding.year.map(String.init) ?? "")
        }
        let currencies = Currency.allCases.filter { currency in record.funding.contains { $0.currency == currency } }
        for currency in currencies {
            let entries = record.funding.filter { $0.currency == currency }
            guard entries.count > 1 else { continue }
            let sum = entries.reduce(Amount.zero) { $0 + $1.amount }
            let som = PartnershipFigures.somTotal(entries.map { ($0.currency, $0.amount) }, rates: settings.exchangeRates)
            rows.append(row(l.text("total") + ": " + originalAmount(sum, currency, in: language), currency == .kgs ? sum : som, "", ""))
        }
        if currencies.count > 1 {
            let som = PartnershipFigures.somTotal(record.funding.map { ($0.currency, $0.amount) }, rates: settings.exchangeRates)
            rows.append(row(l.text("total_in_som"), som, "", ""))
        }
        return DataTable(caption: l.text("money"), columns: columns, rows: rows, numericColumns: foreign ? [1] : [], captionHidden: true)
    }
}
