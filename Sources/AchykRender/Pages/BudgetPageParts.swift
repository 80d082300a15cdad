import AchykHTML
import AchykModel

/// A large figure at the top of a budget page: rounded in words, with the exact figure beside it.
struct KeyFigure: Sendable {
    let label: String
    /// Where the glossary explains the label's word, if it does.
    var explained: String? = nil
    let value: String
    var exact: String? = nil
    var note: String? = nil
}

/// A section of a budget or partnership page: a heading, paragraphs, then what `content` writes (charts with
/// their tables, lists).
struct BudgetSection {
    let id: String
    let heading: String
    var paragraphs: [String] = []
    var content: ((inout HTMLWriter) -> Void)? = nil
}

/// What a budget or partnership page holds inside the page frame.
struct BudgetPageBody {
    let breadcrumbs: [LinkView]
    let title: String
    var subtitle: String? = nil
    var notices: [String] = []
    var lead: [String] = []
    var sectionPages: (label: String, links: [LinkView]) = ("", [])
    var keyFiguresHeading = ""
    var keyFigures: [KeyFigure] = []
    var sections: [BudgetSection] = []
    /// "Source: …", with the source's link.
    var source: ((inout HTMLWriter) -> Void)? = nil
}

extension SiteRenderer {
    /// The page of a budget or partnership body: breadcrumbs, title, notices, lead, key figures, sections, source.
    func budgetPage(_ frame: PageFrame, in language: Language, _ body: BudgetPageBody) -> HTMLWriter {
        var frame = frame
        frame.breadcrumbs = body.breadcrumbs
        return page(frame, in: language) { w in
            w.put("<article class=\"budget\">\n<header class=\"article-head\">\n")
            w.element("h1", text: body.title)
            w.put("\n")
            if let subtitle = body.subtitle, !subtitle.isEmpty {
                w.element("p", ["class": "tagline"], text: subtitle)
                w.put("\n")
            }
            w.put("</header>\n")
            for notice in body.notices {
                w.element("p", ["class": "notice sample", "role": "note"], text: notice)
                w.put("\n")
            }
            for paragraph in body.lead {
                w.element("p", ["class": "lead"], text: paragraph)
                w.put("\n")
            }
            writeSectionPages(body.sectionPages.links, label: body.sectionPages.label, to: &w)
            if !body.keyFigures.isEmpty {
                w.put("<section class=\"key-figures-section\" aria-labelledby=\"key-figures\">\n<h2 id=\"key-figures\">")
                w.text(body.keyFiguresHeading)
                w.put("</h2>\n<dl class=\"key-figures\">\n")
                for figure in body.keyFigures {
                    w.put("<div>\n")
                    w.put("<dt>")
                    if let href = figure.explained { w.link(figure.label, href: href) } else { w.text(figure.label) }
                    w.put("</dt>")
                    w.put("\n<dd>")
                    w.element("span", ["class": "big"], text: figure.value)
                    if let exact = figure.exact {
                        w.put(" ")
                        w.element("span", ["class": "exact"], text: exact)
                    }
                    if let note = figure.note {
                        w.put(" ")
                        w.element("span", ["class": "note"], text: note)
                    }
                    w.put("</dd>\n</div>\n")
                }
                w.put("</dl>\n</section>\n")
            }
            for section in body.sections {
                w.open("section", ["id": section.id, "class": "budget-section", "aria-labelledby": "\(section.id)-heading"])
                w.put("\n")
                w.element("h2", ["id": "\(section.id)-heading"], text: section.heading)
                w.put("\n")
                for paragraph in section.paragraphs {
                    w.element("p", text: paragraph)
                    w.put("\n")
                }
                section.content?(&w)
                w.put("</section>\n")
            }
            if let source = body.source {
                w.put("<p class=\"source\">")
                source(&w)
                w.put("</p>\n")
            }
            w.put("</article>\n")
        }
    }
}

/// A table of figures, beside a chart or on its own. It sits in a box that scrolls sideways on a narrow screen;
/// the box takes keyboard focus (so that it can be scrolled without a mouse) and is named by the caption.
struct DataTable {
    /// A cell: a row header, a text, a figure (right-aligned), or a row header that links.
    enum Cell {
        case header(String)
        case text(String)
        case number(String)
        case link(String, href: String)
        /// A classification code: kept in the table, hidden on a narrow screen where the label and amount need the room.
        case code(String)
    }

