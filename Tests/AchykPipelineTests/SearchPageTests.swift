import AchykModel
import Foundation
import Testing

/// The search page's A–Z list: on one page for a small site, one page per letter for a large one.
@Suite struct SearchPageTests {
    @Test func aSmallSiteListsEveryPageOnTheSearchPage() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"))
        try #require(report.succeeded)
        let page = Fixtures.text("ky/search/index.html", in: site)
        #expect(page.contains("<section class=\"a-z\""))
        #expect(page.contains("href=\"../handbook/01-alga/index.html\""))
        #expect(page.contains("href=\"#az-1\""))
        #expect(page.contains("<script src=\"../../assets/search.js\"></script>"))
        #expect(!Fixtures.files(in: site).contains("ky/search/1/index.html"))
    }

    @Test func aLargeSiteGetsAPagePerLetter() async throws {
        let letters = Array("abcdefghij")
        var files: [String: Data] = ["site.yaml": Data("title: Big\nbase_url: https://example.org/\nlanguages: [en]\n".utf8)]
        for number in 0..<1_510 {
            let title = "\(String(letters[number % letters.count]).uppercased())page \(number)"
            files["pages/p\(number).en.md"] = Data("---\ntitle: \(title)\n---\nText \(number).\n".utf8)
        }
        let (report, site) = await Fixtures.build(try Fixtures.contentFolder(files))
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let search = Fixtures.text("en/search/index.html", in: site)
        #expect(!search.contains("a-z-list"))
        #expect(search.contains("<a href=\"1/index.html\">A</a>"))
        #expect(search.contains("<a href=\"10/index.html\">J</a>"))
        var listed = 0
        for number in 1...10 {
            let letter = Fixtures.text("en/search/\(number)/index.html", in: site)
            #expect(letter.contains("<meta name=\"robots\" content=\"noindex, follow\">"))
            #expect(letter.contains("aria-current=\"page\">\(String(letters[number - 1]).uppercased())</a>"))
            listed += letter.components(separatedBy: "<span class=\"search-kind\">").count - 1
        }
        #expect(listed == 1_510)
        #expect(!Fixtures.text("sitemap.xml", in: site).contains("/search/1/"))
    }
}
