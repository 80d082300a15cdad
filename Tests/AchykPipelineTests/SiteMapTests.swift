import AchykBudget
import AchykContent
import AchykModel
import AchykSite
import AchykPipeline
import AchykRender
import Foundation
import Testing

/// The site map is the one list of what a site has: what links point to exists, and what exists is linked to.
@Suite struct SiteMapTests {
    /// Every `href` and `src` of every page of the built fixture that stays inside the site leads to a file that
    /// was written. Before the site map, a record's oblast or topic that no case study names linked to a handbook
    /// list that was never built.
    @Test func everyLinkInsideTheBuiltSiteLeadsToAFile() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"))
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let files = Set(Fixtures.files(in: site))
        var broken: [String] = []
        for page in files where page.hasSuffix(".html") && page != "404.html" {
            let html = Fixtures.text(page, in: site)
            for link in Self.links(in: html) {
                guard !link.contains(":"), !link.hasPrefix("#"), !link.hasPrefix("//") else { continue }
                let path = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
                let target = Self.resolve(path, from: page)
                if !files.contains(target) { broken.append("\(page): \(link)") }
            }
        }
        #expect(broken.isEmpty, "links to nothing: \(broken.joined(separator: ", "))")
    }

    /// A link written in Markdown to a budget page, a budget year or the data package is a link to the site:
    /// `--strict` passes. Before the site map, the Markdown stage knew no budget pages and warned of each.
    @Test func markdownLinksToBudgetPagesAndOpenDataAreKnown() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"), strict: true)
        #expect(report.succeeded)
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.sorted)")
        let about = Fixtures.text("en/about/index.html", in: site)
        #expect(about.contains(#"<a href="../budgets/tamchy/index.html">Tamchy budget</a>"#))
        #expect(about.contains(#"<a href="../../data/datapackage.json">data package</a>"#))
        // A chart file and a theme asset are files of the site too (found by a hostile review).
        #expect(about.contains(#"<a href="../budgets/tamchy/2023/functions.svg">spending chart</a>"#))
        #expect(about.contains(#"<a href="../../assets/style.css">stylesheet</a>"#))
    }

    /// The site map's list of chart files is the one the citizen-budget pages write, for every year of the
    /// fixture and of the bundled content.
    @Test(arguments: ["fixture", "bundled"])
    func theChartsWrittenAreTheChartsMapped(_ which: String) async throws {
        let content = which == "fixture" ? Fixtures.content("trilingual") : Fixtures.repository.appendingPathComponent("Content")
        let (report, site) = await Fixtures.build(content)
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let written = Set(Fixtures.files(in: site).filter { $0.hasSuffix(".svg") && $0.contains("/budgets/") })
        var diagnostics = Diagnostics()
        let loaded = try #require(ContentLoader(contentFolder: content).load(reporting: &diagnostics))
        let resolved = TranslationResolver().resolve(loaded, reporting: &diagnostics)
        let budgets = BudgetStage().compute(resolved.budgets, reporting: &diagnostics)
        let mapped = SiteMap(content: resolved, budgets: budgets).files.filter { $0.hasSuffix(".svg") }
        #expect(!written.isEmpty)
        #expect(written == mapped)
    }

    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                links.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return links
    }

    /// The site-root path a relative link from `page` leads to.
    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        return link.hasSuffix("/") ? path + "/index.html" : path
    }
}

/// A second theme, in the fixtures, that changes colours, logo and footer and leaves the rest to the default.
@Suite struct SmallThemeTests {
    @Test func aSmallThemeAddsItsStylesheetLogoFooterAndStrings() async throws {
        let output = Fixtures.temporaryFolder().appendingPathComponent("Site")
        let theme = ThemeSource.folder(Fixtures.folder.appendingPathComponent("themes/civic"), displayPath: "civic")
        let options = BuildOptions(contentFolder: Fixtures.content("trilingual"), theme: theme, outputFolder: output, strict: true)
        let report = await SiteBuilder().build(options)
        #expect(report.succeeded)
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.sorted)")
        let files = Set(Fixtures.files(in: output))
        #expect(files.isSuperset(of: ["assets/style.css", "assets/custom.css", "assets/logo.svg"]))
        for page in ["en/index.html", "ru/handbook/01-alga/index.html", "ky/budgets/tamchy/2024/index.html"] {
            let html = Fixtures.text(page, in: output)
            let style = try #require(html.range(of: "assets/style.css\">"))
            let custom = try #require(html.range(of: "assets/custom.css\">"))
            #expect(style.upperBound < custom.lowerBound, "\(page): the theme's stylesheet comes after the default one")
            #expect(html.contains("<p class=\"funder\">Made with the support of the <a href=\"https://example.org/fund\">Example Fund</a>.</p>\n</div>\n</footer>"), "\(page)")
        }
        #expect(Fixtures.text("en/index.html", in: output).contains("<p>A site of Alliance</p>"))
        #expect(Fixtures.text("ru/index.html", in: output).contains("<p>Сайт публикует Альянс</p>"))
        // The 404 page holds the theme's additions after the default styles.
        let notFound = Fixtures.text("404.html", in: output)
        #expect(notFound.contains("</style>"))
        let defaults = try #require(notFound.range(of: "/* achyk default theme"))
        let additions = try #require(notFound.range(of: "/* A small theme: its own colours"))
        #expect(defaults.upperBound < additions.lowerBound)
    }
}
