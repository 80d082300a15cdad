import AchykModel
import AchykBudget
import Foundation
import Testing

@Suite struct PartnershipFiguresTests {
    static func record(_ id: String, _ oblasts: [Oblast], _ funding: [(Int, Currency)]) -> PartnershipRecord {
        PartnershipRecord(
            id: id, title: LocalizedText([.en: id]), oblasts: oblasts, rayon: LocalizedText([:]), settlements: [],
            cso: [Partner(name: LocalizedText([.en: "CSO"]), kind: nil)], lsg: [], state: [], startYear: 2004, endYear: nil,
            topics: [], funding: funding.map { Funding(amount: Amount(som: $0.0), currency: $0.1, source: LocalizedText([:]), year: nil) },
            results: LocalizedText([:]), caseStudy: nil, municipality: nil, notes: LocalizedText([:]), path: "partnerships/\(id).yaml")
    }

    static let records = [
        record("a", [.batken], [(250_000, .kgs), (1_000, .usd)]),
        record("b", [.batken, .osh], [(2_000, .usd)]),
        record("c", [.naryn], [(500, .eur), (50_000, .kgs)]),
        record("d", [.osh], []),
    ]

    @Test func casesPerOblastCountARecordInEachOfItsOblasts() {
        let counts = PartnershipFigures.casesPerOblast(Self.records)
        #expect(counts.map(\.oblast) == [.batken, .osh, .naryn])
        #expect(counts.map(\.count) == [2, 2, 1])
    }

    @Test func moneyIsAddedUpPerCurrency() {
        let totals = PartnershipFigures.moneyByCurrency(Self.records)
        #expect(totals.map(\.currency) == [.kgs, .usd, .eur])
        #expect(totals.map(\.amount) == [Amount(som: 300_000), Amount(som: 3_000), Amount(som: 500)])
        #expect(totals.map(\.entries) == [2, 2, 1])
    }

    @Test func conversionToSomUsesTheSiteRates() {
        let rates: [String: Decimal] = ["USD": Decimal(string: "38.5")!, "EUR": 50]
        // The handbook's rate: US$1 = 38.5 som.
        #expect(PartnershipFigures.somEquivalent(Amount(som: 3_000), .usd, rates: rates) == Amount(som: 115_500))
        #expect(PartnershipFigures.somEquivalent(Amount(tyiyn: 1), .usd, rates: rates) == Amount(tyiyn: 39))
        #expect(PartnershipFigures.somEquivalent(Amount(som: 500), .eur, rates: rates) == Amount(som: 25_000))
        #expect(PartnershipFigures.somEquivalent(Amount(som: 7), .kgs, rates: [:]) == Amount(som: 7))
        #expect(PartnershipFigures.somEquivalent(Amount(som: 7), .eur, rates: ["USD": 38]) == nil)
    }
}
