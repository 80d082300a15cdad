import AchykModel
import AchykSite
import AchykTestSupport
import Testing

@Suite struct SitePathsTests {
    let paths = SitePaths(baseURL: "https://example.org/budget")

    @Test func followsTheContractsURLLayout() {
        #expect(paths.page(PageKey(.page, "about"), in: .ru) == "ru/about/index.html")
        #expect(paths.page(PageKey(.caseStudy, "01-alga"), in: .ky) == "ky/handbook/01-alga/index.html")
        #expect(paths.page(PageKey(.news, "2022-06-14-forum"), in: .en) == "en/news/2022-06-14-forum/index.html")
        #expect(paths.oblast(.issykKul, in: .en) == "en/handbook/oblast/issyk-kul/index.html")
        #expect(paths.topic(Topic("water"), in: .en) == "en/handbook/topic/water/index.html")
        #expect(paths.feed(.ky) == "ky/feed.xml")
    }

    @Test func publicAddressesKeepTheBasePathAndDropIndexHTML() {
        #expect(paths.absoluteURL("ru/about/index.html") == "https://example.org/budget/ru/about/")
        #expect(paths.absoluteURL("index.html") == "https://example.org/budget/")
        #expect(paths.absoluteURL("sitemap.xml") == "https://example.org/budget/sitemap.xml")
        #expect(paths.rootRelativeURL("ky/index.html") == "/budget/ky/index.html")
        #expect(SitePaths(baseURL: "https://example.org").rootRelativeURL("assets/style.css") == "/assets/style.css")
    }

    @Test(arguments: [
        ("ru/about/index.html", "en/about/index.html", "../../en/about/index.html"),
        ("ru/about/index.html", "ru/index.html", "../index.html"),
        ("ru/handbook/01-alga/index.html", "ru/handbook/oblast/chui/index.html", "../oblast/chui/index.html"),
        ("index.html", "ky/index.html", "ky/index.html"),
        ("ky/index.html", "assets/style.css", "../assets/style.css"),
        ("ky/about/index.html", "ky/about/index.html", "index.html"),
    ])
    func linksAreRelative(from: String, to: String, expected: String) {
        #expect(SitePaths.relative(from: from, to: to) == expected)
    }

    @Test(arguments: [
        ("/en/budgets/leilek/", "en/budgets/leilek/index.html", "../../en/budgets/leilek/index.html"),
        ("/en/about", "en/about/index.html", "../../en/about/index.html"),
        ("/files/report.pdf", "files/report.pdf", "../../files/report.pdf"),
        ("/ru/handbook/#list", "ru/handbook/index.html", "../handbook/index.html#list"),
        ("/", "index.html", "../../index.html"),
    ])
    func linksFromTheRootAreRewritten(url: String, target: String, link: String) throws {
        let result = try #require(SitePaths.rootLink(url, from: "ru/about/index.html"))
        #expect(result.target == target)
        #expect(result.link == link)
    }

    @Test(arguments: ["https://example.org/", "//cdn.example.org/x", "../other/", "#top", "mailto:a@example.org"])
    func otherLinksStayAsWritten(url: String) {
        #expect(SitePaths.rootLink(url, from: "ru/about/index.html") == nil)
    }
}

@Suite struct RelativeLinkPropertyTests {
    /// The obvious way: split both paths into folders and climb out of the ones they do not share.
    func reference(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1, fromFolders[fromFolders.startIndex + common] == toParts[common] {
            common += 1
        }
        return (Array(repeating: "..", count: fromFolders.count - common) + toParts[common...].map(String.init)).joined(separator: "/")
    }

    @Test(arguments: 0..<300)
    func agreesWithTheReferenceOnRandomPaths(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let names = ["ky", "ru", "handbook", "hand", "book", "01-alga", "oblast", "chui", "index.html", "feed.xml", "ж"]
        func path() -> String {
            (0..<Int.random(in: 1...5, using: &generator)).map { _ in names.randomElement(using: &generator)! }.joined(separator: "/")
        }
        let from = path(), to = path()
        #expect(SitePaths.relative(from: from, to: to) == reference(from: from, to: to), "\(from) → \(to)")
    }
}
