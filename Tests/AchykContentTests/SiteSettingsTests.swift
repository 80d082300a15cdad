import AchykContent
import AchykModel
import Foundation
import Testing

/// A problem found before site.yaml is read must not hide what is wrong with site.yaml itself.
@Suite struct SiteSettingsTests {
    static func content(siteYAML: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-settings-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try siteYAML.write(to: content.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        try "outside".write(to: root.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        // A link out of the content folder: an error of the walk, found before site.yaml is read.
        try FileManager.default.createSymbolicLink(
            at: content.appendingPathComponent("pages/escape.en.md"), withDestinationURL: root.appendingPathComponent("outside.md"))
        return content
    }

    static func problems(siteYAML: String) throws -> [String] {
        var diagnostics = Diagnostics()
        _ = ContentLoader(contentFolder: try content(siteYAML: siteYAML)).load(reporting: &diagnostics)
        return diagnostics.sorted.map(\.description).map { $0.replacingOccurrences(of: #"\(to .*\)"#, with: "(to …)", options: .regularExpression) }
    }

    @Test func anEmptySiteYAMLIsReportedBesideEarlierErrors() throws {
        #expect(try Self.problems(siteYAML: "") == [
            "pages/escape.en.md:1: error: this link leads out of the content folder (to …); copy the file in instead",
            "site.yaml:1: error: site.yaml is empty; it needs title, base_url and languages",
        ])
    }

    @Test func emptyLanguagesAreReportedBesideEarlierErrors() throws {
        let problems = try Self.problems(siteYAML: "title: T\nbase_url: https://example.org/\nlanguages: []\n")
        #expect(problems.contains("site.yaml:3: error: 'languages' is empty; list at least one of ky, ru, en"), "\(problems)")
    }
}
