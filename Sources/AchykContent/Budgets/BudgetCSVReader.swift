import AchykModel
import Foundation

/// Reads `budgets/<municipality>/<year>.csv` exactly as the content contract says: encoding and delimiter detected,
/// title lines above the header skipped, header names and aliases in three languages, amounts as spreadsheets
/// write them. Every problem of the file is reported, each at its physical line; a file with errors gives no table.
struct BudgetCSVReader {
    /// Far above any local budget (a few hundred lines), low enough that a wrong file cannot exhaust memory.
    static let maximumBytes = 32 << 20
    /// The header must be among the file's first lines.
    static let headerSearchLines = 20

    enum Field: String, CaseIterable {
        case code, name, nameKy = "name_ky", nameRu = "name_ru", nameEn = "name_en", approved, revised, executed

        /// Names accepted in the header, lowercased: English, Russian, Kyrgyz.
        var aliases: [String] {
            switch self {
            case .code: ["code", "код", "коду"]
            case .name: ["name", "наименование", "аталышы"]
            case .nameKy: ["name_ky"]
            case .nameRu: ["name_ru"]
            case .nameEn: ["name_en"]
            case .approved: ["approved", "утверждено", "план", "бекитилген"]
            case .revised: ["revised", "уточнено", "такталган"]
            case .executed: ["executed", "исполнено", "факт", "аткарылган"]
            }
        }

        var column: BudgetColumn? { BudgetColumn(rawValue: rawValue) }

        static let byAlias: [String: Field] = {
            var result: [String: Field] = [:]
            for field in allCases { for alias in field.aliases { result[alias] = field } }
            return result
        }()
    }

    let path: String
    let municipality: String
    let year: Int
    /// For a table from a workbook, its sheet: problems are then told at cells (`Sheet1!C14`), rows being lines.
    var sheet: String? = nil

    /// Where a line (or a workbook's row) is, at a column when the problem is in one cell.
    func location(_ line: Int, column: Int? = nil) -> SourceLocation {
        guard let sheet else { return SourceLocation(path, line: line) }
        return SourceLocation(path, line: line, cell: "\(sheet)!\(Self.columnName(column ?? 0))\(line)")
    }

    /// A column's name as spreadsheets write it: A…Z, AA…
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Reads the file at `url`; one too large to be a budget is refused before it is read into memory.
    func read(fileAt url: URL, reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        // The file's bytes as an array, and its `Data` let go at once: for a large table the two were 62 MB.
        switch TextDecoding.contents(of: url.path, limit: Self.maximumBytes).map({ [UInt8]($0) }) {
        case .success(let bytes):
            return read(bytes: bytes, reporting: &diagnostics)
        case .failure(.tooLarge(let size)):
            refuse(size: size, reporting: &diagnostics)
        case .failure(let problem):
            diagnostics.error(problem.message(limit: Self.maximumBytes), at: fileLocation)
        }
        return nil
    }

    private func refuse(size: Int, reporting diagnostics: inout Diagnostics) {
        diagnostics.error("the file is \(size >> 20) MB; a local budget table is far smaller, so it is not read (is this the right file? the limit is \(Self.maximumBytes >> 20) MB)", at: fileLocation)
    }

    func read(_ data: Data, reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        read(bytes: [UInt8](data), reporting: &diagnostics)
    }

    private func read(bytes: consuming [UInt8], reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        var fileDiagnostics = Diagnostics()
        let table = readTable(bytes, reporting: &fileDiagnostics)
        diagnostics.append(contentsOf: fileDiagnostics)
        return fileDiagnostics.hasErrors ? nil : table
    }

    private var fileLocation: SourceLocation { SourceLocation(path) }

