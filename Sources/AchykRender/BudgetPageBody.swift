/// A large figure at the top of a budget page: rounded in words, with the exact figure beside it.
struct KeyFigureView: Sendable {
    let label: String
    let value: String
    let exact: String?
    let note: String?
}

/// A section of a budget or partnership page; `html` holds what the renderer built (charts with their tables, lists).
struct BudgetSectionView: Sendable {
    let id: String
    let heading: String
    let paragraphs: [String]
    let html: String?
    /// The language of the section's text when it differs from the page's (a commentary shown as a fallback).
    var textLang: String? = nil
}

/// The body of a budget or partnership page, built in one pass: lead, key figures, sections, source.
enum BudgetPageBody {
    static func html(
        lead: [String], sectionPages: (label: String, links: [LinkView]) = ("", []), keyFigures: [KeyFigureView],
        keyFiguresHeading: String, sections: [BudgetSectionView], sourceHTML: String?
    ) -> String {
        var html = ""
        for paragraph in lead { html += "<p class=\"lead\">\(HTMLBuilder.escape(paragraph))</p>\n" }
        if !sectionPages.links.isEmpty {
            html += "<nav class=\"section-pages\" aria-label=\"\(HTMLBuilder.escape(sectionPages.label))\">\n<ul>\n"
            for link in sectionPages.links {
                html += "<li><a href=\"\(HTMLBuilder.escape(link.href))\"\(link.langAttributes)>\(HTMLBuilder.escape(link.label))</a></li>\n"
            }
            html += "</ul>\n</nav>\n"
        }
        if !keyFigures.isEmpty {
            html += "<section class=\"key-figures-section\" aria-labelledby=\"key-figures\">\n<h2 id=\"key-figures\">\(HTMLBuilder.escape(keyFiguresHeading))</h2>\n<dl class=\"key-figures\">\n"
            for figure in keyFigures {
                html += "<div>\n<dt>\(HTMLBuilder.escape(figure.label))</dt>\n<dd><span class=\"big\">\(HTMLBuilder.escape(figure.value))</span>"
                if let exact = figure.exact { html += " <span class=\"exact\">\(HTMLBuilder.escape(exact))</span>" }
                if let note = figure.note { html += " <span class=\"note\">\(HTMLBuilder.escape(note))</span>" }
                html += "</dd>\n</div>\n"
            }
            html += "</dl>\n</section>\n"
        }
        for section in sections {
            html += "<section id=\"\(section.id)\" class=\"budget-section\" aria-labelledby=\"\(section.id)-heading\">\n<h2 id=\"\(section.id)-heading\">\(HTMLBuilder.escape(section.heading))</h2>\n"
            if let lang = section.textLang { html += "<div lang=\"\(lang)\">\n" }
            for paragraph in section.paragraphs { html += "<p>\(HTMLBuilder.escape(paragraph))</p>\n" }
            html += section.html ?? ""
            if section.textLang != nil { html += "</div>\n" }
            html += "</section>\n"
        }
        if let sourceHTML { html += "<p class=\"source\">\(sourceHTML)</p>\n" }
        return html
    }
}
