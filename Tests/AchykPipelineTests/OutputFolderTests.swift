@testable import AchykPipeline
import AchykRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        #expect(Fixtures.files(in: site) == [".achyk-output", "404.html", "README.md", "assets/search.js", "assets/style.css", "en/about/index.html",
                                             "en/feed.xml", "en/handbook/index.html", "en/index.html", "en/news/index.html",
                                             "en/search/d0.js", "en/search/index.html", "en/search/manifest.js", "en/search/t0.js",
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

    /// A git worktree of the published site, GitHub Pages' CNAME and .nojekyll, and what site.yaml's `keep`
    /// names stay in the output folder, whole, on every build (a hostile review found them deleted).
    @Test func keptFilesAndFoldersSurviveEveryBuild() async throws {
        let root = Fixtures.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("minimal"), to: content)
        let settings = content.appendingPathComponent("site.yaml")
        try (String(contentsOf: settings, encoding: .utf8) + "keep: [google123.html]\n").write(to: settings, atomically: true, encoding: .utf8)
        let site = root.appendingPathComponent("Site")
        let (first, _) = await Fixtures.build(content, into: site)
        try #require(first.succeeded)
        let manager = FileManager.default
        try manager.createDirectory(at: site.appendingPathComponent(".git/refs"), withIntermediateDirectories: true)
        try "ref: refs/heads/gh-pages\n".write(to: site.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try "budget.example.org\n".write(to: site.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        try "".write(to: site.appendingPathComponent(".nojekyll"), atomically: true, encoding: .utf8)
        try "google-site-verification\n".write(to: site.appendingPathComponent("google123.html"), atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let (again, _) = await Fixtures.build(content, into: site)
            try #require(again.succeeded)
            #expect(Fixtures.text(".git/HEAD", in: site) == "ref: refs/heads/gh-pages\n")
            #expect(manager.fileExists(atPath: site.appendingPathComponent(".git/refs").path))
            #expect(Fixtures.text("CNAME", in: site) == "budget.example.org\n")
            #expect(manager.fileExists(atPath: site.appendingPathComponent(".nojekyll").path))
            #expect(Fixtures.text("google123.html", in: site) == "google-site-verification\n")
            #expect(manager.fileExists(atPath: site.appendingPathComponent("en/index.html").path))
        }
        #expect(try manager.contentsOfDirectory(atPath: root.path).sorted() == [".Site.achyk-lock", "Content", "Site"])
    }

    @Test func keepNamesOnlyNamesAtTheTopThatAchykDoesNotWrite() async throws {
        let content = try Fixtures.contentFolder([
            "site.yaml": Data("title: T\nbase_url: https://example.org/\nlanguages: [en]\nkeep: [../etc, en, CNAME]\n".utf8),
        ])
        let (report, _) = await Fixtures.build(content)
        #expect(report.diagnostics.sorted.map(\.description) == [
            "site.yaml:4: error: keep: '../etc' must be the name of a file or folder at the top of the output folder, without '/'",
            "site.yaml:4: error: keep: 'en' is written by achyk on every build and cannot be kept",
        ])
    }

    /// A build killed after the swap leaves the old site, with the kept files, beside the new one: the next build
    /// moves them back before it removes the leftover.
    @Test func keptFilesLeftInTheOldSiteOfAKilledBuildAreMovedBack() async throws {
        let root = Fixtures.temporaryFolder()
        let site = root.appendingPathComponent("Site")
        let (first, _) = await Fixtures.build(Fixtures.content("minimal"), into: site)
        try #require(first.succeeded)
        let leftover = root.appendingPathComponent(".Site.achyk-staging-99999")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: leftover.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        let (second, _) = await Fixtures.build(Fixtures.content("minimal"), into: site)
        try #require(second.succeeded)
        #expect(Fixtures.text(".git/HEAD", in: site) == "ref: refs/heads/main\n")
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// `--output www` where www is a link to the current release: the site is swapped where the link leads, and
    /// the link stays a link.
    @Test func aLinkedOutputFolderIsBuiltWhereItLeads() async throws {
        let root = Fixtures.temporaryFolder()
        let real = root.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("www")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        for _ in 0..<2 {
            let (report, _) = await Fixtures.build(Fixtures.content("minimal"), into: link)
            try #require(report.succeeded, "\(report.diagnostics.sorted)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
            #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("en/index.html").path))
        }
    }

    @Test func aSecondBuildWaitsForTheFirstAndGivesUpAfterItsTimeLimit() throws {
        let root = Fixtures.temporaryFolder()
        let first = try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting()
        var toldToWait = false
        #expect(throws: OutputFolderError(message: "another achyk build is writing \(root.appendingPathComponent("Site").resolvingSymlinksInPath().path) right now (waited 1 s); wait for it to finish and build again")) {
            try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting(wait: .seconds(1)) { toldToWait = true }
        }
        #expect(toldToWait)
        // Released while the second waits: the second goes on.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { first.discard() }
        let second = try OutputFolder(url: root.appendingPathComponent("Site")).beginWriting(wait: .seconds(30))
        second.discard()
    }

    /// With the output folder in a lower layer of an overlay file system (a container image), it cannot be renamed
    /// (EXDEV): its entries are replaced inside it. Needs root to mount an overlay.
    @Test(.enabled(if: Overlay.canMount, "needs to mount an overlay file system (root, and a kernel that allows it)"))
    func anOutputFolderThatCannotBeMovedIsReplacedInside() async throws {
        let root = Fixtures.temporaryFolder()
        let (lower, upper, work, merged) = (root.appendingPathComponent("lower"), root.appendingPathComponent("upper"),
                                             root.appendingPathComponent("work"), root.appendingPathComponent("merged"))
        for folder in [lower.appendingPathComponent("Site/en"), upper, work, merged] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "# The site\n".write(to: lower.appendingPathComponent("Site/README.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: lower.appendingPathComponent("Site/en"))
        try #require(Overlay.mount(lower: lower, upper: upper, work: work, at: merged), "could not mount an overlay file system")
        defer { Overlay.unmount(merged) }
        let site = merged.appendingPathComponent("Site")
        #expect(Glibc.rename(site.path, merged.appendingPathComponent("moved").path) != 0 && errno == EXDEV)
        for content in ["trilingual", "minimal"] {
            let (report, _) = await Fixtures.build(Fixtures.content(content), into: site)
            try #require(report.succeeded, "\(report.diagnostics.sorted)")
            #expect(Fixtures.text("README.md", in: site) == "# The site\n")
        }
        #expect(Fixtures.files(in: site) == [".achyk-output", "404.html", "README.md", "assets/search.js", "assets/style.css", "en/about/index.html",
                                             "en/feed.xml", "en/handbook/index.html", "en/index.html", "en/news/index.html",
                                             "en/search/d0.js", "en/search/index.html", "en/search/manifest.js", "en/search/t0.js",
                                             "index.html", "sitemap.xml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == [".Site.achyk-lock", "Site"])
    }
}

/// Mounting an overlay file system, for the test of an output folder in a lower layer.
enum Overlay {
    static func mount(lower: URL, upper: URL, work: URL, at merged: URL) -> Bool {
        run("/bin/mount", ["-t", "overlay", "overlay", "-o", "lowerdir=\(lower.path),upperdir=\(upper.path),workdir=\(work.path)", merged.path])
    }

    static func unmount(_ merged: URL) {
        _ = run("/bin/umount", [merged.path])
    }

    /// Whether this machine lets the tests mount one (root in a container may not).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-overlay-probe-\(UUID().uuidString)")
        let folders = ["lower", "upper", "work", "merged"].map { root.appendingPathComponent($0) }
        for folder in folders { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: root) }
        guard mount(lower: folders[0], upper: folders[1], work: folders[2], at: folders[3]) else { return false }
        unmount(folders[3])
        return true
    }()

    private static func run(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
