import AchykHTML
import AchykModel
import AchykSite

/// What the layout needs to know about the page it frames.
struct PageFrame {
    /// The same page in each language, by output path.
    let versions: [Language: String]
    let title: String
    let description: String
    /// Which menu entry the page belongs to (a page slug, `handbook`, `news`), if any.
    let menuEntry: String?
    var isArticle = false
    /// The way back to the home page, shown above the page and given to search engines.
    var breadcrumbs: [LinkView] = []
    /// schema.org descriptions of what the page is (JSON-LD), besides its breadcrumbs.
    var structuredData: [JSONValue] = []
    /// A page for finding others (a letter of the search page's A–Z), which search engines should follow, not list;
    /// the sitemap leaves it out.
    var noindex = false
}

/// The words of the layout in one language, the same on every page: made once per language.
struct LayoutTexts: Sendable {
    let siteTitle, siteDescription: String
    /// Escaped once: they stand on every page of the language.
    let escapedSiteTitle, feedTitle, skip, languages, mainMenu, menu, feed, allLanguages, search: EscapedText
    let publishedBy: EscapedText?

    init(_ site: SiteRenderer, _ language: Language) {
        let l = site.localizer(language)
        siteTitle = site.text(site.settings.title, in: language) ?? ""
        siteDescription = site.text(site.settings.description, in: language) ?? ""
        escapedSiteTitle = EscapedText(siteTitle)
        feedTitle = EscapedText(l.text("feed_title", ["site": siteTitle]))
        skip = EscapedText(l.text("skip_to_content"))
        languages = EscapedText(l.text("languages"))
        mainMenu = EscapedText(l.text("main_menu"))
        menu = EscapedText(l.text("menu"))
        feed = EscapedText(l.text("feed"))
        allLanguages = EscapedText(l.text("all_languages"))
        search = EscapedText(l.text("search"))
        publishedBy = site.text(site.settings.organisation, in: language).map { EscapedText("\(l.text("published_by")) \($0)") }
    }
}

/// A link with its label, and the language of the page it leads to when that differs from the reader's.
struct LinkView: Hashable, Sendable {
    let label: String
    let href: String
    var isCurrent = false
    var lang: String? = nil
    /// The output path it leads to, when known (breadcrumbs give it to the JSON-LD without resolving `href`).
    var target: String? = nil
}

