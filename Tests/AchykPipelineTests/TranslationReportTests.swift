import AchykModel
import AchykPipeline
import Foundation
import Testing

/// `achyk check --translations` on a fixture where each section is translated differently.
@Suite struct TranslationReportTests {
    private func report() throws -> TranslationReport {
        let options = BuildOptions(contentFolder: Fixtures.content("translations"), theme: .builtIn, outputFolder: nil)
        let (report, diagnostics) = SiteBuilder().translationReport(options)
        #expect(diagnostics.all.isEmpty)
        return try #require(report)
    }

    @Test func eachSectionIsCountedPerLanguage() throws {
        let report = try report()
        #expect(report.count("handbook", .ky) == (1, 0, 0))
        #expect(report.count("handbook", .en) == (0, 1, 0))
        #expect(report.count("pages", .ru) == (0, 1, 0))
        #expect(report.count("pages", .en) == (1, 0, 0))
        #expect(report.count("news", .en) == (1, 0, 0))
        // The municipality's name is only in Russian.
        #expect(report.count("municipalities", .ru) == (1, 0, 0))
        #expect(report.count("municipalities", .ky) == (0, 1, 0))
        #expect(report.percentTranslated(.ky) == 50)
        #expect(report.percentTranslated(.ru) == 75)
    }

    @Test func theReportListsWhatIsLeftToTranslate() throws {
        let text = try report().text
        #expect(text.contains("handbook              1 / 0 / 0     1 / 0 / 0     0 / 1 / 0"))
        #expect(text.contains("translated            50.0 %        75.0 %        50.0 %"))
        #expect(text.contains("Not yet in en (2):\n  handbook/01-alga.ky.md (shown in ky)\n  budgets/tamchy/municipality.yaml (shown in ru)"))
        #expect(text.contains("Not yet in ru (1):\n  pages/about.en.md (shown in en)"))
        #expect(!text.contains("Missing"))
        #expect(!text.contains(" \n"))
    }
}
