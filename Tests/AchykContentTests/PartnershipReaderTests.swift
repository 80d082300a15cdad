@testable import AchykContent
import AchykModel
import Testing

@Suite struct PartnershipReaderTests {
    static let settings = SiteSettings(title: LocalizedText([.ky: "T"]), baseURL: "https://example.org/", languages: [.ky, .ru, .en])

    func read(_ text: String, stem: String = "insan-leilek") -> (PartnershipRecord?, [String]) {
        var diagnostics = Diagnostics()
        let record = PartnershipReader(settings: Self.settings, stem: stem).read(text, reporting: &diagnostics)
        return (record, diagnostics.sorted.map(\.description))
    }

    @Test func readsAWholeRecord() throws {
        let (record, problems) = read("""
            id: insan-leilek
            title: {ky: "Инсан", ru: "Инсан", en: "Insan"}
            oblast: [batken, osh]
            rayon: {en: "Leilek rayon"}
            settlements: [Isfana, Katran]
            cso:
              - name: {en: "Insan-Leilek"}
                kind: public-association
            lsg:
              - name: {en: "Isfana town"}
            state:
              - name: {en: "Ministry of Health"}
            period: {start: 2004, end: 2006}
            topics: [youth, budget-hearings]
            funding:
              - amount: 250000
                currency: KGS
                source: {en: "ayil okmot"}
                year: 2005
              - amount: "12 000.50"
                currency: USD
            results: {en: "**Done**"}
            case_study: 25-insan-leilek
            municipality: isfana
            notes: {en: "The total is not the sum of its parts."}
            """)
        #expect(problems.isEmpty)
        let value = try #require(record)
        #expect(value.oblasts == [.batken, .osh])
        #expect(value.startYear == 2004 && value.endYear == 2006)
        #expect(value.funding.map(\.amount) == [Amount(som: 250_000), Amount(tyiyn: 1_200_050)])
        #expect(value.funding.map(\.currency) == [.kgs, .usd])
        #expect(value.funding.first?.year == 2005)
        #expect(value.state.count == 1)
        #expect(value.caseStudy == "25-insan-leilek")
        #expect(value.caseStudyLine == 23)
    }

    @Test func reportsEveryProblemAtItsLine() {
        let (record, problems) = read("""
            id: insan
            title: Insan
            oblast: [batken, fergana]
            cso:
              - name: {en: "Insan-Leilek"}
            lsg: []
            period: {start: 2006, end: 2004}
            topics: [youth, sport]
            funding:
              - amount: -5
                currency: KGS
              - amount: 100
                currency: RUB
              - amount: lots
                currency: USD
            owner: somebody
            """)
        #expect(record == nil)
        #expect(problems == [
            "partnerships/insan-leilek.yaml:1: error: id 'insan' must equal the file name 'insan-leilek'",
            "partnerships/insan-leilek.yaml:3: error: unknown oblast 'fergana'; use one of batken, chui, issyk-kul, jalal-abad, naryn, osh, talas, bishkek, osh-city",
            "partnerships/insan-leilek.yaml:6: error: a partnership needs at least one local government under 'lsg' or state body under 'state'",
            "partnerships/insan-leilek.yaml:7: error: the end year 2004 is before the start year 2006",
            "partnerships/insan-leilek.yaml:8: warning: topic 'sport' has no built-in label; it is shown as written",
            "partnerships/insan-leilek.yaml:10: error: amount -5 is negative; a funding entry is money given",
            "partnerships/insan-leilek.yaml:13: error: currency 'RUB' must be KGS, USD or EUR",
            "partnerships/insan-leilek.yaml:14: error: amount 'lots' is not an amount (write it as 250000 or 1 500.50)",
            "partnerships/insan-leilek.yaml:16: warning: unknown key 'owner' in a partnership record; it is ignored",
        ])
    }

    @Test func requiredKeysAreErrorsAtLineOne() {
        let (_, problems) = read("title: Insan\n")
        #expect(problems == [
            "partnerships/insan-leilek.yaml:1: error: a partnership needs at least one local government under 'lsg' or state body under 'state'",
            "partnerships/insan-leilek.yaml:1: error: missing required key 'cso' (the civil society organisations of the partnership)",
            "partnerships/insan-leilek.yaml:1: error: missing required key 'id'",
            "partnerships/insan-leilek.yaml:1: error: missing required key 'oblast'",
            "partnerships/insan-leilek.yaml:1: error: missing required key 'period' (for example period: {start: 2004, end: 2006})",
        ])
    }
}

/// A record's villages in the reader's language, through names.yaml.
@Suite struct SettlementNamesTests {
    @Test func settlementsTakeTheirSpellingInEachLanguageFromTheNamesTable() throws {
        var diagnostics = Diagnostics()
        let names = NamesReader().read("- {en: Jer-Kazar, ru: Жер-Казар, ky: Жер-Казар}\n", reporting: &diagnostics)
        let text = """
            id: alga
            title: {en: "ALGA"}
            oblast: chui
            settlements: [Jer-Kazar, Kant, Кызыл-Суу]
            cso:
              - name: {en: "ALGA"}
            lsg:
              - name: {en: "Jer-Kazar ayil okmot"}
            period: {start: 2003}
            topics: [women]

            """
        let record = try #require(PartnershipReader(settings: PartnershipReaderTests.settings, stem: "alga", names: names).read(text, reporting: &diagnostics), "\(diagnostics.sorted)")
        #expect(record.settlements.map { $0[.ky] } == ["Жер-Казар", "Kant", "Кызыл-Суу"])
        #expect(record.settlements.map { $0[.en] } == ["Jer-Kazar", "Kant", "Кызыл-Суу"])
        // A Latin name the table lacks would reach Kyrgyz and Russian readers in Latin letters.
        #expect(diagnostics.sorted.map(\.description) == [
            "partnerships/alga.yaml:4: warning: settlement 'Kant' is not in names.yaml, so the Kyrgyz and Russian pages show it in Latin letters; add it there",
        ])
    }
}
