import AchykModel
import AchykSearch
import AchykSite

/// The search: each language's index, written at build time as scripts that a page loads with `<script>` tags
/// (so that it works from a folder on disk, where a browser blocks fetch), and the search page.
extension SiteRenderer {
    /// The pages a reader can find, in the site map's order; `withText` adds their bodies for the index.
    func searchDocuments(in language: Language, withText: Bool) throws -> [SearchDocument] {
        var documents: [SearchDocument] = []
        let l = localizer(language)
        for page in siteMap.pages {
            guard let path = page.paths[language] else { continue }
            switch page.content {
            case .text(let key):
                guard let group = groupsByKey[key], let version = group.version(for: language, siteOrder: languages) else { continue }
                let front = version.frontMatter
                let kind: SearchKind = switch key.kind {
                case .caseStudy: .caseStudy
                case .news: .news
                case .page, .budgetCommentary: .page
                }
                var place = front.oblast.map { oblastName($0, in: language) } ?? ""
                if let municipality = front.municipality.flatMap({ budgetsByID[$0] }) {
                    place = [municipalityName(municipality.municipality, in: language), place].filter { !$0.isEmpty }.joined(separator: ", ")
                }
                let keywords = ([front.rayon ?? ""] + front.settlements + front.topics.map { topicLabel($0, in: language) } + [front.tagline ?? ""]).joined(separator: " ")
                documents.append(SearchDocument(
                    path: path, title: front.title, kind: kind, place: place, keywords: keywords,
                    summary: front.summary ?? "", bodyHTML: withText ? try body(of: version) : ""))
            case .partnership(let id):
                guard let record = recordsByID[id] else { continue }
                let place = record.oblasts.map { oblastName($0, in: language) }.joined(separator: ", ")
                let partners = (partnerNames(record.cso, in: language) + partnerNames(record.lsg, in: language) + partnerNames(record.state, in: language))
                let keywords = ([text(record.rayon, in: language) ?? ""] + record.settlements.compactMap { $0[language] ?? $0[.en] }
                    + partners + record.topics.map { topicLabel($0, in: language) } + [String(record.startYear)]).joined(separator: " ")
                var body = ""
                if withText, let (_, written) = record.results.resolved(in: language, order: languages) {
                    body = try self.body(ofRecordText: SitePaths.recordText(record.path, "results", written))
                }
                documents.append(SearchDocument(
                    path: path, title: text(record.title, in: language) ?? id, kind: .partnership, place: place, keywords: keywords, bodyHTML: body))
            case .municipality(let id):
                guard let municipality = budgetsByID[id] else { continue }
                let info = municipality.municipality
                let oblast = info.oblast.map { oblastName($0, in: language) } ?? ""
                documents.append(SearchDocument(
                    path: path, title: municipalityName(info, in: language), kind: .municipality, place: oblast,
                    keywords: [text(info.rayon, in: language) ?? "", l.text("budgets")].joined(separator: " "),
                    summary: municipalitySubtitle(info, in: language)))
            case .budgetYear(let id, let year):
                guard let municipality = budgetsByID[id] else { continue }
                let info = municipality.municipality
                let name = municipalityName(info, in: language)
                let oblast = info.oblast.map { oblastName($0, in: language) } ?? ""
                var body = ""
                if withText, let commentary = commentaries["\(id)/\(year)"], let version = commentary.version(for: language, siteOrder: languages) {
                    body = try self.body(of: version)
                }
                documents.append(SearchDocument(
                    path: path, title: l.text("budget_of", ["name": name, "year": String(year)]), kind: .budget,
                    place: [name, oblast].filter { !$0.isEmpty }.joined(separator: ", "),
                    keywords: [text(info.rayon, in: language) ?? "", String(year), l.text("budgets")].joined(separator: " "),
                    summary: municipality.year(year).map { basisText($0, in: language) } ?? "", bodyHTML: body))
            case .home, .newsList, .handbookIndex, .handbookOblast, .handbookTopic, .partnershipIndex, .budgetsIndex, .search:
                continue
            }
        }
        return documents
    }

    /// A language's index files, in `<lang>/search/` beside its page.
    func renderSearchIndex(in language: Language) throws -> [OutputFile] {
        var builder = SearchIndexBuilder(language: language.rawValue)
        for document in try searchDocuments(in: language, withText: true) { builder.add(document) }
        let folder = paths.searchFolder(language)
        return builder.files().map { OutputFile(path: folder + $0.name, text: $0.contents) }
    }
}
