@testable import AchykPipeline
import AchykRender
import Foundation
import Testing

@Suite struct OutputFolderTests {
    @Test func aFailedBuildLeavesThePreviousSiteAsItWas() async throws {
        let root = Fixtures.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual"), to: content)
        let (first, site) = await Fixtures.build(content, into: root.appendingPathComponent("Site"))
        try #require(first.succeeded)
        let before = Fixtures.files(in: site)
        let aboutBefore = Fixtures.text("en/about/index.html", in: site)

        try "---\ntitle: Broken\noblast: nowhere\n---\n".write(to: content.appendingPathComponent("handbook/02-broken.en.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Changed\n---\nChanged.\n".write(to: content.appendingPathComponent("pages/about.en.md"), atomically: true, encoding: .utf8)
        let (second, _) = await Fixtures.build(content, into: site)
        #expect(!second.succeeded)
        #expect(Fixtures.files(in: site) == before)
        #expect(Fixtures.text("en/about/index.html", in: site) == aboutBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Site.achyk-lock", "Content", "Site"])
    }

    @Test func aSuccessfulBuildReplacesTheWholeSiteAndKeepsTheReadme() async throws {
        let root = Fixtures.temporaryFolder()
        let site = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "# Site\n".write(to: site.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let (first, _) = await Fixtures.build(Fixtures.content("trilingual"), into: site)
        try #require(first.succeeded)
        #expect(Fixtures.text("README.md", in: site) == "# Site\n")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".achyk-output").path))

        let (second, _) = await Fixtures.build(Fixtures.content("minimal"), into: site)
        try #require(second.succeeded)
        #expect(Fixtures.files(in: site) == [".achyk-output", "404.html", "README.md", "assets/style.css", "en/about/index.html",
                                             "en/feed.xml", "en/handbook/index.html", "en/index.html", "en/news/index.html",
                                             "index.html", "sitemap.xml"])
    }

    @Test func refusesAFolderItDidNotMake() async throws {
        let root = Fixtures.temporaryFolder()
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try "precious".write(to: documents.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let (report, _) = await Fixtures.build(Fixtures.content("minimal"), into: documents)
        #expect(!report.succeeded)
        #expect(report.diagnostics.sorted.first?.message.contains("it holds files that achyk did not write") == true)
        #expect(Fixtures.files(in: documents) == ["thesis.txt"])
    }

    @Test func refusesTheContentFolderAndFoldersAroundIt() throws {
        let root = Fixtures.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        for output in [content, root, content.appendingPathComponent("out"), URL(fileURLWithPath: "/"),
                       FileManager.default.homeDirectoryForCurrentUser] {
            #expect(throws: OutputFolderError.self, "\(output.path)") {
                try OutputFolder(url: output, contentFolder: content).checkIsReplaceable()
            }
        }
    }

    @Test func aSecondBuildIntoTheSameFolderWaitsItsTurn() throws {
        let root = Fixtures.temporaryFolder()
        let first = try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting()
        #expect(throws: OutputFolderError.self) { try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting() }
        first.discard()
        let second = try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting()
        second.discard()
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() async throws {
        let root = Fixtures.temporaryFolder()
        let leftover = root.appendingPathComponent(".Site.achyk-staging-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        let (report, _) = await Fixtures.build(Fixtures.content("minimal"), into: root.appendingPathComponent("Site"))
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
