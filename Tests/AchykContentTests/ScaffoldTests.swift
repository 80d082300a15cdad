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

    /// `achyk new budget`: the table's explanations stand above its header and are passed over; filled in, the
    /// table and the new municipality load cleanly.
    @Test func aNewBudgetYearListsWhatToFillInAndLoadsOnceFilled() throws {
        let folder = try contentCopy()
        let files = try Scaffold.budget("kochkor", year: 2026, in: folder)
        #expect(try Scaffold.write(files, into: folder) == ["budgets/kochkor/2026.csv", "budgets/kochkor/municipality.yaml"])
        var diagnostics = Diagnostics()
        _ = ContentLoader(contentFolder: folder, includesDrafts: false).load(reporting: &diagnostics)
        // (That the table's amounts are still blank is the budget stage's to say, after loading.)
        #expect(diagnostics.sorted.map(\.description) == [
            "budgets/kochkor/municipality.yaml:4: error: 'name' is empty",
            "budgets/kochkor/municipality.yaml:8: error: population '' must be a whole number from 1 to 100000000",
            "budgets/kochkor/municipality.yaml:11: error: 'title' is empty",
        ])
        // The editor fills it in.
        let table = folder.appendingPathComponent("budgets/kochkor/2026.csv")
        let amounts = ["1": "1000", "1111": "400", "1331": "600", "7": "1000", "701": "300", "706": "100", "709": "500", "710": "100"]
        let text = try String(contentsOf: table, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == 5, let amount = amounts[String(cells[0])] else { return String(line) }
            return "\(cells[0]),\(cells[1]),\(amount),,"
        }.joined(separator: "\n")
        try text.write(to: table, atomically: true, encoding: .utf8)
        let yaml = folder.appendingPathComponent("budgets/kochkor/municipality.yaml")
        let filled = try String(contentsOf: yaml, encoding: .utf8)
            .replacingOccurrences(of: "name: {ky: \"\", ru: \"\", en: \"\"}", with: "name: {ky: \"Кочкор\", ru: \"Кочкор\", en: \"Kochkor\"}")
            .replacingOccurrences(of: "population: {2026: }", with: "population: {2026: 12000}")
            .replacingOccurrences(of: "title: {ky: \"\", ru: \"\", en: \"\"}", with: "title: {en: \"Council resolution\"}")
            .replacingOccurrences(of: "url: \"\", ", with: "")
        try filled.write(to: yaml, atomically: true, encoding: .utf8)
        var again = Diagnostics()
        let loaded = ContentLoader(contentFolder: folder, includesDrafts: false).load(reporting: &again)
        #expect(again.all.isEmpty, "\(again.sorted)")
        let rows = loaded?.budgets.first { $0.id == "kochkor" }?.tables.first?.rows ?? []
        #expect(rows.map(\.code) == ["1", "1111", "1331", "7", "701", "706", "709", "710"])
        #expect(rows.first?.amounts[.approved] == Amount(som: 1000))
    }

    @Test func aNewBudgetNeverOverwrites() throws {
        let folder = try contentCopy()
        #expect(throws: Scaffold.Failure.self) { try Scaffold.write(try Scaffold.budget("tamchy", year: 2023, in: folder), into: folder) }
        // An existing municipality keeps its municipality.yaml: only the table is made.
        #expect(try Scaffold.budget("tamchy", year: 2030, in: folder).map(\.path) == ["budgets/tamchy/2030.csv"])
        #expect(throws: Scaffold.Failure.self) { try Scaffold.budget("Kochkor", year: 2026, in: folder) }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.budget("kochkor", year: 1200, in: folder) }
    }
}
