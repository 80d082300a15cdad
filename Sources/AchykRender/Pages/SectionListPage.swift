import AchykHTML
import AchykModel
import AchykSite

/// The handbook's index and its lists by oblast and by topic: the cases, with filters to the other lists.
extension SiteRenderer {
    func renderHandbookList(_ content: PageContent, in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.path(of: content, in: language)
        let title: String
        var intro: String?
        let cases: [PageGroup]
        switch content {
        case .handbookOblast(let oblast):
            title = oblastName(oblast, in: language)
            cases = caseStudies.filter { $0.versions.values.contains { $0.frontMatter.oblast == oblast } }
        case .handbookTopic(let topic):
            title = topicLabel(topic, in: language)
            cases = caseStudies.filter { $0.versions.values.contains { $0.frontMatter.topics.contains(topic) } }
        default:
            title = l.text("handbook")
            intro = l.text("handbook_intro")
            cases = caseStudies
        }
        let isIndex = content == .handbookIndex
        let filters = [
            Fact(label: l.text("by_oblast"), values: siteMap.handbookOblasts.map { oblast in
                let target = paths.oblast(oblast, in: language)
                return Fact.Value(label: oblastName(oblast, in: language), href: SitePaths.relative(from: path, to: target), isCurrent: target == path)
            }),
            Fact(label: l.text("by_topic"), values: siteMap.handbookTopics.map { topic in
                let target = paths.topic(topic, in: language)
                return Fact.Value(label: topicLabel(topic, in: language), href: SitePaths.relative(from: path, to: target), isCurrent: target == path)
            }),
        ].filter { !$0.values.isEmpty }
        let frame = PageFrame(versions: perLanguage { paths.path(of: content, in: $0) }, title: title, description: intro ?? "", menuEntry: SiteSection.handbook.rawValue,
            breadcrumbs: breadcrumbs(through: isIndex ? [] : [.handbook], from: path, in: language))
        let html = page(frame, in: language) { w in
            w.element("h1", text: title)
            w.put("\n")
            if let intro {
                w.element("p", ["class": "lead"], text: intro)
                w.put("\n")
            }
            if isIndex { writeSectionPages(sectionPageLinks(.handbook, from: path, in: language), label: l.text("about_section"), to: &w) }
            w.element("p", ["class": "count"], text: l.counted("cases", cases.count))
            w.put("\n")
            if !filters.isEmpty {
                w.open("nav", ["class": "filters", "aria-label": l.text("filters")])
                w.put("\n")
                for filter in filters {
                    w.put("<div>\n")
                    w.element("h2", text: filter.label)
                    w.put("\n<ul>\n")
                    for value in filter.values {
                        w.put("<li>")
                        w.open("a", ["href": value.href, "aria-current": value.isCurrent ? "page" : nil])
                        w.text(value.label)
                        w.put("</a></li>\n")
                    }
                    w.put("</ul>\n</div>\n")
                }
                w.put("</nav>\n")
            }
            w.put("<ol class=\"items\">\n")
            let items = caseItems.items(in: language) {
                Dictionary(caseStudies.compactMap { group in listItem(group, in: language).map { (group.key, $0.rendered()) } }) { first, _ in first }
            }
            for group in cases { items[group.key]?.write(to: &w, from: path) }
            w.put("</ol>\n")
        }
        return OutputFile(path: path, html: html)
    }

    /// The news, newest first, with a link to the feed.
    func renderNewsList(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.section(.news, in: language)
        let frame = PageFrame(versions: perLanguage { paths.section(.news, in: $0) }, title: l.text("news"), description: "", menuEntry: SiteSection.news.rawValue,
            breadcrumbs: breadcrumbs(through: [], from: path, in: language))
        let html = page(frame, in: language) { w in
            w.element("h1", text: l.text("news"))
            w.put("\n")
            writeSectionPages(sectionPageLinks(.news, from: path, in: language), label: l.text("about_section"), to: &w)
            w.put("<p class=\"count\">")
            w.text(l.counted("news_items", newsItems.count))
            w.put(" · ")
            w.link(l.text("feed"), href: SitePaths.relative(from: path, to: paths.feed(language)))
            w.put("</p>\n<ul class=\"items\">\n")
            for group in newsItems { listItem(group, in: language)?.write(to: &w, from: path) }
            w.put("</ul>\n")
        }
        return OutputFile(path: path, html: html)
    }

    /// The pages that say they belong to a section, as links from that section's index.
    func sectionPageLinks(_ section: SiteSection, from path: String, in language: Language) -> [LinkView] {
        (siteMap.sectionPages[section] ?? []).compactMap { group in
            guard let page = group.version(for: language, siteOrder: languages) else { return nil }
            return LinkView(
                label: page.frontMatter.title, href: SitePaths.relative(from: path, to: paths.page(group.key, in: language)),
                lang: page.language == language ? nil : page.language.rawValue)
        }
    }
}
