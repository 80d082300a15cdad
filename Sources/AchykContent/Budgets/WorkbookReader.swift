import AchykModel
import Foundation
import SWXMLHash
import ZIPFoundation

/// Reads one sheet of an Excel workbook (`.xlsx`, Office Open XML) into rows of cell texts, which the budget reader
/// then reads as it reads a CSV file's lines.
///
/// A workbook is a zip archive of XML parts, and untrusted: the archive's size, each part's size as it is inflated
/// (whatever its header claims), the sum of all parts read, and the XML itself (no document type, so no entity can
/// expand) are bounded, and no part is ever written anywhere. The shared strings, inline strings, formulas' saved
/// values, merged cells and number formats are read here; ZIPFoundation opens the archive, SWXMLHash parses the XML.
struct WorkbookReader {
    /// The workbook file: a local budget's workbook is a few hundred kilobytes.
    static let maximumBytes = 32 << 20
    /// One XML part inflated: a zip bomb stops here, whatever its headers say. A budget's sheet is a few hundred
    /// kilobytes of XML; the parsed tree of a part takes some thirty times its size, so the limit is kept low.
    static let maximumPartBytes = 8 << 20
    /// Every part read together.
    static let maximumTotalBytes = 24 << 20
    /// The widest table read: a budget has a handful of columns, and a cell far to the right would make every row
    /// that wide.
    static let maximumColumns = 256

    /// Where the problem is: the workbook (nil) or a cell (`Sheet1!C14`), with its row.
    struct Problem: Error {
        let message: String
        var row: Int = 1
        var cell: String? = nil
    }

    /// One sheet's rows, by row number, each with its cells' texts by column.
    struct Sheet {
        let name: String
        let rows: [CSVRecord]
    }

    /// Reads the sheet named `wanted`, or the first one.
    static func read(_ url: URL, sheet wanted: String?) throws(Problem) -> Sheet {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw Problem(message: "the workbook is \(size >> 20) MB; a local budget's workbook is far smaller, so it is not read (the limit is \(maximumBytes >> 20) MB)")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw Problem(message: "the file cannot be read (no permission to read it)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Problem(message: notAWorkbook)
        }
        return try read(archive, sheet: wanted)
    }

