import AchykHTML
import AchykModel
import AchykSite

/// `/404.html`, served by hosts for a missing address at any depth and opened from disk too: so its styles are
/// inside it and its links are whole addresses; the message is given in every language, the default first.
extension SiteRenderer {
    func renderNotFound() -> OutputFile {
        let defaultLanguage = settings.defaultLanguage
        var w = HTMLWriter(capacity: 4096)
        w.put("<!DOCTYPE html>\n")
        w.open("html", ["lang": defaultLanguage.rawValue])
        w.put("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        w.element("title", text: localizer(defaultLanguage).text("not_found_title"))
        w.put("\n<meta name=\"robots\" content=\"noindex\">\n")
        w.put("<style>\n")
        for name in stylesheets {
            guard let data = theme.assets[name] else { continue }
            // A stylesheet cannot end the element early: "</" never appears in CSS outside a string or comment.
            w.raw(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/"))
        }
        w.put("</style>\n")
        w.raw(theme.snippets.head)
        w.put("</head>\n<body class=\"chooser\">\n<main id=\"main\" class=\"wrap\">\n")
        for (index, language) in languages.enumerated() {
            let l = localizer(language)
            let headingID = "nf-\(language.rawValue)"
            w.open("section", ["lang": language.rawValue, "aria-labelledby": headingID])
            w.put("\n")
            if index == 0 {
                w.element("h1", ["id": headingID], text: l.text("not_found_title"))
            } else {
                w.element("h2", ["id": headingID], text: l.text("not_found_title"))
            }
            w.put("\n")
            w.element("p", text: l.text("not_found_text"))
            w.put("\n<p>")
            w.link(l.text("go_home"), href: paths.absoluteURL(paths.home(language)))
            w.put("</p>\n</section>\n")
        }
        w.put("</main>\n</body>\n</html>\n")
        return OutputFile(path: SitePaths.notFound, html: w)
    }
}