extension SiteRenderer {
    /// A whole page of the site in `language`: head, header with the languages and the menu, `main`, footer.
    func page(_ frame: PageFrame, in language: Language, main: (inout HTMLWriter) -> Void) -> HTMLWriter {
        let texts = layoutTexts[language] ?? LayoutTexts(self, language)
        let current = frame.versions[language] ?? paths.home(language)
        let siteTitle = texts.siteTitle
        let description = frame.description.isEmpty ? texts.siteDescription : frame.description
        let canonical = paths.absoluteURL(current)
        let feedHref = SitePaths.relative(from: current, to: paths.feed(language))
        var w = HTMLWriter(capacity: 16_384)
        w.put("<!DOCTYPE html>\n")
        w.open("html", ["lang": language.rawValue])
        w.put("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        w.element("title", text: frame.title == siteTitle ? siteTitle : "\(frame.title) — \(siteTitle)")
        w.put("\n")
        w.open("meta", ["name": "description", "content": description])
        w.put("\n")
        w.open("link", ["rel": "canonical", "href": canonical])
        w.put("\n")
        if frame.noindex { w.put("<meta name=\"robots\" content=\"noindex, follow\">\n") }
        for other in languages {
            guard let path = frame.versions[other] else { continue }
            w.open("link", ["rel": "alternate", "hreflang": other.rawValue, "href": paths.absoluteURL(path)])
            w.put("\n")
        }
        let defaultLanguage = settings.defaultLanguage
        w.open("link", ["rel": "alternate", "hreflang": "x-default", "href": paths.absoluteURL(frame.versions[defaultLanguage] ?? paths.home(defaultLanguage))])
        w.put("\n")
        w.put("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        w.text(texts.feedTitle)
        w.put("\" href=\"")
        w.text(feedHref)
        w.put("\">")
        w.put(frame.isArticle ? "\n<meta property=\"og:type\" content=\"article\">\n" : "\n<meta property=\"og:type\" content=\"website\">\n")
        w.open("meta", ["property": "og:title", "content": frame.title])
        w.put("\n")
        w.open("meta", ["property": "og:description", "content": description])
        w.put("\n")
        w.open("meta", ["property": "og:url", "content": canonical])
        w.put("\n")
        w.put("<meta property=\"og:site_name\" content=\"")
        w.text(texts.escapedSiteTitle)
        w.put("\">")
        w.put("\n")
        w.open("meta", ["property": "og:locale", "content": language.openGraphLocale])
        w.put("\n")
        for other in languages where other != language {
            w.open("meta", ["property": "og:locale:alternate", "content": other.openGraphLocale])
            w.put("\n")
        }
        w.put("<meta name=\"twitter:card\" content=\"summary\">\n")
        w.open("meta", ["name": "twitter:title", "content": frame.title])
        w.put("\n")
        w.open("meta", ["name": "twitter:description", "content": description])
        w.put("\n")
        writeStructuredData(frame, at: current, in: language, to: &w)
        writeHeadEnd(to: &w, href: { SitePaths.relative(from: current, to: $0) })
        w.put("</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
        w.text(texts.skip)
        w.put("</a>\n<header class=\"site-header\">\n<div class=\"wrap bar\">\n")
        w.put("<a class=\"brand\" href=\"")
        w.text(SitePaths.relative(from: current, to: paths.home(language)))
        w.put("\">")
        w.text(texts.escapedSiteTitle)
        w.put("</a>\n<a class=\"search-link\" href=\"")
        w.text(SitePaths.relative(from: current, to: paths.search(in: language)))
        w.put(current == paths.search(in: language) ? "\" aria-current=\"page\">" : "\">")
        w.text(texts.search)
        w.put("</a>\n")
        w.put("<nav class=\"languages\" aria-label=\"")
        w.text(texts.languages)
        w.put("\">")
        w.put("\n<ul>\n")
        for other in languages {
            let href = SitePaths.relative(from: current, to: frame.versions[other] ?? paths.home(other))
            w.put("<li>")
            w.open("a", ["href": href, "hreflang": other.rawValue, "lang": other.rawValue, "aria-current": other == language ? "true" : nil])
            w.text(other.nativeName)
            w.put("</a></li>\n")
        }
        w.put("</ul>\n</nav>\n")
        let items = menu(in: language, from: current, currentEntry: frame.menuEntry)
        // On a phone the menu folds under one button, without JavaScript; the wide screen's menu is the same list
        // outside the fold. Only one of the two is displayed, so readers and screen readers meet one menu.
        w.put("<details class=\"menu-fold\"><summary>")
        w.text(texts.menu)
        w.put("</summary>\n")
        writeMenu(items, label: texts.mainMenu, className: "menu", to: &w)
        w.put("</details>\n</div>\n")
        writeMenu(items, label: texts.mainMenu, className: "menu menu-wide", to: &w)
        w.raw(theme.snippets.header)
        w.put("</header>\n<main id=\"main\" class=\"wrap\">\n")
        writeBreadcrumbs(frame.breadcrumbs, in: language, to: &w)
        main(&w)
        w.put("</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
        if let publishedBy = texts.publishedBy {
            w.put("<p>")
            w.text(publishedBy)
            w.put("</p>\n")
        }
        w.put("<p>")
        w.put("<a href=\"")
        w.text(feedHref)
        w.put("\">")
        w.text(texts.feed)
        w.put("</a> · <a href=\"")
        w.text(SitePaths.relative(from: current, to: SitePaths.chooser))
        w.put("\">")
        w.text(texts.allLanguages)
        w.put("</a>")
        w.put("</p>\n")
        w.raw(theme.snippets.footer)
        w.put("</div>\n</footer>\n</body>\n</html>\n")
        return w
    }

    /// The stylesheets (the default one, then the theme's additions) and the theme's head snippet, which end the
    /// `<head>` of every page; `href` makes an asset's address as seen from the page.
    func writeHeadEnd(to w: inout HTMLWriter, href: (String) -> String) {
        for stylesheet in stylesheets {
            w.open("link", ["rel": "stylesheet", "href": href(stylesheet)])
            w.put("\n")
        }
        w.raw(theme.snippets.head)
    }

    /// The default stylesheet, then the theme's additions when it has some.
    var stylesheets: [String] { [SitePaths.stylesheet] + (theme.hasCustomStylesheet ? [Theme.customStylesheet] : []) }

    private func writeMenu(_ items: [LinkView], label: EscapedText, className: StaticString, to w: inout HTMLWriter) {
        w.put("<nav class=\"")
        w.put(className)
        w.put("\" aria-label=\"")
        w.text(label)
        w.put("\">")
        w.put("\n<div class=\"wrap\">\n<ul>\n")
        for item in items {
            w.put("<li>")
            w.open("a", ["href": item.href, "lang": item.lang, "aria-current": item.isCurrent ? "page" : nil])
            w.text(item.label)
            w.put("</a></li>\n")
        }
        w.put("</ul>\n</div>\n</nav>\n")
    }

    /// The main menu as a page at `current` links it.
    func menu(in language: Language, from current: String, currentEntry: String?) -> [LinkView] {
        (menus[language] ?? []).map { entry in
            LinkView(label: entry.label, href: SitePaths.relative(from: current, to: entry.target), isCurrent: entry.name == currentEntry, lang: entry.lang)
        }
    }

    /// The way back from `path`: the home page, then the index of each of `sections`.
    func breadcrumbs(through sections: [SiteSection], from path: String, in language: Language) -> [LinkView] {
        let l = localizer(language)
        return [LinkView(label: l.text("home"), href: SitePaths.relative(from: path, to: paths.home(language)), target: paths.home(language))]
            + sections.compactMap { section in
                siteMap.index(of: section, in: language).map { LinkView(label: l.text(section.rawValue), href: SitePaths.relative(from: path, to: $0), target: $0) }
            }
    }

    func writeBreadcrumbs(_ crumbs: [LinkView], in language: Language, to w: inout HTMLWriter) {
        guard !crumbs.isEmpty else { return }
        w.open("nav", ["class": "crumbs", "aria-label": localizer(language).text("breadcrumbs")])
        w.put("\n<ol>\n")
        for crumb in crumbs {
            w.put("<li>")
            w.link(crumb.label, href: crumb.href)
            w.put("</li>\n")
        }
        w.put("</ol>\n</nav>\n")
    }

    /// Links to the pages that belong to a section (its foreword, for example), under the section's heading.
    func writeSectionPages(_ links: [LinkView], label: String, to w: inout HTMLWriter) {
        guard !links.isEmpty else { return }
        w.open("nav", ["class": "section-pages", "aria-label": label])
        w.put("\n<ul>\n")
        for link in links {
            w.put("<li>")
            w.open("a", ["href": link.href, "lang": link.lang, "hreflang": link.lang])
            w.text(link.label)
            w.put("</a></li>\n")
        }
        w.put("</ul>\n</nav>\n")
    }
}