    /// The same from the workbook's bytes (for the tests and the fuzzer), through a temporary file: they then take the
    /// path a build takes, and ZIPFoundation's in-memory archive (0.9.20) leaks its buffer when the bytes are not a zip.
    static func read(data: Data, sheet wanted: String?) throws(Problem) -> Sheet {
        guard data.count <= maximumBytes else { throw Problem(message: "the workbook is larger than \(maximumBytes >> 20) MB") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-workbook-\(UUID().uuidString).xlsx")
        guard (try? data.write(to: file)) != nil else { throw Problem(message: "could not write a temporary copy of the workbook") }
        defer { try? FileManager.default.removeItem(at: file) }
        return try read(file, sheet: wanted)
    }

    private static let notAWorkbook = "the file is not an Excel workbook (.xlsx, a zip archive of XML); save the sheet from the spreadsheet as .xlsx or as CSV"

    private static func read(_ archive: Archive, sheet wanted: String?) throws(Problem) -> Sheet {
        var parts = Parts(archive: archive)
        try parts.checkPaths()
        let workbook = try parts.xml("xl/workbook.xml")
        let relations = try parts.xml("xl/_rels/workbook.xml.rels")
        let sheets = workbook["workbook"]["sheets"]["sheet"].all.compactMap { sheet -> (name: String, relation: String)? in
            guard let name = sheet.element?.attribute(by: "name")?.text,
                let relation = sheet.element?.attribute(by: "r:id")?.text ?? sheet.element?.attribute(by: "id")?.text
            else { return nil }
            return (name, relation)
        }
        guard let first = sheets.first else { throw Problem(message: "the workbook has no sheet") }
        let chosen: (name: String, relation: String)
        if let wanted {
            guard let named = sheets.first(where: { $0.name == wanted }) else {
                throw Problem(message: "the workbook has no sheet named '\(wanted)' (municipality.yaml's sheet); it has \(sheets.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            chosen = named
        } else {
            chosen = first
        }
        guard let target = relations["Relationships"]["Relationship"].all.first(where: { $0.element?.attribute(by: "Id")?.text == chosen.relation })?
            .element?.attribute(by: "Target")?.text
        else { throw Problem(message: "the workbook does not say where its sheet '\(chosen.name)' is") }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings = parts.has("xl/sharedStrings.xml") ? try sharedStrings(parts.xml("xl/sharedStrings.xml")) : []
        let rows = try cells(of: parts.xml(sheetPath), sheet: chosen.name, strings: strings)
        return Sheet(name: chosen.name, rows: rows)
    }

    /// The shared strings: each `<si>`'s text, its runs joined, its phonetic guides left out.
    private static func sharedStrings(_ xml: XMLIndexer) -> [String] {
        xml["sst"]["si"].all.map { item in text(of: item) }
    }

    /// The text of a string item: its `<t>`, or its runs' `<t>`s.
    private static func text(of item: XMLIndexer) -> String {
        if let direct = item["t"].element { return direct.text }
        return item["r"].all.compactMap { $0["t"].element?.text }.joined()
    }

    /// Every row of a sheet, with merged cells filled in the first rows (where a header is, spanning columns or rows).
    private static func cells(of xml: XMLIndexer, sheet: String, strings: [String]) throws(Problem) -> [CSVRecord] {
        var rows: [Int: [Int: String]] = [:]
        var rowNumber = 0
        for row in xml["worksheet"]["sheetData"]["row"].all {
            rowNumber = row.element?.attribute(by: "r").flatMap { Int($0.text) } ?? rowNumber + 1
            guard rowNumber >= 1, rowNumber <= 1_048_576 else { throw Problem(message: "a row number beyond a sheet's 1,048,576 rows") }
            var column = -1
            var cells: [Int: String] = [:]
            for cell in row["c"].all {
                guard let element = cell.element else { continue }
                if let reference = element.attribute(by: "r")?.text {
                    guard let parsed = Self.reference(reference) else {
                        throw Problem(message: "the cell reference '\(reference)' is not one", row: rowNumber, cell: "\(sheet)!A\(rowNumber)")
                    }
                    column = parsed.column
                } else {
                    column += 1
                }
                let name = "\(sheet)!\(BudgetCSVReader.columnName(column))\(rowNumber)"
                guard column < maximumColumns else {
                    throw Problem(message: "a cell beyond the table's possible width (column \(BudgetCSVReader.columnName(maximumColumns - 1)), the 256th); clear it, or keep the budget on a sheet of its own", row: rowNumber, cell: name)
                }
                let type = element.attribute(by: "t")?.text ?? "n"
                let value = cell["v"].element?.text
                if cell["f"].element != nil, value == nil || (value?.isEmpty == true && type != "str") {
                    throw Problem(message: "the formula in this cell has no saved value; open the workbook in a spreadsheet, let it calculate, and save it again", row: rowNumber, cell: name)
                }
                let text: String?
                switch type {
                case "s":
                    guard let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(index) else {
                        throw Problem(message: "the cell names a shared string the workbook does not have", row: rowNumber, cell: name)
                    }
                    text = strings[index]
                case "inlineStr": text = Self.text(of: cell["is"])
                case "str", "e": text = value
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                default: text = value.map(Self.number)
                }
                if let text, !text.isEmpty { cells[column] = text }
            }
            if !cells.isEmpty { rows[rowNumber, default: [:]].merge(cells) { _, new in new } }
        }
        // A merged header cell counts in every column and row it covers, within the rows a header may be in.
        for merge in xml["worksheet"]["mergeCells"]["mergeCell"].all {
            guard let range = merge.element?.attribute(by: "ref")?.text else { continue }
            let corners = range.split(separator: ":").compactMap { Self.reference(String($0)) }
            guard corners.count == 2, let value = rows[corners[0].row]?[corners[0].column] else { continue }
            let lastRow = min(corners[1].row, BudgetCSVReader.headerSearchLines)
            guard corners[0].row <= lastRow else { continue }
            for row in corners[0].row...lastRow {
                for column in corners[0].column...min(corners[1].column, corners[0].column + 64) where rows[row]?[column] == nil {
                    rows[row, default: [:]][column] = value
                }
            }
        }
        return rows.keys.sorted().map { number in
            let cells = rows[number] ?? [:]
            let width = (cells.keys.max() ?? -1) + 1
            return CSVRecord(line: number, fields: (0..<width).map { cells[$0] ?? "" })
        }
    }

    /// `C14` as column 2 and row 14.
    static func reference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0
        var letters = 0
        var digits = Substring(text)
        for scalar in text.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
            digits = digits.dropFirst()
        }
        guard letters >= 1, letters <= 3, let row = Int(digits), row >= 1 else { return nil }
        return (column - 1, row)
    }

    /// A number as the workbook stores it (`1234.5`, `1.2345E7`, `0.30000000000000004`), as plain digits to the
    /// tyiyn, as the spreadsheet shows it: what the amount reader reads.
    static func number(_ text: String) -> String {
        guard var value = Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")) else { return text }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        var plain = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        if plain.contains("."), !plain.contains("e"), !plain.contains("E") {
            while plain.hasSuffix("0") { plain.removeLast() }
            if plain.hasSuffix(".") { plain.removeLast() }
        }
        return plain
    }

