import AchykBudget
import AchykHTML
import AchykModel
import AchykQR
import AchykSite

/// The budget pages and open data: the budgets index, a page per municipality, a citizen budget per year, and
/// the JSON, CSV and data package under `/data/`.
extension SiteRenderer {
    /// The open data: a JSON and a CSV per municipality and year, and the data package describing them all.
    func dataJobs() -> [RenderJob] {
        guard !budgets.isEmpty else { return [] }
        var jobs: [RenderJob] = [RenderJob(name: "data package") { [self] in
            [OutputFile(path: SitePaths.dataPackage, text: BudgetData(settings: settings).dataPackage(budgets))]
        }]
        for municipality in budgets {
            jobs.append(RenderJob(name: "data \(municipality.id)") { [self] in
                let data = BudgetData(settings: settings)
                return municipality.years.flatMap { year in
                    [
                        OutputFile(path: SitePaths.budgetData(municipality.id, year.year, ext: "json"), text: data.json(year, of: municipality)),
                        OutputFile(path: SitePaths.budgetData(municipality.id, year.year, ext: "csv"), contents: .stream(data.csvStream(year))),
                    ]
                }
            })
        }
        return jobs
    }

    // MARK: - Shared pieces

    /// What a year's figures are: executed, revised or approved; a plan of a year that has ended says that its
    /// execution is not published, rather than that it will be known at the year's end.
    func basisText(_ year: BudgetYear, in language: Language) -> String {
        let column = year.headlineColumn
        let ended = settings.today.map { $0.year > year.year } ?? false
        let key = "basis_\(column.rawValue)" + (column != .executed && ended ? "_past" : "")
        return localizer(language).text(key, ["year": String(year.year)])
    }

    func municipalityName(_ municipality: Municipality, in language: Language) -> String {
        text(municipality.name, in: language) ?? municipality.id
    }

    /// "Ayil okmot · Batken Oblast · Leilek rayon".
    func municipalitySubtitle(_ municipality: Municipality, in language: Language) -> String {
        let l = localizer(language)
        var parts: [String] = []
        if let kind = municipality.kind { parts.append(l.text("kind.\(kind.rawValue)")) }
        if let oblast = municipality.oblast { parts.append(oblastName(oblast, in: language)) }
        if let rayon = text(municipality.rayon, in: language) { parts.append(rayon) }
        return parts.joined(separator: " · ")
    }

    func budgetBreadcrumbs(from path: String, in language: Language, municipality: Municipality? = nil) -> [LinkView] {
        var crumbs = breadcrumbs(through: path == paths.budgets(in: language) ? [] : [.budgets], from: path, in: language)
        if let municipality {
            let target = paths.municipality(municipality.id, in: language)
            crumbs.append(LinkView(label: municipalityName(municipality, in: language), href: SitePaths.relative(from: path, to: target), target: target))
        }
        return crumbs
    }

    /// Hearings with dates in the reader's language, whom to ask, and how hearings work.
    /// On a citizen-budget page (`leaflet`), it is also the back of the printed leaflet: with the page's address
    /// and a QR code of it, shown only on paper.
    func takePartSection(_ municipality: Municipality, from path: String, in language: Language, leaflet: Bool = false) -> BudgetSection {
        let l = localizer(language)
        let hearings = municipality.hearings
        let address = paths.absoluteURL(path)
        let qr = leaflet ? (try? QRCode.encode(address))?.svg(label: l.text("leaflet_qr")) : nil
        let addressLabel = l.text("leaflet_address")
        let contact = municipality.contact
        let ask = l.text("ask")
        let participate = siteMap.pagesBySlug["participate"].map { (l.text("how_hearings_work"), SitePaths.relative(from: path, to: paths.page($0.key, in: language))) }
        let intro = l.text(hearings.isEmpty ? "no_hearings" : "hearings_text")
        return BudgetSection(id: "take-part", heading: l.text("take_part"), paragraphs: [intro]) { w in
            if !hearings.isEmpty {
                w.list(Array(zip(hearings, Hearing.names(hearings))), className: "hearings") { w, entry in
                    let (hearing, name) = entry
                    writeWhen(hearing, in: language, to: &w)
                    if let stage = hearing.stage { w.text(" — " + l.text("hearing_\(stage.rawValue)")) }
                    if let place = text(hearing.place, in: language) { w.text(": " + place) }
                    if isUpcoming(hearing) {
                        w.put(" ")
                        writeCalendarLink(municipality.id, hearing: name, from: path, in: language, to: &w)
                    }
                }
            }
            if let contact {
                w.put("<p>")
                w.text(ask)
                w.put(" ")
                var first = true
                func separate(_ w: inout HTMLWriter) {
                    if !first { w.put(", ") }
                    first = false
                }
                if let email = contact.email {
                    separate(&w)
                    w.link(email, href: "mailto:\(email)")
                }
                if let phone = contact.phone {
                    separate(&w)
                    let digits = phone.filter { $0.isNumber || $0 == "+" }
                    if digits.count >= 5 { w.link(phone, href: "tel:\(digits)") } else { w.text(phone) }
                }
                w.put("</p>\n")
            }
            if let (label, href) = participate {
                w.put("<p>")
                w.link(label, href: href)
                w.put("</p>\n")
            }
            if let qr {
                w.put("<div class=\"leaflet-address\">\n")
                w.raw(qr)
                w.put("\n<p>")
                w.text(addressLabel)
                w.put("<br>")
                w.element("strong", text: address)
                w.put("</p>\n</div>\n")
            }
        }
    }

}

extension SiteRenderer {
    /// "Add to calendar": the hearing as an iCalendar file, which a phone opens in its calendar.
    func writeCalendarLink(_ id: String, hearing name: String, from path: String, in language: Language, to w: inout HTMLWriter) {
        w.open("a", ["class": "calendar", "href": SitePaths.relative(from: path, to: paths.hearingCalendar(id, hearing: name, in: language)), "type": "text/calendar"])
        w.text(localizer(language).text("add_to_calendar"))
        w.put("</a>")
    }

    /// Whether a hearing is on or after the day of the build: only those are offered for the calendar.
    func isUpcoming(_ hearing: Hearing) -> Bool {
        settings.today.map { hearing.date >= $0 } ?? true
    }

    /// A hearing's day and, when announced, its hour, as a `<time>`: "20 June 2026, 14:00".
    func writeWhen(_ hearing: Hearing, in language: Language, to w: inout HTMLWriter) {
        let l = localizer(language)
        w.element("time", ["datetime": hearing.date.description], text: l.date(hearing.date) + (hearing.time.map { ", " + $0 } ?? ""))
    }
}

/// Which budget jobs: the pages that show converted Markdown (years with commentary) can be made only after the
/// Markdown stage; the others (most of a national site) meanwhile.
public enum BudgetJobs: Sendable {
    case all, needingMarkdown, notNeedingMarkdown
}

extension Amount {
    /// For drawing only: lengths on a chart, never sums.
    var double: Double { (Int64(exactly: tyiyn).map(Double.init) ?? Double(tyiyn)) / 100 }
}
