import AchykContent
import AchykModel
import Foundation
import Testing

/// `achyk new` writes files with every key; a new case builds as a draft, a new record lists what to fill in.
@Suite struct ScaffoldTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func contentCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-scaffold-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content"), to: folder)
        return folder
    }

    @Test func aNewCaseStudyIsADraftInEveryLanguageThatLoadsCleanly() throws {
        let folder = try contentCopy()
        let written = try Scaffold.write(try Scaffold.caseStudy("26-new-village", languages: [.ky, .ru, .en]), into: folder)
        #expect(written == ["handbook/26-new-village.ky.md", "handbook/26-new-village.ru.md", "handbook/26-new-village.en.md"])
        var diagnostics = Diagnostics()
        let loaded = ContentLoader(contentFolder: folder, includesDrafts: true).load(reporting: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.sorted)")
        let pages = loaded?.pages.filter { $0.key.stem == "26-new-village" } ?? []
        #expect(pages.count == 3)
        #expect(pages.allSatisfy { $0.frontMatter.isDraft })
        #expect(pages.allSatisfy { $0.markdown.contains("## Lessons") })
    }

    @Test func aNewPartnershipNamesEveryValueStillMissing() throws {
        let folder = try contentCopy()
        _ = try Scaffold.write([try Scaffold.partnership("insan-leilek")], into: folder)
        var diagnostics = Diagnostics()
        _ = ContentLoader(contentFolder: folder).load(reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "partnerships/insan-leilek.yaml:4: error: 'title' is empty",
            "partnerships/insan-leilek.yaml:5: error: missing required key 'oblast'",
            "partnerships/insan-leilek.yaml:9: error: 'name' is empty",
            "partnerships/insan-leilek.yaml:12: error: 'name' is empty",
            "partnerships/insan-leilek.yaml:14: error: start year '' must be a whole number from 1900 to 2100",
        ])
    }

    @Test func namesAreCheckedAndFilesNeverOverwritten() throws {
        #expect(throws: Scaffold.Failure.self) { _ = try Scaffold.caseStudy("new-village", languages: [.ky]) }
        #expect(throws: Scaffold.Failure.self) { _ = try Scaffold.partnership("Insan Leilek") }
        let folder = try contentCopy()
        #expect(throws: Scaffold.Failure.exists("handbook/01-alga.en.md")) {
            _ = try Scaffold.write(try Scaffold.caseStudy("01-alga", languages: [.en]), into: folder)
        }
    }
}
