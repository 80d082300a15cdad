/// The amount columns of a budget table, in the contract's order.
public enum BudgetColumn: String, CaseIterable, Hashable, Sendable, Comparable {
    case approved, revised, executed

    public var index: Int {
        switch self {
        case .approved: 0
        case .revised: 1
        case .executed: 2
        }
    }

    public static func < (lhs: BudgetColumn, rhs: BudgetColumn) -> Bool { lhs.index < rhs.index }
}

/// One line of a budget CSV with a budget code, as read: nothing added up or judged yet.
public struct BudgetRow: Hashable, Sendable {
    /// The physical line of the file where the record starts.
    public let line: Int
    /// Digits only.
    public let code: String
    public let name: String?
    /// The line's own label in each language (columns `name_ky`, `name_ru`, `name_en`); nil without those columns.
    public let names: LocalizedText?
    /// Blank (or missing) cells are nil.
    public let amounts: BudgetAmounts

    public init(line: Int, code: String, name: String?, names: LocalizedText? = nil, amounts: BudgetAmounts) {
        self.line = line
        self.code = code
        self.name = name
        self.names = names
        self.amounts = amounts
    }

    /// The same row with other amounts (duplicates added, a table in thousands of som).
    public func with(amounts: BudgetAmounts) -> BudgetRow {
        BudgetRow(line: line, code: code, name: name, names: names, amounts: amounts)
    }

    public subscript(column: BudgetColumn) -> Amount? { amounts[column] }
}

/// The sheet a table was read from, and the column of its codes.
public struct WorkbookSheet: Hashable, Sendable {
    public let name: String
    /// A column's letters, as a spreadsheet names it (`B`).
    public let codeColumn: String

    public init(name: String, codeColumn: String) {
        self.name = name
        self.codeColumn = codeColumn
    }
}

/// A local budget file (`budgets/<municipality>/<year>.csv`) as read.
public struct BudgetTable: Hashable, Sendable {
    public let municipality: String
    public let year: Int
    /// Relative to the content folder.
    public let path: String
    public let headerLine: Int
    /// The amount columns the header names.
    public let columns: Set<BudgetColumn>
    /// Every line with a budget code, in file order.
    public let rows: [BudgetRow]
    /// The reader's warnings about this file, which its JSON repeats.
    public let warnings: [Diagnostic]
    /// For a table read from a workbook, its sheet and the column of its codes: problems of a line are told at that
    /// cell (`Sheet1!B14`) instead of a line.
    public let sheet: WorkbookSheet?

    public init(
        municipality: String, year: Int, path: String, headerLine: Int, columns: Set<BudgetColumn>, rows: [BudgetRow],
        warnings: [Diagnostic], sheet: WorkbookSheet? = nil
    ) {
        self.sheet = sheet
        self.municipality = municipality
        self.year = year
        self.path = path
        self.headerLine = headerLine
        self.columns = columns
        self.rows = rows
        self.warnings = warnings
    }

    public var headerLocation: SourceLocation { location(line: headerLine) }

    /// Where a line of the table is: its line, or in a workbook the cell of its code.
    public func location(line: Int) -> SourceLocation {
        SourceLocation(path, line: line, cell: sheet.map { "\($0.name)!\($0.codeColumn)\(line)" })
    }
}