    let caption: String
    let columns: [String]
    let rows: [[Cell]]
    var numericColumns: Set<Int> = []
    /// The column of classification codes, if any (its header is hidden with it).
    var codeColumn: Int? = nil
    /// The caption is for screen readers only, where the section's heading already says it on screen.
    var captionHidden = false

    /// The first lines of the table and its totals as "label: figure", for paper, where the chart is left out.
    func shortList(limit: Int) -> [(label: String, figure: String)] {
        var lines: [(label: String, figure: String)] = []
        var totals: [(label: String, figure: String)] = []
        for row in rows {
            var label: String?
            var figure: String?
            var isTotal = false
            for cell in row {
                switch cell {
                case .header(let text), .link(let text, _): label = label ?? text
                case .number(let text): figure = figure ?? text
                case .code(let code): isTotal = code.isEmpty
                case .text: break
                }
            }
            guard let label, let figure, figure != "—" else { continue }
            if isTotal { totals.append((label, figure)) } else if lines.count < limit { lines.append((label, figure)) }
        }
        return lines + totals
    }

    func write(to w: inout HTMLWriter) {
        w.open("div", ["class": "table-scroll", "tabindex": "0", "role": "group", "aria-label": caption])
        w.put("<table>\n")
        w.element("caption", ["class": captionHidden ? "visually-hidden" : nil], text: caption)
        w.put("\n<thead><tr>")
        for (index, column) in columns.enumerated() {
            w.open("th", ["scope": "col", "class": numericColumns.contains(index) ? "num" : index == codeColumn ? "code" : nil])
            w.text(column)
            w.put("</th>")
        }
        w.put("</tr></thead>\n<tbody>\n")
        for row in rows {
            // A row without a code of its own is a total.
            if codeColumn != nil, case .code("")? = row.first { w.put("<tr class=\"total\">") } else { w.put("<tr>") }
            for cell in row {
                switch cell {
                case .header(let text):
                    w.put("<th scope=\"row\">")
                    w.text(text)
                    w.put("</th>")
                case .text(let text):
                    w.put("<td>")
                    w.text(text)
                    w.put("</td>")
                case .number(let text):
                    w.put("<td class=\"num\">")
                    w.text(text)
                    w.put("</td>")
                case .link(let text, let href):
                    w.put("<th scope=\"row\">")
                    w.link(text, href: href)
                    w.put("</th>")
                case .code(let text):
                    w.put("<td class=\"code\">")
                    w.text(text)
                    w.put("</td>")
                }
            }
            w.put("</tr>\n")
        }
        w.put("</tbody>\n</table></div>\n")
    }
}

/// The "embed this chart" snippet under a chart that has a file of its own.
struct ChartEmbed {
    let summary: String
    let hint: String
    /// HTML to copy, shown as text.
    let code: String
}

extension HTMLWriter {
    /// A chart with its data table beside it, folded in a `<details>` so that the page stays short.
    mutating func chart(_ svg: String, caption: String, tableSummary: String, table: DataTable, embed: ChartEmbed? = nil) {
        // Side by side on a wide screen (`.chart-and-table`), one under the other on a phone.
        put("<div class=\"chart-and-table\">\n<figure class=\"chart\">\n")
        raw(svg)
        put("\n")
        element("figcaption", text: caption)
        put("\n</figure>\n<details class=\"data-table\">\n")
        element("summary", text: tableSummary)
        put("\n")
        table.write(to: &self)
        put("</details>\n")
        if let embed {
            put("<details class=\"embed\">\n")
            element("summary", text: embed.summary)
            put("\n")
            element("p", text: embed.hint)
            put("\n<pre><code>")
            text(embed.code)
            put("</code></pre>\n</details>\n")
        }
        // On paper, where most charts and every folded table are left out, their main figures as a short list.
        let short = table.shortList(limit: 3)
        if !short.isEmpty {
            put("<ul class=\"print-figures\">\n")
            for (label, figure) in short {
                put("<li>")
                text(label)
                put(": ")
                text(figure)
                put("</li>\n")
            }
            put("</ul>\n")
        }
        put("</div>\n")
    }

    /// A chart without a table of its own (its figures are in the next chart's table).
    mutating func chart(_ svg: String) {
        put("<figure class=\"chart\">\n")
        raw(svg)
        put("\n</figure>\n")
    }

    /// `<ul class="…">` with an item per element, each written by `item`.
    mutating func list<Item>(_ items: [Item], className: String, _ item: (inout HTMLWriter, Item) -> Void) {
        open("ul", ["class": className])
        put("\n")
        for element in items {
            put("<li>")
            item(&self, element)
            put("</li>\n")
        }
        put("</ul>\n")
    }
}
