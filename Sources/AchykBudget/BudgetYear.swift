import AchykModel

/// One line of the normalized table: a code once, duplicates added together, with its labels.
public struct BudgetLine: Hashable, Sendable {
    public let code: String
    /// The name the file gives the line, if any.
    public let name: String?
    /// The file's own label in each language (`name_ky`, `name_ru`, `name_en`), if it has those columns.
    public let names: LocalizedText?
    /// In three languages: the file's label in that language, else the classification's label of the code, else
    /// the file's `name`, else the label of the nearest shorter code. Made when asked for: a label per line of a
    /// table of hundreds of thousands of lines held a dictionary each.
    public var label: LocalizedText { BudgetClassification.label(code, csvName: name, names: names) }
    /// Blank where absent (blank cells of detailed lines in a present column count as zero).
    public let amounts: BudgetAmounts
    /// The first physical line of the code in the file.
    public let line: Int
    /// No other line's code starts with this one: totals add only these.
    public let isDetailed: Bool
    public let category: CodeCategory

    public subscript(column: BudgetColumn) -> Amount? { amounts[column] }
}

/// Every `1`, `2`, `3` and `7` code of a year once, in the order of its first line, each made when asked for.
///
/// A year keeps the table's rows as read (the very same storage when no line was added to another or scaled) and a
/// byte per line saying whether totals count it: a second array of every line doubled what a large table cost.
public struct BudgetLines: RandomAccessCollection, Hashable, Sendable {
    let rows: [BudgetRow]
    let detailed: [Bool]
    /// The columns with figures: a blank among them in a detailed line counts as zero.
    let filledColumns: [BudgetColumn]

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }

    public subscript(position: Int) -> BudgetLine {
        let row = rows[position]
        return BudgetLine(
            code: row.code, name: row.name, names: row.names, amounts: amounts(position),
            line: row.line, isDetailed: detailed[position], category: CodeCategory(code: row.code))
    }

    /// A line's amount in `column` without making the line.
    func amount(_ position: Int, _ column: BudgetColumn) -> Amount? { amounts(position)[column] }

    /// A line's amounts as totals count them: blanks of a detailed line in a filled column are zero.
    private func amounts(_ position: Int) -> BudgetAmounts {
        detailed[position] ? rows[position].amounts.blanksAsZero(in: filledColumns) : rows[position].amounts
    }
}

/// The figures of one column (approved, revised or executed) of one year.
public struct ColumnFigures: Hashable, Sendable {
    public let revenue: Amount
    /// Nil when the source gives only the revenue total.
    public let ownRevenue: Amount?
    public let transfers: Amount?
    /// transfers / revenue; nil when there is no revenue.
    public let transfersShare: Double?
    public let expenditure: Amount
    /// By function code (`701`…`710`), for the functions the file has.
    public let byFunction: [String: Amount]
    public let balance: Amount
    /// Nil without that year's population.
    public let revenuePerResident: Amount?
    public let expenditurePerResident: Amount?

    /// A function's share of expenditure; nil when expenditure is zero.
    public func share(of function: String) -> Double? {
        expenditure.ratio(of: byFunction[function] ?? .zero)
    }
}

/// Executed against approved, as fractions; nil where approved is zero.
public struct ExecutionRates: Hashable, Sendable {
    public let revenue: Double?
    public let expenditure: Double?
    public let byFunction: [String: Double?]
}

/// Everything computed for one municipality and year, once, before any page is rendered.
public struct BudgetYear: Hashable, Sendable {
    public let municipality: String
    public let year: Int
    /// Relative to the content folder.
    public let path: String
    public let population: Int?
    /// Every `1`, `2`, `3` and `7` code once, in the order of its first line.
    public let lines: BudgetLines
    /// The columns with figures, in the contract's order (approved always).
    public let columns: [BudgetColumn]
    public let figures: [BudgetColumn: ColumnFigures]
    /// The functions the file has, in code order.
    public let functions: [String]
    /// Nil without executed figures (a draft year).
    public let executionRates: ExecutionRates?
    /// Every warning about this file, reader's and analysis', as printed.
    public let warnings: [Diagnostic]
    /// The unit the table was written in (its amounts here are in som).
    public let unit: BudgetUnit
    /// What the year's source does not break down.
    public let notPublished: Set<BudgetDetail>

    public var isDraft: Bool { figures[.executed] == nil }

    /// Whether the source divides spending by function (else only its total is known).
    public var hasFunctions: Bool { !notPublished.contains(.expenditureByFunction) }

    /// The figures a resident reads first: executed when known, else revised, else approved.
    public var headlineColumn: BudgetColumn {
        columns.contains(.executed) ? .executed : columns.contains(.revised) ? .revised : .approved
    }

    public var headline: ColumnFigures? { figures[headlineColumn] }

    /// The most detailed revenue lines, own revenue first, each largest first by `column`. When the source gives only
    /// the revenue total, the lines it names beneath the total ("of which").
    public func revenueLines(_ column: BudgetColumn) -> BudgetLineSelection {
        let partsToo = notPublished.contains(.revenueBySource)
        let rows = lines.rows
        // Sorted by keys made once, as positions: a copy of every selected line was a large table's peak of memory.
        var keys: [(transfers: Bool, amount: Int128, position: Int)] = []
        for position in lines.indices where rows[position].code != "1" && (lines.detailed[position] || partsToo) {
            let category = CodeCategory(code: rows[position].code)
            guard category.isRevenue else { continue }
            keys.append((category == .transfers, lines.amount(position, column)?.tyiyn ?? 0, position))
        }
        keys.sort { a, b in
            if a.transfers != b.transfers { return !a.transfers }
            if a.amount != b.amount { return a.amount > b.amount }
            return rows[a.position].code < rows[b.position].code
        }
        return BudgetLineSelection(lines: lines, positions: keys.map(\.position))
    }

    /// The most detailed economic lines (`2`, `3`), in code order.
    public var economicLines: BudgetLineSelection {
        let rows = lines.rows
        let positions = lines.indices.filter { lines.detailed[$0] && CodeCategory(code: rows[$0].code).isEconomic }
        return BudgetLineSelection(lines: lines, positions: positions.sorted { rows[$0].code < rows[$1].code })
    }
}

/// Some of a year's lines, by position, in an order of their own; each line made when asked for.
public struct BudgetLineSelection: RandomAccessCollection, Sendable {
    let lines: BudgetLines
    let positions: [Int]

    public var startIndex: Int { positions.startIndex }
    public var endIndex: Int { positions.endIndex }
    public subscript(index: Int) -> BudgetLine { lines[positions[index]] }
}

/// The same figures in the previous year's file (year − 1 exactly).
public struct YearChange: Hashable, Sendable {
    public let previous: BudgetYear
    public let current: BudgetYear

    /// The column compared: executed when both years have it, else approved.
    public var column: BudgetColumn {
        previous.figures[.executed] != nil && current.figures[.executed] != nil ? .executed : .approved
    }
}
