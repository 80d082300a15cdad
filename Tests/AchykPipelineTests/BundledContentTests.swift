import AchykModel
import AchykPipeline
import Foundation
import Testing

/// The site shipped in Content/ is real content: it must build without a single warning.
@Suite struct BundledContentTests {
    @Test func theBundledContentBuildsWithoutWarnings() async throws {
        let (report, site) = await Fixtures.build(Fixtures.repository.appendingPathComponent("Content"), strict: true)
        #expect(report.diagnostics.sorted.map(\.description) == [])
        let written = try #require(report.written)
        for language in [Language.ky, .ru, .en] {
            #expect((written.pagesPerLanguage[language] ?? 0) >= 10)
        }
        for page in ["about", "participate", "glossary"] {
            for language in ["ky", "ru", "en"] {
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("\(language)/\(page)/index.html").path))
            }
        }
        let cases = Fixtures.files(in: site).filter { $0.hasPrefix("en/handbook/") && $0.split(separator: "/").count == 4 }
        #expect(cases.count >= 3)
    }
}
