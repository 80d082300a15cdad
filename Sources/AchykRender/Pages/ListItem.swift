import AchykBudget
import AchykHTML
import AchykModel
import AchykSite

/// A page as an item of a list: the handbook's lists, the news, the home page's blocks.
struct ListItem: Sendable {
    /// The heading level of the item's title, so that headings never skip a level on the page that lists it.
    var level = 2
    let title: String
    /// The output path of the page it leads to; the link is made relative to each list that shows the item.
    let target: String
    /// The language the item's texts are written in.
    let lang: String
    var tagline: String? = nil
    var summary: String? = nil
    var date: (text: String, iso: String)? = nil
    var meta: [String] = []
    /// "Not yet translated", in the reader's language, when the item shows a fallback.
    var notTranslated: String? = nil

    /// The item as a list on the page at `path` shows it.
    func write(to w: inout HTMLWriter, from path: String) {
        rendered().write(to: &w, from: path)
    }

    /// The item's HTML around its link, which differs from list to list only in how many folders it goes up.
    struct Rendered: Sendable {
        let head: HTMLWriter
        let target: String
        let tail: HTMLWriter

        func write(to w: inout HTMLWriter, from path: String) {
            w.append(head)
            w.text(SitePaths.relative(from: path, to: target))
            w.append(tail)
        }
    }

    func rendered() -> Rendered {
        var head = HTMLWriter()
        head.put("<li class=\"item\">\n")
        head.put(level == 3 ? "<h3" : "<h2")
        head.put(" class=\"item-title\"><a href=\"")
        var w = HTMLWriter()
        w.put("\" lang=\"")
        w.text(lang)
        w.put("\">")
        w.text(title)
        w.put(level == 3 ? "</a></h3>\n" : "</a></h2>\n")
        if let date {
            w.put("<p class=\"date\">")
            w.element("time", ["datetime": date.iso], text: date.text)
            w.put("</p>\n")
        }
        if let tagline {
            w.element("p", ["class": "tagline", "lang": lang], text: tagline)
            w.put("\n")
        }
        if let summary {
            w.element("p", ["lang": lang], text: summary)
            w.put("\n")
        }
        if let notTranslated {
            w.put("<p class=\"meta\"><span class=\"untranslated\">")
            w.text(notTranslated)
            w.put("</span></p>\n")
        }
        if !meta.isEmpty {
            w.put("<p class=\"meta\">")
            for value in meta { w.element("span", text: value) }
            w.put("</p>\n")
        }
        w.put("</li>\n")
        return Rendered(head: head, target: target, tail: w)
    }
}

extension SiteRenderer {
    /// A page as an item of a list in `language`.
    func listItem(_ group: PageGroup, in language: Language, level: Int = 2) -> ListItem? {
        guard let page = group.version(for: language, siteOrder: languages) else { return nil }
        let l = localizer(language)
        let front = page.frontMatter
        var meta: [String] = []
        if group.key.kind == .caseStudy {
            meta += front.oblast.map { [oblastName($0, in: language)] } ?? []
            meta += front.topics.map { topicLabel($0, in: language) }
        }
        return ListItem(
            level: level, title: front.title,
            target: paths.page(group.key, in: language),
            lang: page.language.rawValue, tagline: front.tagline, summary: front.summary,
            date: front.date.map { (l.date($0), $0.description) }, meta: meta,
            notTranslated: page.language != language ? l.text("not_translated") : nil)
    }

    /// A municipality in a list: its name, where it is, and its latest year's spending per resident.
    func municipalityItem(_ municipality: MunicipalityFigures, in language: Language) -> ListItem {
        let l = localizer(language)
        let info = municipality.municipality
        var summary: String?
        if let latest = municipality.latest, let perResident = latest.headline?.expenditurePerResident {
            summary = "\(l.text("per_resident")), \(latest.year): \(l.som(perResident))"
        }
        return ListItem(
            level: 3, title: municipalityName(info, in: language),
            target: paths.municipality(info.id, in: language),
            lang: language.rawValue, summary: summary,
            meta: [municipalitySubtitle(info, in: language)] + (info.isSample ? [l.text("sample_badge")] : []))
    }
}

/// Each case study as a list item, made once per language and shared by the handbook's lists, which show the same
/// case in the index, its oblast's list and its topics' lists.
final class CaseItems: Sendable {
    private let items = Locked<[Language: [PageKey: ListItem.Rendered]]>([:])

    func items(in language: Language, make: () -> [PageKey: ListItem.Rendered]) -> [PageKey: ListItem.Rendered] {
        if let made = items.withLock({ $0[language] }) { return made }
        // Two jobs may make them at once; both make the same items.
        let made = make()
        items.withLock { $0[language] = made }
        return made
    }
}
