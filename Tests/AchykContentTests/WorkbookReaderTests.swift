import AchykModel
import Foundation
import Testing
import ZIPFoundation
@testable import AchykContent

/// Budget tables from .xlsx workbooks: two real producers' files, and hostile archives.
@Suite struct WorkbookReaderTests {
    static let workbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbooks")
    static let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/trilingual/Content/budgets/tamchy")

    private func table(_ name: String, sheet: String? = nil, year: Int = 2023) throws -> (BudgetTable?, [String]) {
        var diagnostics = Diagnostics()
        do {
            let read = try WorkbookReader.read(Self.workbooks.appendingPathComponent(name), sheet: sheet)
            let table = BudgetCSVReader(path: "budgets/tamchy/\(year).xlsx", municipality: "tamchy", year: year, sheet: read.name)
                .read(rows: read.rows, reporting: &diagnostics)
            return (table, diagnostics.sorted.map(\.description))
        } catch {
            return (nil, ["\(error.cell ?? "file"): \(error.message)"])
        }
    }

    private func csvTable(_ year: Int) throws -> BudgetTable {
        var diagnostics = Diagnostics()
        return try #require(BudgetCSVReader(path: "budgets/tamchy/\(year).csv", municipality: "tamchy", year: year)
            .read(fileAt: Self.csv.appendingPathComponent("\(year).csv"), reporting: &diagnostics))
    }

    /// openpyxl's workbook: a title row, the code header merged over two rows, Russian headers, an amount stored as
    /// text ("1 900 000"), a hidden row, a second sheet; LibreOffice's: Kyrgyz headers, a formula's saved value.
    @Test(arguments: ["openpyxl", "libreoffice"], [2023, 2024])
    func bothProducersGiveTheCSVsLines(producer: String, year: Int) throws {
        let (table, problems) = try table("\(producer)-\(year).xlsx", year: year)
        #expect(problems.isEmpty)
        let workbook = try #require(table)
        let expected = try csvTable(year)
        #expect(workbook.rows.map(\.code) == expected.rows.map(\.code))
        #expect(workbook.rows.map(\.amounts) == expected.rows.map(\.amounts))
        #expect(workbook.rows.map(\.name) == expected.rows.map(\.name))
        #expect(workbook.columns == expected.columns)
    }

    @Test func aSheetIsChosenByName() throws {
        #expect(try table("openpyxl-2023.xlsx", sheet: "Бюджет").0 != nil)
        let (missing, problems) = try table("openpyxl-2023.xlsx", sheet: "2023")
        #expect(missing == nil)
        #expect(problems == ["file: the workbook has no sheet named '2023' (municipality.yaml's sheet); it has 'Бюджет', 'Notes'"])
    }

    @Test func aFormulaWithoutItsSavedValueIsAnErrorAtItsCell() throws {
        let (table, problems) = try table("openpyxl-formula-without-value.xlsx")
        #expect(table == nil)
        #expect(problems == ["Sheet!C3: the formula in this cell has no saved value; open the workbook in a spreadsheet, let it calculate, and save it again"])
    }

    @Test func problemsInCellsAreToldAtTheCell() throws {
        let archive = try Self.archive([
            "xl/worksheets/sheet1.xml": Self.sheet("""
                <row r="2"><c r="B2" t="inlineStr"><is><t>код</t></is></c><c r="C2" t="inlineStr"><is><t>утверждено</t></is></c></row>
                <row r="3"><c r="B3"><v>1111</v></c><c r="C3" t="inlineStr"><is><t>много</t></is></c></row>
                <row r="4"><c r="B4"><v>7011</v></c><c r="C4" t="e"><v>#DIV/0!</v></c></row>
                """),
        ])
        let read = try WorkbookReader.read(data: archive, sheet: nil)
        var diagnostics = Diagnostics()
        #expect(BudgetCSVReader(path: "budgets/x/2025.xlsx", municipality: "x", year: 2025, sheet: read.name).read(rows: read.rows, reporting: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "budgets/x/2025.xlsx:Лист1!C3: error: column 'approved': 'много' is not an amount",
            "budgets/x/2025.xlsx:Лист1!C4: error: column 'approved': '#DIV/0!' is not an amount",
        ])
    }

    // MARK: - Hostile workbooks

    @Test func aZipBombIsRefusedWithoutInflatingIt() throws {
        let size = WorkbookReader.maximumPartBytes + (1 << 20)
        let data = try Self.archive(["xl/workbook.xml": Data(count: 0)], generated: ("xl/workbook.xml", size))
        #expect(data.count < 1 << 20)
        #expect(throws: WorkbookReader.Problem.self) { try WorkbookReader.read(data: data, sheet: nil) }
        do {
            _ = try WorkbookReader.read(data: data, sheet: nil)
        } catch {
            #expect(error.message == "the part xl/workbook.xml inflates to more than 8 MB, far more than a budget needs (a zip bomb?); the workbook is not read")
        }
    }

    /// A cell far to the right would make every row that wide: it is refused at the cell.
    @Test func aCellBeyondTheWidestTableIsRefused() throws {
        let data = try Self.archive(["xl/worksheets/sheet1.xml": Self.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row><row r="9000"><c r="XFD9000"><v>1</v></c></row>"#)])
        do {
            _ = try WorkbookReader.read(data: data, sheet: nil)
            Issue.record("read a cell in column XFD")
        } catch {
            #expect(error.cell == "Лист1!XFD9000")
        }
    }

    @Test(arguments: ["../evil.xml", "/etc/evil.xml", "xl/../../evil.xml"])
    func aPartOutsideTheArchiveRefusesTheWorkbook(path: String) throws {
        let data = try Self.archive([path: Data("x".utf8)])
        do {
            _ = try WorkbookReader.read(data: data, sheet: nil)
            Issue.record("read a workbook holding \(path)")
        } catch {
            #expect(error.message.hasPrefix("the workbook holds a part '\(path)' outside its own folders"))
        }
    }

    @Test func entitiesAreRefusedBeforeTheyExpand() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&d;&d;&d;&d;</t></si></sst>
            """
        let data = try Self.archive(["xl/sharedStrings.xml": Data(laughs.utf8)])
        do {
            _ = try WorkbookReader.read(data: data, sheet: nil)
            Issue.record("read a workbook with entities")
        } catch {
            #expect(error.message == "the part xl/sharedStrings.xml declares a document type or entities, which spreadsheets never write; the workbook is not read")
        }
    }

    /// Found by the fuzzer: a shared string with bytes that are not UTF-8 before a `<` made Foundation's XML parser
    /// trap (Tests/Fixtures/fuzz/workbook/crash-27596a6a…).
    @Test func aPartThatIsNotUTF8IsRefusedBeforeParsing() throws {
        var strings = Data(#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>1e"#.utf8)
        strings.append(contentsOf: [0xB5, 0x6C, 0x65, 0xD0])
        strings.append(contentsOf: Data("<n</t></si></sst>".utf8))
        let data = try Self.archive(["xl/sharedStrings.xml": strings])
        do {
            _ = try WorkbookReader.read(data: data, sheet: nil)
            Issue.record("read a part that is not UTF-8")
        } catch {
            #expect(error.message == "the part xl/sharedStrings.xml is not UTF-8 text, as spreadsheets write it; the workbook is damaged")
        }
    }

    @Test func aFileThatIsNoWorkbookIsSaidToBeNone() {
        for data in [Data("code,approved\n1,2\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 0x00])] {
            #expect(throws: WorkbookReader.Problem.self) { try WorkbookReader.read(data: data, sheet: nil) }
        }
    }

    @Test func numbersAreTakenToTheTyiyn() {
        #expect(WorkbookReader.number("1.2345E7") == "12345000")
        #expect(WorkbookReader.number("0.30000000000000004") == "0.3")
        #expect(WorkbookReader.number("1234.5") == "1234.5")
        #expect(WorkbookReader.number("-12.345") == "-12.35")
        #expect(WorkbookReader.number("7000000") == "7000000")
    }

    @Test func cellReferencesAndColumnNames() {
        #expect([0, 25, 26, 701, 702].map(BudgetCSVReader.columnName) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(WorkbookReader.reference("AB12")?.column == 27 && WorkbookReader.reference("AB12")?.row == 12)
        #expect(WorkbookReader.reference("12") == nil && WorkbookReader.reference("A0") == nil && WorkbookReader.reference("ABCD1") == nil)
    }

    // MARK: - Making workbooks

    static func sheet(_ rows: String) -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
            """.utf8)
    }

    /// A minimal workbook with one sheet, `Лист1`, and the given parts (which replace the defaults); `generated`
    /// adds a part of that many spaces, written as a stream (a zip bomb's part).
    static func archive(_ parts: [String: Data], generated: (path: String, size: Int)? = nil) throws -> Data {
        var all: [String: Data] = [
            "xl/workbook.xml": Data("""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8),
            "xl/_rels/workbook.xml.rels": Data("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """.utf8),
            "xl/worksheets/sheet1.xml": sheet(""),
        ]
        for (path, data) in parts { all[path] = data }
        if let generated { all.removeValue(forKey: generated.path) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in all.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        if let generated {
            let chunk = Data(repeating: 0x20, count: 1 << 16)
            try archive.addEntry(with: generated.path, type: .file, uncompressedSize: Int64(generated.size), compressionMethod: .deflate) { _, size in
                chunk.prefix(size)
            }
        }
        return try #require(archive.data)
    }
}
