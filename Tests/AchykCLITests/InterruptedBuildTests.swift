import AchykTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment leaves the output folder as a complete site: the old one or the new one,
/// never a mix and never missing.
@Suite(.serialized) struct InterruptedBuildTests {
    let cli = CommandLineTests()

    /// A content folder big enough that a build takes a noticeable time, in two versions that differ everywhere.
    func makeContent(at folder: URL, version: Int, pages: Int = 400) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        try manager.createDirectory(at: folder.appendingPathComponent("handbook"), withIntermediateDirectories: true)
        try "title: {ky: Сайт, en: Site \(version)}\nbase_url: https://example.org/\nlanguages: [ky, en]\n"
            .write(to: folder.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let paragraph = String(repeating: "Айыл өкмөтү бюджетти элге ачык көрсөтөт. ", count: 20)
        for index in 0..<pages {
            let text = "---\ntitle: Case \(index) v\(version)\noblast: chui\ntopics: [water]\n---\n## Part\n\n\(paragraph)\n\n| a | b |\n|---|---|\n| \(index) | \(version) |\n"
            try text.write(to: folder.appendingPathComponent("handbook/\(String(format: "%03d", index))-case.ky.md"), atomically: true, encoding: .utf8)
        }
    }

    /// Every file of a folder with its bytes, leaving out the marker.
    func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for path in (try? manager.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[path] = manager.contents(atPath: url.path)
        }
        return result
    }

    @Test func aKilledBuildLeavesTheOldSiteOrTheNewOneWhole() throws {
        let root = cli.temporaryFolder()
        let contentA = root.appendingPathComponent("A"), contentB = root.appendingPathComponent("B")
        try makeContent(at: contentA, version: 1)
        try makeContent(at: contentB, version: 2)
        let referenceA = root.appendingPathComponent("referenceA"), referenceB = root.appendingPathComponent("referenceB")
        #expect(try cli.achyk(["build", "--content", contentA.path, "--output", referenceA.path], in: root).status == 0)
        let start = Date()
        #expect(try cli.achyk(["build", "--content", contentB.path, "--output", referenceB.path], in: root).status == 0)
        let buildSeconds = Date().timeIntervalSince(start)
        let siteA = snapshot(referenceA), siteB = snapshot(referenceB)
        #expect(siteA != siteB)

        var generator = SeededGenerator(seed: 20261123)
        var outcomes: [String: Int] = [:]
        let output = root.appendingPathComponent("Site")
        for round in 0..<12 {
            // Start from the old site, then kill a build of the new one at a random moment of its run.
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.copyItem(at: referenceA, to: output)
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["build", "--content", contentB.path, "--output", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double(generator.next() % 1000) / 1000 * buildSeconds * 1.1
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = snapshot(output)
            let outcome = site == siteA ? "old" : site == siteB ? "new" : "broken"
            outcomes[outcome, default: 0] += 1
            #expect(outcome != "broken", "round \(round): killed after \(delay) s, the output is neither site (\(site.count) files)")
        }
        // A later build cleans up what the killed ones left behind and succeeds.
        #expect(try cli.achyk(["build", "--content", contentB.path, "--output", output.path], in: root).status == 0)
        #expect(snapshot(output) == siteB)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") || $0.contains("old") }
        #expect(leftovers.isEmpty)
        print("interrupted builds: \(outcomes), a whole build takes \(String(format: "%.2f", buildSeconds)) s")
    }
}
