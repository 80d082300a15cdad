import AchykModel
import AchykPipeline
import Foundation
import Testing

/// Each folder of Tests/Fixtures/invalid has one kind of defect and the exact problems achyk must report.
@Suite struct InvalidContentTests {
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.appendingPathComponent("invalid").path)) ?? []).sorted()

    @Test func everyDefectHasAFixture() {
        #expect(Set(Self.cases).isSuperset(of: [
            "malformed-front-matter", "missing-title", "unknown-oblast", "duplicate-slug", "unknown-language-suffix",
            "news-name-without-date", "news-date-mismatch", "unclosed-front-matter", "several-problems", "missing-site-settings",
        ]))
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedProblemsAndWritesNothing(defect: String) async throws {
        let fixture = Fixtures.folder.appendingPathComponent("invalid/\(defect)")
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let (report, output) = await Fixtures.build(fixture.appendingPathComponent("Content"))
        #expect(report.diagnostics.sorted.map(\.description) == expected)
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
