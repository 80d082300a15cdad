import AchykHTML
import AchykModel
import AchykSite

/// The site's XML files: the sitemap and a news feed per language.
extension SiteRenderer {
    /// `/sitemap.xml`: every language page written, each with its alternates.
    func renderSitemap() -> OutputFile {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        let defaultLanguage = settings.defaultLanguage
        let entries = siteMap.pages.flatMap { page in languages.compactMap { language in page.paths[language].map { ($0, page.paths) } } }
        for (path, versions) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url>\n    <loc>\(Escaping.escape(paths.absoluteURL(path)))</loc>\n"
            for language in languages {
                guard let other = versions[language] else { continue }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language.rawValue)\" href=\"\(Escaping.escape(paths.absoluteURL(other)))\"/>\n"
            }
            if let fallback = versions[defaultLanguage] {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(Escaping.escape(paths.absoluteURL(fallback)))\"/>\n"
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: SitePaths.sitemap, text: xml)
    }

    /// `/<lang>/feed.xml`: an Atom feed of the news as readers of `language` see them.
    func renderFeed(in language: Language) throws -> OutputFile {
        let l = localizer(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        let feedURL = paths.absoluteURL(paths.feed(language))
        let updated = newsItems.compactMap { $0.version(for: language, siteOrder: languages)?.frontMatter.date }.max()
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
              <title>\(Escaping.escape(l.text("feed_title", ["site": siteTitle])))</title>
              <id>\(Escaping.escape(feedURL))</id>
              <link rel="self" href="\(Escaping.escape(feedURL))"/>
              <link rel="alternate" type="text/html" href="\(Escaping.escape(paths.absoluteURL(paths.section(.news, in: language))))"/>
              <updated>\(Self.atomTimestamp(updated))</updated>

            """
        if let organisation = text(settings.organisation, in: language) {
            xml += "  <author><name>\(Escaping.escape(organisation))</name></author>\n"
        }
        for group in newsItems {
            guard let page = group.version(for: language, siteOrder: languages) else { continue }
            let url = paths.absoluteURL(paths.page(group.key, in: language))
            xml += """
                  <entry xml:lang="\(page.language.rawValue)">
                    <title>\(Escaping.escape(page.frontMatter.title))</title>
                    <id>\(Escaping.escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(Escaping.escape(url))"/>
                    <updated>\(Self.atomTimestamp(page.frontMatter.date))</updated>

                """
            if let summary = page.frontMatter.summary {
                xml += "    <summary>\(Escaping.escape(summary))</summary>\n"
            }
            xml += "    <content type=\"html\" xml:base=\"\(Escaping.escape(url))\">\(Escaping.escape(try body(of: page)))</content>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: paths.feed(language), text: xml)
    }

    static func atomTimestamp(_ date: CalendarDate?) -> String {
        "\(date?.description ?? "2000-01-01")T00:00:00Z"
    }
}

