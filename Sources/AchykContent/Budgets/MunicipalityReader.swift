import AchykModel
import Yams

/// Reads `budgets/<municipality>/municipality.yaml`.
struct MunicipalityReader {
    static let knownKeys: Set<String> = [
        "id", "name", "kind", "oblast", "rayon", "population", "sample", "contact", "sources", "hearings", "sheet",
    ]

    let settings: SiteSettings
    /// The folder name, which `id` must equal.
    let folder: String

    var path: String { "budgets/\(folder)/municipality.yaml" }

    func read(_ text: String, reporting diagnostics: inout Diagnostics) -> Municipality? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let map = file.mapping(
            text, what: "municipality.yaml", known: Self.knownKeys, ifEmpty: "municipality.yaml is empty; it needs at least id and name",
            reporting: &diagnostics)
        else { return nil }
        let languages = settings.languages

        let id = map.identifier("id", required: true, reporting: &diagnostics)
        if let id, id != folder {
            diagnostics.error("id '\(id)' must equal the folder name '\(folder)'", at: map.location(of: "id"))
        }
        let name = map.localizedText("name", languages: languages, required: true, reporting: &diagnostics)
        let kind = readKind(map, reporting: &diagnostics)
        let oblast = map.oblast(required: false, reporting: &diagnostics)
        let rayon = map.localizedText("rayon", languages: languages, reporting: &diagnostics)
        let population = readPopulation(map, reporting: &diagnostics)
        let sample = map.bool("sample", reporting: &diagnostics) ?? false
        let contact = readContact(map, reporting: &diagnostics)
        let sources = readSources(map, reporting: &diagnostics)
        let hearings = readHearings(map, reporting: &diagnostics)
        let sheet = map.string("sheet", reporting: &diagnostics)
        // With errors the build stops, but the municipality is still given so that its tables are checked too and
        // every problem of the run is reported at once.
        return Municipality(
            id: folder, name: name ?? LocalizedText([settings.defaultLanguage: folder]), kind: kind, oblast: oblast, rayon: rayon ?? LocalizedText([:]), population: population,
            isSample: sample, contact: contact, sources: sources, hearings: hearings, sheet: sheet, path: path)
    }

    private func readKind(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> MunicipalityKind? {
        guard let text = map.string("kind", reporting: &diagnostics) else { return nil }
        guard let kind = MunicipalityKind(rawValue: text) else {
            diagnostics.error("kind '\(text)' must be one of \(MunicipalityKind.allCases.map(\.rawValue).joined(separator: ", "))", at: map.location(of: "kind"))
            return nil
        }
        return kind
    }

    static let years = 1991...2100

    private func readPopulation(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [Int: Int] {
        guard let population = map.mapping("population", reporting: &diagnostics) else { return [:] }
        var result: [Int: Int] = [:]
        for entry in population.entries {
            guard let year = map.integer(entry.keyNode, what: "population year", in: Self.years, reporting: &diagnostics),
                let residents = map.integer(entry.value, what: "population", in: 1...100_000_000, reporting: &diagnostics)
            else { continue }
            result[year] = residents
        }
        return result
    }

    private func readContact(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> Contact? {
        guard let contact = map.mapping("contact", reporting: &diagnostics) else { return nil }
        contact.reportUnknownKeys(known: ["email", "phone"], in: "contact", reporting: &diagnostics)
        let email = contact.string("email", reporting: &diagnostics)
        if let email, !Self.looksLikeEmail(email) {
            diagnostics.error("contact email '\(email)' is not an e-mail address", at: contact.location(of: "email"))
            return nil
        }
        let phone = contact.string("phone", reporting: &diagnostics)
        return email == nil && phone == nil ? nil : Contact(email: email, phone: phone)
    }

    /// One `@`, something before it, a dot after it, and nothing that could break out of a `mailto:` link.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !text.contains { $0.isWhitespace || "<>\"'():;,\\".contains($0) }
    }

    private func readSources(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [Int: BudgetSource] {
        guard let sources = map.mapping("sources", reporting: &diagnostics) else { return [:] }
        var result: [Int: BudgetSource] = [:]
        for entry in sources.entries {
            guard let year = map.integer(entry.keyNode, what: "sources year", in: Self.years, reporting: &diagnostics),
                let source = YAMLMapping(entry.value, in: map.file, what: "sources \(year)", reporting: &diagnostics)
            else { continue }
            source.reportUnknownKeys(known: ["title", "url", "as_of", "unit", "not_published"], in: "sources \(year)", reporting: &diagnostics)
            let title = source.localizedText("title", languages: settings.languages, required: true, reporting: &diagnostics)
            result[year] = BudgetSource(
                title: title ?? LocalizedText([:]), url: source.webAddress("url", reporting: &diagnostics),
                asOf: source.date("as_of", reporting: &diagnostics), unit: readUnit(source, reporting: &diagnostics),
                notPublished: readNotPublished(source, reporting: &diagnostics))
        }
        return result
    }

    private func readUnit(_ source: YAMLMapping, reporting diagnostics: inout Diagnostics) -> BudgetUnit {
        guard let text = source.string("unit", reporting: &diagnostics) else { return .som }
        guard let unit = BudgetUnit(rawValue: text) else {
            diagnostics.error("unit '\(text)' must be som or thousand", at: source.location(of: "unit"))
            return .som
        }
        return unit
    }

    private func readNotPublished(_ source: YAMLMapping, reporting diagnostics: inout Diagnostics) -> Set<BudgetDetail> {
        var result = Set<BudgetDetail>()
        for (text, location) in source.strings("not_published", reporting: &diagnostics) {
            guard let detail = BudgetDetail(rawValue: text) else {
                diagnostics.error("not_published: '\(text)' must be \(BudgetDetail.allCases.map(\.rawValue).joined(separator: " or "))", at: location)
                continue
            }
            result.insert(detail)
        }
        return result
    }

    private func readHearings(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [Hearing] {
        map.mappings("hearings", reporting: &diagnostics).compactMap { hearing in
            hearing.reportUnknownKeys(known: ["date", "time", "stage", "place"], in: "a hearing", reporting: &diagnostics)
            let date = hearing.date("date", required: true, reporting: &diagnostics)
            var time = hearing.string("time", reporting: &diagnostics)
            if let text = time, !Hearing.isTime(text) {
                diagnostics.error("time '\(text)' must be written HH:MM, as in 14:00", at: hearing.location(of: "time"))
                time = nil
            }
            var stage: Hearing.Stage?
            if let text = hearing.string("stage", reporting: &diagnostics) {
                stage = Hearing.Stage(rawValue: text)
                if stage == nil {
                    diagnostics.error("stage '\(text)' must be draft or execution", at: hearing.location(of: "stage"))
                }
            }
            let place = hearing.localizedText("place", languages: settings.languages, reporting: &diagnostics) ?? LocalizedText([:])
            return date.map { Hearing(date: $0, time: time, stage: stage, place: place) }
        }
    }
}
