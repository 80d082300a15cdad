import AchykBudget
import AchykHTML
import AchykModel
import AchykSite

/// What search engines and data portals read from a page: schema.org types as JSON-LD in the page's head.
extension SiteRenderer {
    /// The frame's descriptions and its breadcrumbs, as one JSON-LD block.
    func writeStructuredData(_ frame: PageFrame, at path: String, in language: Language, to w: inout HTMLWriter) {
        var graph = frame.structuredData
        if !frame.breadcrumbs.isEmpty {
            let trail = frame.breadcrumbs.map { ($0.label, paths.absoluteURL($0.target ?? SitePaths.resolve($0.href, from: path))) } + [(frame.title, paths.absoluteURL(path))]
            graph.append(.object([
                ("@type", .string("BreadcrumbList")),
                ("itemListElement", .array(trail.enumerated().map { index, crumb in
                    .object([("@type", .string("ListItem")), ("position", .integer(index + 1)), ("name", .string(crumb.0)), ("item", .string(crumb.1))])
                })),
            ]))
        }
        guard !graph.isEmpty else { return }
        w.put("<script type=\"application/ld+json\">")
        // Escaped so that no text can end the element: `<` is written as \u003c inside strings.
        JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(graph))]).writeScriptSafe(to: &w)
        w.put("</script>\n")
    }

    /// The site's publisher, when site.yaml names one.
    func publisherData(in language: Language) -> JSONValue? {
        text(settings.organisation, in: language).map {
            .object([("@type", .string("Organization")), ("name", .string($0)), ("url", .string(paths.absoluteURL(paths.home(language))))])
        }
    }

    /// The home page says what the site is (`WebSite`), which search engines show as its name.
    func webSiteData(in language: Language) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@type", .string("WebSite")), ("name", .string(text(settings.title, in: language) ?? "")),
            ("url", .string(paths.absoluteURL(paths.home(language)))), ("inLanguage", .string(language.rawValue)),
        ]
        if let description = text(settings.description, in: language) { members.append(("description", .string(description))) }
        if let publisher = publisherData(in: language) { members.append(("publisher", publisher)) }
        return .object(members)
    }

    /// A case study is an `Article`, a news item a `NewsArticle`; a plain page says nothing more than its breadcrumbs.
    func articleData(_ page: SourcePage, key: PageKey, path: String, in language: Language) -> [JSONValue] {
        let type: String
        switch key.kind {
        case .caseStudy: type = "Article"
        case .news: type = "NewsArticle"
        case .page, .budgetCommentary: return []
        }
        let front = page.frontMatter
        var members: [(String, JSONValue)] = [
            ("@type", .string(type)), ("headline", .string(front.title)), ("url", .string(paths.absoluteURL(path))),
            ("inLanguage", .string(page.language.rawValue)),
        ]
        if let summary = front.summary ?? front.tagline { members.append(("description", .string(summary))) }
        if let date = front.date { members.append(("datePublished", .string(date.description))) }
        if let publisher = publisherData(in: language) {
            members.append(("publisher", publisher))
            members.append(("author", publisher))
        }
        if let oblast = front.oblast {
            members.append(("contentLocation", placeData(oblastName(oblast, in: language))))
        }
        if let year = front.asOf { members.append(("temporalCoverage", .string(String(year)))) }
        return [.object(members)]
    }

    /// A place in Kyrgyzstan by its name, and its oblast when known.
    func placeData(_ name: String, region: String? = nil) -> JSONValue {
        var address: [(String, JSONValue)] = [("@type", .string("PostalAddress")), ("addressCountry", .string("KG"))]
        if let region { address.append(("addressRegion", .string(region))) }
        return .object([("@type", .string("Place")), ("name", .string(name)), ("address", .object(address))])
    }

    /// A municipality is a `GovernmentOrganization`.
    func municipalityData(_ info: Municipality, path: String, in language: Language) -> JSONValue {
        var address: [(String, JSONValue)] = [("@type", .string("PostalAddress")), ("addressCountry", .string("KG"))]
        if let oblast = info.oblast { address.append(("addressRegion", .string(oblastName(oblast, in: language)))) }
        let name = municipalityName(info, in: language)
        var members: [(String, JSONValue)] = [
            ("@type", .string("GovernmentOrganization")), ("name", .string(name)),
            ("url", .string(paths.absoluteURL(path))), ("address", .object(address)),
            // The territory it governs: the municipality, in its rayon (a district, not a locality of an address).
            ("areaServed", placeData(([name] + [text(info.rayon, in: language)].compactMap { $0 }).joined(separator: ", "), region: info.oblast.map { oblastName($0, in: language) })),
        ]
        if let email = info.contact?.email { members.append(("email", .string(email))) }
        if let phone = info.contact?.phone { members.append(("telephone", .string(phone))) }
        return .object(members)
    }

    /// A year's citizen budget is a `Dataset`, with its JSON and CSV as downloads.
    func budgetYearData(_ info: Municipality, year: Int, title: String, description: String, path: String, in language: Language) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@type", .string("Dataset")), ("name", .string(title)), ("description", .string(description)),
            ("url", .string(paths.absoluteURL(path))), ("inLanguage", .string(language.rawValue)),
            ("temporalCoverage", .string(String(year))),
            // The same in every language, so that a portal sees one dataset with three pages: its JSON file's address.
            ("identifier", .string(paths.absoluteURL(SitePaths.budgetData(info.id, year, ext: "json")))),
            ("spatialCoverage", placeData(municipalityName(info, in: language), region: info.oblast.map { oblastName($0, in: language) })),
            ("isAccessibleForFree", .bool(true)),
        ]
        if let licence = settings.dataLicence {
            members.append(("license", .string(BudgetData.licencePaths[licence] ?? licence)))
        }
        members.append(("creator", publisherData(in: language) ?? .object([("@type", .string("Organization")), ("name", .string(text(settings.title, in: language) ?? ""))])))
        members.append(("distribution", .array([("json", "application/json"), ("csv", "text/csv")].map { ext, type in
            .object([
                ("@type", .string("DataDownload")), ("encodingFormat", .string(type)),
                ("contentUrl", .string(paths.absoluteURL(SitePaths.budgetData(info.id, year, ext: ext)))),
            ])
        })))
        return .object(members)
    }
}

extension JSONValue {
    /// On one line, strings escaped by `HTMLWriter.jsonString`, so that it can stand inside `<script>`.
    func writeScriptSafe(to w: inout HTMLWriter) {
        switch self {
        case .null: w.put("null")
        case .bool(let value): w.put(value ? "true" : "false")
        case .number(let text): w.raw(text)
        case .string(let text): w.jsonString(text)
        case .array(let items):
            w.put("[")
            for (index, item) in items.enumerated() {
                if index > 0 { w.put(",") }
                item.writeScriptSafe(to: &w)
            }
            w.put("]")
        case .object(let members):
            w.put("{")
            for (index, member) in members.enumerated() {
                if index > 0 { w.put(",") }
                w.jsonString(member.0)
                w.put(":")
                member.1.writeScriptSafe(to: &w)
            }
            w.put("}")
        }
    }
}
