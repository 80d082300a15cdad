/// Small pieces of HTML that the budget pages build in code (tables beside charts, lists), every text escaped.
enum HTMLBuilder {
    static func escape(_ text: String) -> String { FastHTMLContentType.escape(text) }

    /// A cell of a data table: a row header or a figure (right-aligned).
    enum Cell {
        case header(String, lang: String? = nil)
        case text(String)
        case number(String)
        case link(String, href: String)
    }

    /// The table sits in a box that scrolls sideways on a narrow screen; the box takes keyboard focus (so that
    /// it can be scrolled without a mouse) and is named by the caption (so that focusing it says what it is).
    static func table(caption: String, columns: [String], rows: [[Cell]], numericColumns: Set<Int> = []) -> String {
        var html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"\(escape(caption))\"><table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (index, column) in columns.enumerated() {
            html += "<th scope=\"col\"\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(escape(column))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        // Cells appended piece by piece: the tables of a budget page hold hundreds of cells, on thousands of pages.
        for row in rows {
            html += "<tr>"
            for cell in row {
                switch cell {
                case .header(let text, let lang):
                    html += "<th scope=\"row\""
                    if let lang {
                        html += " lang=\""
                        html += lang
                        html += "\""
                    }
                    html += ">"
                    html += escape(text)
                    html += "</th>"
                case .text(let text):
                    html += "<td>"
                    html += escape(text)
                    html += "</td>"
                case .number(let text):
                    html += "<td class=\"num\">"
                    html += escape(text)
                    html += "</td>"
                case .link(let text, let href):
                    html += "<th scope=\"row\"><a href=\""
                    html += escape(href)
                    html += "\">"
                    html += escape(text)
                    html += "</a></th>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A chart with its data table beside it, folded in a `<details>` so that the page stays short.
    static func figure(svg: String, caption: String, tableSummary: String, table: String) -> String {
        """
        <figure class="chart">
        \(svg)
        <figcaption>\(escape(caption))</figcaption>
        </figure>
        <details class="data-table">
        <summary>\(escape(tableSummary))</summary>
        \(table)</details>

        """
    }

    static func list(_ items: [String], className: String) -> String {
        "<ul class=\"\(className)\">\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }

    static func link(_ text: String, href: String, download: Bool = false) -> String {
        "<a href=\"\(escape(href))\"\(download ? " download" : "")>\(escape(text))</a>"
    }
}
