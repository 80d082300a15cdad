import AchykModel
import AchykPipeline
import Foundation
import Testing

/// Pages in pages/ with `section:` are listed on that section's index and lead back to it.
@Suite struct SectionPagesTests {
    static func write(_ files: [String: String]) throws -> URL {
        try Fixtures.contentFolder(files.mapValues { Data($0.utf8) })
    }

    static let site = "title: Test\nbase_url: https://example.org/\nlanguages: [ky, en]\n"
    /// The list of section pages in a page, or "" when it has none.
    static func sectionPagesList(_ html: String) -> String { nav("section-pages", in: html) }

    static func nav(_ className: String, in html: String) -> String {
        guard let start = html.range(of: "<nav class=\"\(className)\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else {
            return ""
        }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static let caseStudy = "---\ntitle: A case\noblast: chui\n---\nText.\n"

    @Test func aSectionPageIsListedOnItsIndexInFileNameOrderAndLeadsBack() async throws {
        let content = try Self.write([
            "site.yaml": Self.site,
            "handbook/01-case.en.md": Self.caseStudy,
            "pages/handbook-introduction.en.md": "---\ntitle: Introduction\nsection: handbook\n---\nWhy.\n",
            "pages/handbook-foreword.en.md": "---\ntitle: Foreword\nsection: handbook\n---\nHello.\n",
            "pages/about.en.md": "---\ntitle: About us\n---\nUs.\n",
            "pages/press.en.md": "---\ntitle: For journalists\nsection: news\n---\nWrite to us.\n",
            "news/2024-01-02-hello.en.md": "---\ntitle: Hello\ndate: 2024-01-02\n---\nNews.\n",
        ])
        let (report, site) = await Fixtures.build(content, strict: true)
        #expect(report.diagnostics.sorted.map(\.description) == [])
        let index = Self.sectionPagesList(Fixtures.text("en/handbook/index.html", in: site))
        let foreword = try #require(index.range(of: "<a href=\"../handbook-foreword/index.html\">Foreword</a>"))
        let introduction = try #require(index.range(of: "<a href=\"../handbook-introduction/index.html\">Introduction</a>"))
        #expect(foreword.lowerBound < introduction.lowerBound)
        #expect(!index.contains("About us"))
        #expect(!index.contains("For journalists"))
        // Kyrgyz readers see the English text's title, marked as English.
        #expect(Fixtures.text("ky/handbook/index.html", in: site)
            .contains("<a href=\"../handbook-foreword/index.html\" lang=\"en\" hreflang=\"en\">Foreword</a>"))
        // The news list lists its own section page; a list of oblast cases lists none.
        #expect(Self.sectionPagesList(Fixtures.text("en/news/index.html", in: site)) == """
            <nav class="section-pages" aria-label="About this section">
            <ul>
            <li><a href="../press/index.html">For journalists</a></li>
            </ul>
            </nav>
            """)
        #expect(!Fixtures.text("en/handbook/oblast/chui/index.html", in: site).contains("section-pages"))
        // The page's breadcrumbs go through its section.
        let page = Self.nav("crumbs", in: Fixtures.text("en/handbook-foreword/index.html", in: site))
        #expect(page.contains("<li><a href=\"../handbook/index.html\">Case studies</a></li>"))
        #expect(!Self.nav("crumbs", in: Fixtures.text("en/about/index.html", in: site)).contains("../handbook/index.html\">Case studies</a></li>"))
    }

    @Test func aWrongSectionIsAWarningAtItsLine() async throws {
        let content = try Self.write([
            "site.yaml": Self.site,
            "handbook/01-case.en.md": "---\ntitle: A case\noblast: chui\nsection: news\n---\nText.\n",
            "pages/notes.en.md": "---\ntitle: Notes\n\nsection: library\n---\nText.\n",
        ])
        let (report, _) = await Fixtures.build(content)
        #expect(report.diagnostics.sorted.map(\.description) == [
            "handbook/01-case.en.md:4: warning: 'section' belongs only in files under pages/; it is ignored here",
            "pages/notes.en.md:4: warning: section 'library' is not one of 'handbook', 'partnerships', 'budgets', 'news'; the page is listed in no section",
        ])
    }
}