    /// The archive's parts, read with limits.
    private struct Parts {
        let archive: Archive
        var total = 0

        init(archive: Archive) {
            self.archive = archive
        }

        /// A part whose path leads out of the archive (`../x`, `/etc/x`) or is a link: such a workbook is refused whole.
        func checkPaths() throws(Problem) {
            for entry in archive {
                let path = entry.path
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                if path.hasPrefix("/") || path.hasPrefix("\\") || parts.contains("..") || path.contains("\\..") || entry.type == .symlink {
                    throw Problem(message: "the workbook holds a part '\(path.escapingControlCharacters)' outside its own folders (or a link), which no spreadsheet writes; it is not read")
                }
            }
        }

        func has(_ path: String) -> Bool { archive[path] != nil }

        /// A part as XML, with no document type (so no entity to expand).
        mutating func xml(_ path: String) throws(Problem) -> XMLIndexer {
            guard let entry = archive[path], entry.type == .file else {
                throw Problem(message: "the workbook has no part \(path); is it an Excel workbook?")
            }
            var data = Data()
            let limit = min(WorkbookReader.maximumPartBytes, WorkbookReader.maximumTotalBytes - total)
            let tooLarge = "the part \(path) inflates to more than \(limit >> 20) MB, far more than a budget needs (a zip bomb?); the workbook is not read"
            // A part that says it is larger is refused unread: a stored part's reader counts to the size it declares,
            // whatever the file holds.
            guard entry.uncompressedSize <= UInt64(limit) else { throw Problem(message: tooLarge) }
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= limit else { throw Problem(message: "") }
                    data.append(chunk)
                }
            } catch let problem as Problem {
                _ = problem
                throw Problem(message: tooLarge)
            } catch {
                throw Problem(message: "the part \(path) cannot be read (\(error)); the workbook is damaged")
            }
            total += data.count
            if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
                throw Problem(message: "the part \(path) declares a document type or entities, which spreadsheets never write; the workbook is not read")
            }
            // Spreadsheets write their parts in UTF-8. Bytes that are not make libxml2 recover in ways that Foundation's
            // XMLParser (Swift 6.3) traps on, so they are refused before it sees them.
            guard String(validating: data, as: UTF8.self) != nil else {
                throw Problem(message: "the part \(path) is not UTF-8 text, as spreadsheets write it; the workbook is damaged")
            }
            let parsed = XMLHash.config { options in
                options.detectParsingErrors = true
                options.shouldProcessNamespaces = true
            }.parse(data)
            if case .parsingError(let error) = parsed {
                throw Problem(message: "the part \(path) is not well-formed XML (\(error.description)); the workbook is damaged")
            }
            return parsed
        }
    }
}
