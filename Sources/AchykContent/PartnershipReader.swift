import AchykModel
import Yams

/// Reads `partnerships/<id>.yaml`, reporting every problem at its key's line.
struct PartnershipReader {
    static let knownKeys: Set<String> = [
        "id", "title", "oblast", "rayon", "settlements", "cso", "lsg", "state", "period", "topics", "funding", "results",
        "case_study", "municipality", "notes",
    ]

    let settings: SiteSettings
    /// The file name without `.yaml`, which `id` must equal.
    let stem: String
    /// `names.yaml`, which gives each settlement its spelling in every language.
    var names: NameCheck = .none

    var path: String { "partnerships/\(stem).yaml" }

    func read(_ text: String, reporting diagnostics: inout Diagnostics) -> PartnershipRecord? {
        let file = YAMLFile(path: path, lineOffset: 0)
        let errorsBefore = diagnostics.errorCount
        guard let map = file.mapping(
            text, what: "a partnership record", known: Self.knownKeys,
            ifEmpty: "the record is empty; start from `achyk new partnership \(stem)`", reporting: &diagnostics)
        else { return nil }
        let languages = settings.languages

        if let id = map.identifier("id", required: true, reporting: &diagnostics), id != stem {
            diagnostics.error("id '\(id)' must equal the file name '\(stem)'", at: map.location(of: "id"))
        }
        let title = map.localizedText("title", languages: languages, required: true, reporting: &diagnostics)
        let oblasts = map.oblasts(required: true, reporting: &diagnostics)
        let cso = partners("cso", map, reporting: &diagnostics)
        let lsg = partners("lsg", map, reporting: &diagnostics)
        let state = partners("state", map, reporting: &diagnostics)
        if map["cso"] != nil && cso.isEmpty && !diagnostics.hasErrors {
            diagnostics.error("'cso' needs at least one organisation", at: map.location(of: "cso"))
        } else if map["cso"] == nil {
            diagnostics.error("missing required key 'cso' (the civil society organisations of the partnership)", at: file.fileLocation)
        }
        if lsg.isEmpty && state.isEmpty {
            diagnostics.error("a partnership needs at least one local government under 'lsg' or state body under 'state'", at: map["lsg"] == nil ? file.fileLocation : map.location(of: "lsg"))
        }
        let period = readPeriod(map, reporting: &diagnostics)
        let funding = map.mappings("funding", reporting: &diagnostics).compactMap { readFunding($0, reporting: &diagnostics) }
        let record = PartnershipRecord(
            id: stem, title: title ?? LocalizedText([:]), oblasts: oblasts,
            rayon: map.localizedText("rayon", languages: languages, reporting: &diagnostics) ?? LocalizedText([:]),
            settlements: readSettlements(map, reporting: &diagnostics), cso: cso, lsg: lsg, state: state,
            startYear: period?.start ?? 0, endYear: period?.end, topics: map.topics(reporting: &diagnostics), funding: funding,
            results: map.localizedText("results", languages: languages, reporting: &diagnostics) ?? LocalizedText([:]),
            caseStudy: readCaseStudy(map, reporting: &diagnostics),
            municipality: map.identifier("municipality", reporting: &diagnostics),
            notes: map.localizedText("notes", languages: languages, reporting: &diagnostics) ?? LocalizedText([:]),
            path: path, caseStudyLine: map.location(of: "case_study").line, municipalityLine: map.location(of: "municipality").line)
        return diagnostics.errorCount == errorsBefore ? record : nil
    }

    private func partners(_ key: String, _ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [Partner] {
        map.mappings(key, reporting: &diagnostics).compactMap { item in
            item.reportUnknownKeys(known: ["name", "kind"], in: "'\(key)'", reporting: &diagnostics)
            guard let name = item.localizedText("name", languages: settings.languages, required: true, reporting: &diagnostics) else { return nil }
            return Partner(name: name, kind: item.string("kind", reporting: &diagnostics))
        }
    }

    /// A record names its villages once, for every language: the names table spells each in the reader's language.
    /// A name the table lacks is shown as written, with a warning when Kyrgyz and Russian readers would get Latin.
    private func readSettlements(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [LocalizedText] {
        map.strings("settlements", reporting: &diagnostics).map { name, location in
            if let localized = names.localized(name) { return localized }
            if !names.isEmpty, name.unicodeScalars.contains(where: { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) {
                diagnostics.warning("settlement '\(name)' is not in names.yaml, so the Kyrgyz and Russian pages show it in Latin letters; add it there", at: location)
            }
            return LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, name) }))
        }
    }

    private func readPeriod(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> (start: Int, end: Int?)? {
        guard let period = map.mapping("period", reporting: &diagnostics) else {
            diagnostics.error("missing required key 'period' (for example period: {start: 2004, end: 2006})", at: map.file.fileLocation)
            return nil
        }
        period.reportUnknownKeys(known: ["start", "end"], in: "'period'", reporting: &diagnostics)
        guard let startNode = period["start"] else {
            diagnostics.error("'period' needs a 'start' year", at: map.location(of: "period"))
            return nil
        }
        let years = 1900...2100
        guard let start = map.integer(startNode, what: "start year", in: years, reporting: &diagnostics) else { return nil }
        guard let endNode = period["end"], !endNode.isNull else { return (start, nil) }
        guard let end = map.integer(endNode, what: "end year", in: years, reporting: &diagnostics) else { return nil }
        if end < start {
            diagnostics.error("the end year \(end) is before the start year \(start)", at: period.location(of: "end"))
            return nil
        }
        return (start, end)
    }

    private func readFunding(_ item: YAMLMapping, reporting diagnostics: inout Diagnostics) -> Funding? {
        item.reportUnknownKeys(known: ["amount", "currency", "source", "year"], in: "a funding entry", reporting: &diagnostics)
        var amount: Amount?
        if let text = item.string("amount", required: true, reporting: &diagnostics) {
            switch AmountParser.parse(text) {
            case .success(let value?) where value.isNegative:
                diagnostics.error("amount \(text) is negative; a funding entry is money given", at: item.location(of: "amount"))
            case .success(let value?): amount = value
            case .success(nil), .failure:
                diagnostics.error("amount '\(text)' is not an amount (write it as 250000 or 1 500.50)", at: item.location(of: "amount"))
            }
        }
        var currency: Currency?
        if let text = item.string("currency", required: true, reporting: &diagnostics) {
            currency = Currency(rawValue: text)
            if currency == nil {
                diagnostics.error("currency '\(text)' must be KGS, USD or EUR", at: item.location(of: "currency"))
            }
        }
        let source = item.localizedText("source", languages: settings.languages, reporting: &diagnostics) ?? LocalizedText([:])
        let year = item["year"].flatMap { $0.isNull ? nil : item.integer($0, what: "year", in: 1900...2100, reporting: &diagnostics) }
        guard let amount, let currency else { return nil }
        return Funding(amount: amount, currency: currency, source: source, year: year)
    }

    private func readCaseStudy(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> String? {
        guard let text = map.string("case_study", reporting: &diagnostics) else { return nil }
        guard Identifier.isValid(text) else {
            diagnostics.error("'case_study' must be a case study's file name without language and .md, such as 01-alga", at: map.location(of: "case_study"))
            return nil
        }
        return text
    }
}
