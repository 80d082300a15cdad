import AchykModel
import AchykPipeline
import AchykRender
import Foundation
import Testing

/// `serve` redoes only the pages whose bodies changed; the result must equal a whole build of the same content.
@Suite struct IncrementalUpdateTests {
    func makeContent() throws -> URL {
        let root = Fixtures.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual"), to: root)
        return root
    }

    func options(_ content: URL) -> BuildOptions {
        BuildOptions(contentFolder: content, theme: Fixtures.theme, outputFolder: nil)
    }

    func texts(_ build: LiveBuild) -> [String: Data] {
        build.files.mapValues { file in
            if case .data(let data) = file.contents { return data }
            return Data()
        }
    }

    @Test func aBodyEditRedoesItsPagesAndEqualsAWholeBuild() async throws {
        let content = try makeContent()
        let (_, first) = await SiteBuilder().buildInMemory(options(content))
        let previous = try #require(first)
        try "---\ntitle: ALGA\ntagline: Rural women and government\noblast: chui\nrayon: Issyk-Ata rayon\nsettlements: [Jerkazar]\ntopics: [women, agriculture]\n---\nA new body, with [a link](/en/about/).\n"
            .write(to: content.appendingPathComponent("handbook/01-alga.en.md"), atomically: true, encoding: .utf8)
        let outcome = await SiteBuilder().update(previous, changedPaths: ["handbook/01-alga.en.md"])
        let report = try #require(outcome?.0)
        #expect(report.succeeded)
        let incremental = try #require(outcome?.1)
        #expect(String(decoding: texts(incremental)["en/handbook/01-alga/index.html"] ?? Data(), as: UTF8.self).contains("A new body"))
        let (_, whole) = await SiteBuilder().buildInMemory(options(content))
        let wholeBuild = try #require(whole)
        #expect(texts(incremental) == texts(wholeBuild))
    }

    @Test func aNewsBodyEditAlsoRedoesTheFeeds() async throws {
        let content = try makeContent()
        let (_, built) = await SiteBuilder().buildInMemory(options(content))
        let first = try #require(built)
        try "---\ntitle: Forum\ndate: 2022-06-14 23:30:00 -04:00\nsummary: The forum opened.\n---\nThe forum opened, and this line is new.\n"
            .write(to: content.appendingPathComponent("news/2022-06-14-forum.en.md"), atomically: true, encoding: .utf8)
        let outcome = await SiteBuilder().update(first, changedPaths: ["news/2022-06-14-forum.en.md"])
        let updated = try #require(outcome?.1)
        let (_, whole) = await SiteBuilder().buildInMemory(options(content))
        let wholeBuild = try #require(whole)
        #expect(texts(updated) == texts(wholeBuild))
        #expect(String(decoding: texts(updated)["en/feed.xml"] ?? Data(), as: UTF8.self).contains("this line is new"))
    }

    @Test func problemsOfTheEditedFileReplaceItsOldOnes() async throws {
        let content = try makeContent()
        let (_, built) = await SiteBuilder().buildInMemory(options(content))
        let first = try #require(built)
        try "---\ntitle: About us\nsummary: The Alliance was founded in 2007.\n---\nSee [this](/en/nowhere/).\n"
            .write(to: content.appendingPathComponent("pages/about.en.md"), atomically: true, encoding: .utf8)
        let outcome = await SiteBuilder().update(first, changedPaths: ["pages/about.en.md"])
        let report = try #require(outcome?.0)
        #expect(report.diagnostics.sorted.map(\.description) == ["pages/about.en.md:5: warning: link to /en/nowhere/, which is not a page or file of this site"])
    }

    @Test(arguments: [
        ("pages/about.en.md", "---\ntitle: A new title\nsummary: The Alliance was founded in 2007.\n---\nText.\n"),
        ("pages/about.en.md", "---\ntitle: About us\nsummary: The Alliance was founded in 2007.\n---\n## A new heading\n"),
        ("pages/new.en.md", "---\ntitle: New\n---\nText.\n"),
        ("site.yaml", "title: Other\nbase_url: https://example.org/\nlanguages: [ky, ru, en]\n"),
    ])
    func editsThatOtherPagesDependOnNeedAWholeBuild(path: String, text: String) async throws {
        let content = try makeContent()
        let (_, built) = await SiteBuilder().buildInMemory(options(content))
        let first = try #require(built)
        try text.write(to: content.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let outcome = await SiteBuilder().update(first, changedPaths: [path])
        #expect(outcome == nil)
    }
}