    private func readTable(_ data: consuming [UInt8], reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        guard data.count <= Self.maximumBytes else {
            refuse(size: data.count, reporting: &diagnostics)
            return nil
        }
        guard let bytes = decode(data, reporting: &diagnostics) else { return nil }
        guard let header = findHeader(bytes, reporting: &diagnostics) else { return nil }
        let columns = readHeader(header.record, reporting: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }

        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: header.delimiter)
        var rows: [BudgetRow] = []
        // As many as the lines below the header, at most: an array grown by doubling held up to twice its rows.
        rows.reserveCapacity(max(0, bytes.count { $0 == 0x0A } - header.record.line + 1))
        while let record = tokenizer.next() {
            guard record.line > header.record.line else { continue }
            if let row = readRow(record, columns: columns, headerWidth: header.record.fields.count, reporting: &diagnostics) {
                rows.append(row)
            }
        }
        if case .unclosedQuote(let line)? = tokenizer.failure {
            diagnostics.error("a quoted cell opens here and is never closed (a missing '\"')", at: SourceLocation(path, line: line))
        }
        return table(header: header.record, columns: columns, rows: rows, diagnostics: diagnostics)
    }

    private func table(header: CSVRecord, columns: [Field: Int], rows: [BudgetRow], diagnostics: Diagnostics) -> BudgetTable {
        BudgetTable(
            municipality: municipality, year: year, path: path, headerLine: header.line,
            columns: Set(columns.keys.compactMap(\.column)), rows: rows, warnings: diagnostics.all.filter { $0.severity == .warning },
            sheet: sheet.map { WorkbookSheet(name: $0, codeColumn: Self.columnName(columns[.code] ?? 0)) })
    }

    /// A table from a workbook's rows (each a record whose line is its row number), under the same rules as a CSV
    /// file: the header among the first rows, every problem at its cell; a table with errors gives nil.
    func read(rows records: [CSVRecord], reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        var fileDiagnostics = Diagnostics()
        guard let header = records.first(where: { record in
            record.line <= Self.headerSearchLines
                && Set(record.fields.compactMap { Field.byAlias[Self.headerName($0)] }).isSuperset(of: [.code, .approved])
        }) else {
            diagnostics.error("no header row naming a 'code' and an 'approved' column (or код, утверждено, бекитилген…) within the first \(Self.headerSearchLines) rows", at: location(1))
            return nil
        }
        let columns = readHeader(header, reporting: &fileDiagnostics)
        var rows: [BudgetRow] = []
        if !fileDiagnostics.hasErrors {
            for record in records where record.line > header.line {
                if let row = readRow(record, columns: columns, headerWidth: header.fields.count, reporting: &fileDiagnostics) { rows.append(row) }
            }
        }
        diagnostics.append(contentsOf: fileDiagnostics)
        return fileDiagnostics.hasErrors ? nil : table(header: header, columns: columns, rows: rows, diagnostics: fileDiagnostics)
    }

    // MARK: - Encoding

    /// UTF-8 (a BOM is dropped) or, when the bytes are not UTF-8, Windows-1251; as UTF-8 bytes.
    private func decode(_ data: consuming [UInt8], reporting diagnostics: inout Diagnostics) -> [UInt8]? {
        var bytes = data
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].count { $0 == 0x0A } + 1
            diagnostics.error("the file holds a NUL byte, so it is not a CSV text (was a spreadsheet saved under a .csv name?)", at: SourceLocation(path, line: line))
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        guard let text = String(data: Data(bytes), encoding: .windowsCP1251) else {
            diagnostics.error("the file is neither UTF-8 nor Windows-1251 text; save it from the spreadsheet as CSV (UTF-8)", at: fileLocation)
            return nil
        }
        return Array(text.utf8)
    }

    // MARK: - Header

    private static let delimiters: [(byte: UInt8, name: String)] = [(0x2C, "','"), (0x3B, "';'"), (0x09, "tab")]

    /// The first line whose cells, split by one of the delimiters, name a code and an approved column.
    private func findHeader(_ bytes: [UInt8], reporting diagnostics: inout Diagnostics) -> (record: CSVRecord, delimiter: UInt8)? {
        var recordsByDelimiter: [[Int: CSVRecord]] = []
        for delimiter in Self.delimiters {
            var tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter.byte)
            var records: [Int: CSVRecord] = [:]
            while let record = tokenizer.next(), record.line <= Self.headerSearchLines { records[record.line] = record }
            recordsByDelimiter.append(records)
        }
        for line in 1...Self.headerSearchLines {
            let candidates = Self.delimiters.indices.compactMap { index -> (record: CSVRecord, delimiter: Int)? in
                guard let record = recordsByDelimiter[index][line] else { return nil }
                let fields = Set(record.fields.compactMap { Field.byAlias[Self.headerName($0)] })
                return fields.contains(.code) && fields.contains(.approved) ? (record, index) : nil
            }
            guard let widest = candidates.max(by: { $0.record.fields.count < $1.record.fields.count }) else { continue }
            let tied = candidates.filter { $0.record.fields.count == widest.record.fields.count }
            if tied.count > 1 {
                let names = tied.map { Self.delimiters[$0.delimiter].name }.joined(separator: " and ")
                diagnostics.error("the header line splits into \(widest.record.fields.count) columns by \(names) alike; use one delimiter", at: SourceLocation(path, line: line))
                return nil
            }
            return (widest.record, Self.delimiters[widest.delimiter].byte)
        }
        diagnostics.error("no header line naming a 'code' and an 'approved' column (or код, утверждено, бекитилген…) within the first \(Self.headerSearchLines) lines", at: fileLocation)
        return nil
    }

    static func headerName(_ cell: String) -> String {
        cell.trimmed.lowercased()
    }

    /// The cell index of each field; two columns for one field are an error, other columns one warning.
    private func readHeader(_ header: CSVRecord, reporting diagnostics: inout Diagnostics) -> [Field: Int] {
        var columns: [Field: Int] = [:]
        var ignored: [String] = []
        let location = self.location(header.line)
        for (index, cell) in header.fields.enumerated() {
            let name = Self.headerName(cell)
            guard !name.isEmpty else { continue }
            guard let field = Field.byAlias[name] else {
                ignored.append("'\(cell.trimmingCharacters(in: .whitespaces))'")
                continue
            }
            if let earlier = columns[field] {
                diagnostics.error("columns '\(header.fields[earlier].trimmingCharacters(in: .whitespaces))' and '\(cell.trimmingCharacters(in: .whitespaces))' both mean '\(field.rawValue)'; keep one", at: self.location(header.line, column: index))
                continue
            }
            columns[field] = index
        }
        if !ignored.isEmpty {
            let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.warning("\(ignored.count == 1 ? "column" : "columns") \(ignored.joined(separator: ", ")) \(ignored.count == 1 ? "is" : "are") not read (achyk reads \(known)); ignored", at: location)
        }
        return columns
    }

    // MARK: - Rows

    private func readRow(_ record: CSVRecord, columns: [Field: Int], headerWidth: Int, reporting diagnostics: inout Diagnostics) -> BudgetRow? {
        let location = self.location(record.line, column: columns[.code])
        func cell(_ field: Field) -> String? {
            guard let index = columns[field], index < record.fields.count else { return nil }
            return record.fields[index]
        }
        let rawCode = (cell(.code) ?? "").trimmed
        guard !rawCode.isEmpty else { return nil }
        if record.fields.count > headerWidth {
            let extra = record.fields[headerWidth...].filter { !$0.trimmed.isEmpty }
            if !extra.isEmpty {
                diagnostics.warning("\(extra.count == 1 ? "a cell" : "\(extra.count) cells") beyond the header's \(headerWidth) columns ('\(extra[extra.startIndex].trimmingCharacters(in: .whitespaces))') \(extra.count == 1 ? "is" : "are") ignored", at: self.location(record.line, column: extra.startIndex))
            }
        }
        guard let code = Self.normalizedCode(rawCode) else {
            diagnostics.warning("'\(Self.shown(rawCode))' is not a budget code (digits only); the line is left out", at: location)
            return nil
        }
        var amounts = BudgetAmounts()
        var valid = true
        for field in [Field.approved, .revised, .executed] {
            guard let column = field.column, let text = cell(field) else { continue }
            switch AmountParser.parse(text) {
            case .success(let amount):
                // At most 15 digits of som, which always fit.
                amounts.set(amount, for: column)
            case .failure(.notAnAmount):
                diagnostics.error("column '\(field.rawValue)': '\(Self.shown(text))' is not an amount", at: self.location(record.line, column: columns[field]))
                valid = false
            case .failure(.tooLarge):
                diagnostics.error("column '\(field.rawValue)': '\(Self.shown(text))' is too large for a budget amount (more than 15 digits of som)", at: self.location(record.line, column: columns[field]))
                valid = false
            }
        }
        guard valid else { return nil }
        func text(_ field: Field) -> String? {
            guard let text = cell(field)?.trimmed, !text.isEmpty else { return nil }
            return text
        }
        var names: [Language: String] = [:]
        for (language, field) in [(Language.ky, Field.nameKy), (.ru, .nameRu), (.en, .nameEn)] { names[language] = text(field) }
        return BudgetRow(line: record.line, code: code, name: text(.name), names: names.isEmpty ? nil : LocalizedText(names), amounts: amounts)
    }

    /// A cell as quoted in a message: trimmed, and cut short if it is long.
    static func shown(_ cell: String) -> String {
        let text = cell.trimmingCharacters(in: .whitespaces)
        return text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// Digits, or digits followed by `.0` as a spreadsheet writes a number; nil for anything else.
    static func normalizedCode(_ text: String) -> String? {
        var code = Substring(text)
        if code.hasSuffix(".0") { code = code.dropLast(2) }
        guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return String(code)
    }
}
