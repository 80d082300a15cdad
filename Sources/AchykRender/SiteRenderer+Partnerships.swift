import AchykBudget
import AchykModel
import AchykSite
import Foundation

/// What the partnership pages and the case studies say of a record: money, partners, period, facts.
extension SiteRenderer {
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
        if let id = frontMatter.partnership, let record = recordsByID[id] { return record }
        return recordsByCase[key.stem]
    }

    /// The facts a case page takes from its record: who, when, the money, and a link to the record.
    func recordFacts(_ record: PartnershipRecord, from path: String, in language: Language) -> [Fact] {
        let l = localizer(language)
        var facts: [Fact] = []
        for (key, partners) in [("cso_partners", record.cso), ("lsg_partners", record.lsg), ("state_partners", record.state)] where !partners.isEmpty {
            facts.append(Fact(label: l.text(key), values: partnerNames(partners, in: language).map { Fact.Value(label: $0) }))
        }
        facts.append(Fact(label: l.text("period"), values: [Fact.Value(label: periodText(record, in: language))]))
        if !record.funding.isEmpty {
            facts.append(Fact(label: l.text("money"), values: record.funding.map { funding in
                var label = fundingText(funding, in: language)
                if let source = text(funding.source, in: language) { label += " — \(source)" }
                if let year = funding.year { label += ", \(year)" }
                return Fact.Value(label: label)
            }))
        }
        facts.append(Fact(label: l.text("partnership_record"), values: [
            Fact.Value(label: text(record.title, in: language) ?? record.id, href: SitePaths.relative(from: path, to: paths.partnership(record.id, in: language)))
        ]))
        return facts
    }

}
