import AchykModel

extension SiteRenderer {
    /// `/index.html`: each language by its own name, the default first, and no automatic redirect.
    func renderChooser() -> OutputFile {
        let defaultLanguage = settings.defaultLanguage
        let view = ChooserView(
            lang: defaultLanguage.rawValue,
            title: languages.compactMap { text(settings.title, in: $0) }.uniqued().joined(separator: " · "),
            heading: languages.map { LinkView(label: localizer($0).text("all_languages"), href: "", lang: $0.rawValue) },
            stylesheetHref: SitePaths.relative(from: SitePaths.chooser, to: SitePaths.stylesheet),
            languages: languages.map { language in
                ChooserLanguageView(
                    lang: language.rawValue, name: language.nativeName,
                    siteTitle: settings.title[language] ?? text(settings.title, in: language) ?? "",
                    description: settings.description[language],
                    href: SitePaths.relative(from: SitePaths.chooser, to: paths.home(language)))
            },
            alternates: languages.map { AlternateView(hreflang: $0.rawValue, href: paths.absoluteURL(paths.home($0))) }
                + [AlternateView(hreflang: "x-default", href: paths.absoluteURL(SitePaths.chooser))],
            canonical: paths.absoluteURL(SitePaths.chooser))
        return OutputFile(path: SitePaths.chooser, text: theme.render(view, with: "chooser"))
    }

    /// `/404.html`, served by hosts at any depth, so its links start from the root of `base_url`.
    func renderNotFound() -> OutputFile {
        let view = NotFoundView(
            lang: settings.defaultLanguage.rawValue,
            title: localizer(settings.defaultLanguage).text("not_found_title"),
            stylesheetHref: paths.rootRelativeURL(SitePaths.stylesheet),
            messages: languages.map { language in
                let l = localizer(language)
                return NotFoundMessageView(
                    lang: language.rawValue, heading: l.text("not_found_title"), text: l.text("not_found_text"),
                    homeHref: paths.rootRelativeURL(paths.home(language)), homeLabel: l.text("go_home"))
            })
        return OutputFile(path: SitePaths.notFound, text: theme.render(view, with: "404"))
    }

    /// `/sitemap.xml`: every language page written, each with its alternates.
    func renderSitemap() -> OutputFile {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        let defaultLanguage = settings.defaultLanguage
        let entries = pages.localizedPages.flatMap { versions in languages.compactMap { language in versions[language].map { ($0, versions) } } }
        for (path, versions) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url>\n    <loc>\(XML.escape(paths.absoluteURL(path)))</loc>\n"
            for language in languages {
                guard let other = versions[language] else { continue }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language.rawValue)\" href=\"\(XML.escape(paths.absoluteURL(other)))\"/>\n"
            }
            if let fallback = versions[defaultLanguage] {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(paths.absoluteURL(fallback)))\"/>\n"
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: SitePaths.sitemap, text: xml)
    }

    /// `/<lang>/feed.xml`: an Atom feed of the news as readers of `language` see them.
    func renderFeed(in language: Language) -> OutputFile {
        let l = localizer(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        let feedURL = paths.absoluteURL(paths.feed(language))
        let updated = newsItems.compactMap { $0.version(for: language, siteOrder: languages)?.frontMatter.date }.max()
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
              <title>\(XML.escape(l.text("feed_title", ["site": siteTitle])))</title>
              <id>\(XML.escape(feedURL))</id>
              <link rel="self" href="\(XML.escape(feedURL))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(paths.absoluteURL(paths.section(.news, in: language))))"/>
              <updated>\(Self.atomTimestamp(updated))</updated>

            """
        if let organisation = text(settings.organisation, in: language) {
            xml += "  <author><name>\(XML.escape(organisation))</name></author>\n"
        }
        for group in newsItems {
            guard let page = group.version(for: language, siteOrder: languages) else { continue }
            let url = paths.absoluteURL(paths.page(group.key, in: language))
            xml += """
                  <entry xml:lang="\(page.language.rawValue)">
                    <title>\(XML.escape(page.frontMatter.title))</title>
                    <id>\(XML.escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
                    <updated>\(Self.atomTimestamp(page.frontMatter.date))</updated>

                """
            if let summary = page.frontMatter.summary {
                xml += "    <summary>\(XML.escape(summary))</summary>\n"
            }
            xml += "    <content type=\"html\" xml:base=\"\(XML.escape(url))\">\(XML.escape(feedHTML(of: page)))</content>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: paths.feed(language), text: xml)
    }

    /// The body for a feed reader, whose relative links resolve against the entry's address (`xml:base`).
    private func feedHTML(of page: SourcePage) -> String {
        bodies[page.path] ?? ""
    }

    static func atomTimestamp(_ date: CalendarDate?) -> String {
        "\(date?.description ?? "2000-01-01")T00:00:00Z"
    }
}

/// Escaping for XML text and attribute values.
enum XML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
