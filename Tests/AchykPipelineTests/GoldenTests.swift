import Foundation
import Testing

/// The whole built trilingual fixture, compared file by file with Tests/Golden/trilingual.
/// `ACHYK_RECORD_GOLDEN=1 swift test` rewrites the golden tree and fails, so that recording is never silent.
@Suite struct GoldenTests {
    @Test func theTrilingualFixtureBuildsToTheGoldenSite() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"))
        try #require(report.succeeded)
        let golden = Fixtures.golden.appendingPathComponent("trilingual")
        let built = Fixtures.files(in: site).filter { $0 != ".achyk-output" }
        if ProcessInfo.processInfo.environment["ACHYK_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: site, to: golden)
            try? FileManager.default.removeItem(at: golden.appendingPathComponent(".achyk-output"))
            Issue.record("recorded \(built.count) golden files in \(golden.path); run the tests again without ACHYK_RECORD_GOLDEN")
            return
        }
        #expect(built == Fixtures.files(in: golden), "the set of files differs from the golden site")
        for file in built {
            let expected = Fixtures.text(file, in: golden)
            let actual = Fixtures.text(file, in: site)
            guard expected != actual else { continue }
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            Issue.record("""
                \(file):\(line + 1) differs from the golden site
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end of file>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end of file>")
                """)
        }
    }
}
