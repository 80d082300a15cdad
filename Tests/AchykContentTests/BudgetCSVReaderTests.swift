@testable import AchykContent
import AchykModel
import Foundation
import Testing

/// The budget CSV reader on the formats spreadsheets export (fixtures hold the real bytes) and on every error.
@Suite struct BudgetCSVReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/budget-csv")

    func read(_ data: Data, path: String = "budgets/leilek/2023.csv") -> (BudgetTable?, Diagnostics) {
        var diagnostics = Diagnostics()
        let table = BudgetCSVReader(path: path, municipality: "leilek", year: 2023).read(data, reporting: &diagnostics)
        return (table, diagnostics)
    }

    func read(_ text: String) -> (BudgetTable?, Diagnostics) { read(Data(text.utf8)) }

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func som(_ value: Int, tyiyn: Int = 0) -> Amount { Amount(tyiyn: Int128(value) * 100 + Int128(tyiyn)) }

    @Test func readsWindows1251WithSemicolonsTitleLineAndRussianHeaders() throws {
        let (table, diagnostics) = read(try fixture("cp1251-semicolon.csv"))
        let rows = try #require(table).rows
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(table?.headerLine == 2)
        #expect(table?.columns == [.approved, .executed])
        #expect(rows.map(\.code) == ["1", "111", "1331", "701", "709"])
        #expect(rows.map(\.line) == [3, 4, 5, 6, 7])
        #expect(rows[0].name == "Доходы")
        #expect(rows[0][.approved] == som(1_250_000))
        #expect(rows[0][.executed] == som(1_190_500, tyiyn: 50))
        #expect(rows[1][.executed] == som(240_000, tyiyn: 50))
        // A lone dash (here an en dash, byte 0x96) is zero.
        #expect(rows[4][.executed] == .zero)
    }

    @Test func readsUTF8WithBOMCommasAndQuotedCellsOverSeveralLines() throws {
        let (table, diagnostics) = read(try fixture("bom-comma.csv"))
        let rows = try #require(table).rows
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        #expect(table?.headerLine == 1)
        #expect(rows.map(\.code) == ["1331", "1111", "701", "709"])
        // The quoted name holds a line break, so the lines after it count it.
        #expect(rows.map(\.line) == [2, 3, 5, 6])
        #expect(rows[1].name == "Personal income tax,\ncollected locally")
        #expect(rows[0][.approved] == som(1_000_000))
        #expect(rows[1][.revised] == som(250_000, tyiyn: 50))
        #expect(rows[0][.executed] == nil)
    }

    @Test func readsTabsKyrgyzHeadersApostrophesAndParentheses() throws {
        let (table, diagnostics) = read(try fixture("tab-kyrgyz.csv"))
        let rows = try #require(table).rows
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        // The blank line and the line without a code are skipped.
        #expect(rows.map(\.code) == ["1111", "7063"])
        #expect(rows.map(\.line) == [2, 5])
        #expect(rows[0][.approved] == som(1_250_000))
        #expect(rows[1][.approved] == som(-12_500))
        #expect(rows[1][.executed] == .zero)
    }

    @Test func headerNamesAreMatchedWithoutCaseAndSpaces() throws {
        let (table, _) = read(" КОД ; Утверждено ;ФАКТ\n701;10;9\n")
        #expect(table?.columns == [.approved, .executed])
        #expect(table?.rows.first?[.executed] == som(9))
    }

    @Test func spreadsheetNumberCodesAreDigitsAndTextCodesAreLeftOut() throws {
        let (table, diagnostics) = read("code,approved\n701.0,5\nИтого,5\n")
        #expect(table?.rows.map(\.code) == ["701"])
        #expect(diagnostics.all.map(\.description) == [
            "budgets/leilek/2023.csv:3: warning: 'Итого' is not a budget code (digits only); the line is left out",
        ])
    }

    @Test func unknownColumnsAndCellsBeyondTheHeaderAreWarnings() throws {
        let (table, diagnostics) = read("code,approved,note,Comment\n701,5,x,y\n709,6,,,\n710,7,,,z\n")
        #expect(table?.rows.count == 3)
        #expect(diagnostics.sorted.map(\.description) == [
            "budgets/leilek/2023.csv:1: warning: columns 'note', 'Comment' are not read (achyk reads code, name, name_ky, name_ru, name_en, approved, revised, executed); ignored",
            "budgets/leilek/2023.csv:4: warning: a cell beyond the header's 4 columns ('z') is ignored",
        ])
    }

    @Test func everyMalformedAmountIsReportedAtOnceAndNoTableIsGiven() {
        let (table, diagnostics) = read("""
            code,name,approved,executed
            701,General,"12,3,4",5
            702,Defence,12 34,1234 567
            703,Order,1.2345,abc
            704,Economy,"1,234.567.5",99999999999999999
            """)
        #expect(table == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "budgets/leilek/2023.csv:2: error: column 'approved': '12,3,4' is not an amount",
            "budgets/leilek/2023.csv:3: error: column 'approved': '12 34' is not an amount",
            "budgets/leilek/2023.csv:3: error: column 'executed': '1234 567' is not an amount",
            "budgets/leilek/2023.csv:4: error: column 'approved': '1.2345' is not an amount",
            "budgets/leilek/2023.csv:4: error: column 'executed': 'abc' is not an amount",
            "budgets/leilek/2023.csv:5: error: column 'approved': '1,234.567.5' is not an amount",
            "budgets/leilek/2023.csv:5: error: column 'executed': '99999999999999999' is too large for a budget amount (more than 15 digits of som)",
        ])
    }

    @Test func aFileWithoutAHeaderInItsFirstTwentyLinesIsAnError() {
        let text = String(repeating: "title\n", count: 20) + "code,approved\n701,5\n"
        let (table, diagnostics) = read(text)
        #expect(table == nil)
        #expect(diagnostics.all.map(\.description) == [
            "budgets/leilek/2023.csv:1: error: no header line naming a 'code' and an 'approved' column (or код, утверждено, бекитилген…) within the first 20 lines",
        ])
        // On line 20 it is still found.
        let (found, _) = read(String(repeating: "title\n", count: 19) + "code,approved\n701,5\n")
        #expect(found?.headerLine == 20)
    }

    @Test func theDelimiterIsTheOneThatSplitsTheHeaderWidest() {
        // Split by ';' this header has code and approved in 4 cells; by ',' it has them in 3.
        let (table, _) = read("code;approved;x,y;z\n701;1,5;a;b\n")
        #expect(table?.rows.first?[.approved] == Amount(tyiyn: 150))
        // Three cells either way, each with a code and an approved column.
        let (tied, diagnostics) = read("code;approved;x,code,approved\n")
        #expect(tied == nil)
        #expect(diagnostics.all.map(\.description).first?.hasPrefix("budgets/leilek/2023.csv:1: error: the header line splits into") == true)
    }

    @Test func twoColumnsForOneFieldAreAnErrorAtTheHeader() {
        let (table, diagnostics) = read("title\ncode,approved,утверждено\n701,5,5\n")
        #expect(table == nil)
        #expect(diagnostics.all.map(\.description) == [
            "budgets/leilek/2023.csv:2: error: columns 'approved' and 'утверждено' both mean 'approved'; keep one",
        ])
    }

    @Test func anUnclosedQuoteIsAnErrorWhereItOpens() {
        let (table, diagnostics) = read("code,name,approved\n701,\"General,5\n709,Education,6\n")
        #expect(table == nil)
        #expect(diagnostics.all.map(\.description) == [
            "budgets/leilek/2023.csv:2: error: a quoted cell opens here and is never closed (a missing '\"')",
        ])
    }

    @Test func binaryAndWrongEncodingsAreErrors() {
        let (binary, binaryProblems) = read(Data([0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00]))
        #expect(binary == nil)
        #expect(binaryProblems.all.first?.description == "budgets/leilek/2023.csv:2: error: the file holds a NUL byte, so it is not a CSV text (was a spreadsheet saved under a .csv name?)")
        // Bytes that are not UTF-8 are read as Windows-1251: "Код" and "утверждено" in that encoding.
        let cp1251 = Data([0xCA, 0xEE, 0xE4, 0x3B, 0xF3, 0xF2, 0xE2, 0xE5, 0xF0, 0xE6, 0xE4, 0xE5, 0xED, 0xEE, 0x0A, 0x37, 0x30, 0x31, 0x3B, 0x35, 0x0A])
        let (table, problems) = read(cp1251)
        #expect(problems.all.isEmpty)
        #expect(table?.rows.first?[.approved] == Amount(tyiyn: 500))
    }

    @Test func anOversizedFileIsRefusedWithoutReadingIt() {
        let data = Data(count: BudgetCSVReader.maximumBytes + 1)
        let (table, diagnostics) = read(data)
        #expect(table == nil)
        #expect(diagnostics.all.first?.description.contains("is not read") == true)
    }
}
