import AchykHTML
import AchykModel
import AchykSite

/// A language's home page: the site's title and description, then a block per section with its first items.
extension SiteRenderer {
    private struct Block {
        let id: String
        let title: String
        let text: String?
        let href: String
        let linkLabel: String
        let items: [ListItem]
    }

    func renderHome(in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = paths.home(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        var blocks: [Block] = []
        if !caseStudies.isEmpty {
            blocks.append(Block(
                id: "handbook", title: l.text("handbook"), text: l.text("handbook_intro"),
                href: SitePaths.relative(from: path, to: paths.section(.caseStudy, in: language)),
                linkLabel: l.text("all_cases", ["count": l.counted("cases", caseStudies.count)]),
                items: caseStudies.prefix(3).compactMap { listItem($0, in: language, level: 3) }))
        }
        if !budgets.isEmpty {
            blocks.append(Block(
                id: "budgets", title: l.text("budgets"), text: l.text("budgets_intro"),
                href: SitePaths.relative(from: path, to: paths.budgets(in: language)),
                linkLabel: l.text("budgets_compare"),
                items: budgets.prefix(3).map { municipalityItem($0, in: language) }))
        }
        if !newsItems.isEmpty {
            blocks.append(Block(
                id: "news", title: l.text("news"), text: nil,
                href: SitePaths.relative(from: path, to: paths.section(.news, in: language)),
                linkLabel: l.text("all_news"),
                items: newsItems.prefix(3).compactMap { listItem($0, in: language, level: 3) }))
        }
        let pages = content.pages(of: .page).compactMap { listItem($0, in: language) }
        let frame = PageFrame(versions: perLanguage(paths.home), title: siteTitle, description: "", menuEntry: nil)
        let html = page(frame, in: language) { w in
            w.put("<div class=\"hero\">\n")
            w.element("h1", text: siteTitle)
            w.put("\n")
            if let lead = text(settings.description, in: language) {
                w.element("p", ["class": "lead"], text: lead)
                w.put("\n")
            }
            w.put("</div>\n")
            for block in blocks {
                let headingID = "block-\(block.id)"
                w.open("section", ["class": "block", "aria-labelledby": headingID])
                w.put("\n")
                w.element("h2", ["id": headingID], text: block.title)
                w.put("\n")
                if let text = block.text {
                    w.element("p", text: text)
                    w.put("\n")
                }
                w.put("<ul class=\"items\">\n")
                for item in block.items { item.write(to: &w, from: path) }
                w.put("</ul>\n<p class=\"more\">")
                w.link(block.linkLabel, href: block.href)
                w.put("</p>\n</section>\n")
            }
            guard !pages.isEmpty else { return }
            w.put("<section class=\"block\" aria-labelledby=\"block-pages\">\n<h2 id=\"block-pages\">")
            w.text(l.text("about_site"))
            w.put("</h2>\n<ul class=\"cards\">\n")
            for item in pages {
                w.put("<li>")
                w.open("a", ["href": SitePaths.relative(from: path, to: item.target), "lang": item.lang])
                w.element("strong", text: item.title)
                if let summary = item.summary { w.element("span", text: summary) }
                w.put("</a></li>\n")
            }
            w.put("</ul>\n</section>\n")
        }
        return OutputFile(path: path, html: html)
    }
}
