import AchykModel
import Foundation
import Testing

/// A budget from an .xlsx workbook builds the same site as its CSV.
@Suite struct WorkbookSiteTests {
    static let workbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbooks")

    /// The trilingual fixture with its tables replaced by a producer's workbooks.
    private func content(_ producer: String, sheet: String? = nil) throws -> URL {
        let root = Fixtures.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual"), to: root)
        let folder = root.appendingPathComponent("budgets/tamchy")
        for year in [2023, 2024] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("\(year).csv"))
            try FileManager.default.copyItem(at: Self.workbooks.appendingPathComponent("\(producer)-\(year).xlsx"), to: folder.appendingPathComponent("\(year).xlsx"))
        }
        if let sheet {
            let yaml = folder.appendingPathComponent("municipality.yaml")
            try (try String(contentsOf: yaml, encoding: .utf8) + "sheet: \"\(sheet)\"\n").write(to: yaml, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test(arguments: ["openpyxl", "libreoffice"])
    func aWorkbookGivesTheSameDataAsItsCSV(producer: String) async throws {
        let (csvReport, csvSite) = await Fixtures.build(Fixtures.content("trilingual"))
        try #require(csvReport.succeeded)
        let (report, site) = await Fixtures.build(try content(producer))
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.sorted)")
        for year in [2023, 2024] {
            let path = "data/budgets/tamchy/\(year).json"
            #expect(try Data(contentsOf: site.appendingPathComponent(path)) == Data(contentsOf: csvSite.appendingPathComponent(path)), "\(path)")
            let csv = "data/budgets/tamchy/\(year).csv"
            #expect(try Data(contentsOf: site.appendingPathComponent(csv)) == Data(contentsOf: csvSite.appendingPathComponent(csv)), "\(csv)")
        }
        #expect(Fixtures.text("en/budgets/tamchy/2023/index.html", in: site) == Fixtures.text("en/budgets/tamchy/2023/index.html", in: csvSite))
    }

    @Test func municipalityYAMLNamesTheSheet() async throws {
        let (report, _) = await Fixtures.build(try content("openpyxl", sheet: "Бюджет"))
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let (wrong, _) = await Fixtures.build(try content("openpyxl", sheet: "Budget"))
        #expect(wrong.diagnostics.sorted.map(\.description).contains(
            "budgets/tamchy/2023.xlsx:1: error: the workbook has no sheet named 'Budget' (municipality.yaml's sheet); it has 'Бюджет', 'Notes'"))
    }

    @Test func aYearWithBothACSVAndAWorkbookIsAnError() async throws {
        let root = try content("libreoffice")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual").appendingPathComponent("budgets/tamchy/2023.csv"), to: root.appendingPathComponent("budgets/tamchy/2023.csv"))
        let (report, _) = await Fixtures.build(root)
        #expect(report.diagnostics.sorted.map(\.description) == ["budgets/tamchy/2023.xlsx:1: error: two tables for 2023: budgets/tamchy/2023.csv and budgets/tamchy/2023.xlsx; keep one"])
    }
}
