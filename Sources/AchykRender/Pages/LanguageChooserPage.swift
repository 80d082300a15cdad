import AchykHTML
import AchykModel
import AchykSite

/// `/index.html`: each language by its own name, the default first, and no automatic redirect.
extension SiteRenderer {
    func renderLanguageChooser() -> OutputFile {
        let path = SitePaths.chooser
        let title = languages.compactMap { text(settings.title, in: $0) }.uniqued().joined(separator: " · ")
        let canonical = paths.absoluteURL(path)
        var w = HTMLWriter(capacity: 4096)
        w.put("<!DOCTYPE html>\n")
        w.open("html", ["lang": settings.defaultLanguage.rawValue])
        w.put("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        w.element("title", text: title)
        w.put("\n")
        w.open("link", ["rel": "canonical", "href": canonical])
        w.put("\n")
        for language in languages {
            w.open("link", ["rel": "alternate", "hreflang": language.rawValue, "href": paths.absoluteURL(paths.home(language))])
            w.put("\n")
        }
        w.open("link", ["rel": "alternate", "hreflang": "x-default", "href": canonical])
        w.put("\n<meta property=\"og:type\" content=\"website\">\n")
        w.open("meta", ["property": "og:title", "content": title])
        w.put("\n")
        w.open("meta", ["property": "og:url", "content": canonical])
        w.put("\n<meta name=\"twitter:card\" content=\"summary\">\n")
        w.open("meta", ["name": "twitter:title", "content": title])
        w.put("\n")
        writeHeadEnd(to: &w, href: { SitePaths.relative(from: path, to: $0) })
        w.put("</head>\n<body class=\"chooser\">\n<main id=\"main\" class=\"wrap\">\n<h1>")
        for (index, language) in languages.enumerated() {
            if index > 0 { w.put(" · ") }
            w.element("span", ["lang": language.rawValue], text: localizer(language).text("all_languages"))
        }
        w.put("</h1>\n<ul class=\"choices\">\n")
        for language in languages {
            w.open("li", ["lang": language.rawValue])
            w.open("a", ["href": SitePaths.relative(from: path, to: paths.home(language)), "hreflang": language.rawValue])
            w.element("strong", text: language.nativeName)
            w.element("span", text: settings.title[language] ?? text(settings.title, in: language) ?? "")
            if let description = settings.description[language] { w.element("small", text: description) }
            w.put("</a></li>\n")
        }
        w.put("</ul>\n</main>\n</body>\n</html>\n")
        return OutputFile(path: path, html: w)
    }
}
