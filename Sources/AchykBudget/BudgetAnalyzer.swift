import AchykModel

/// Turns a table as read into a year's figures, checking what the contract asks: duplicate codes, unknown codes,
/// blank cells, subtotals against the lines beneath them, and the economic view against the functional one.
public struct BudgetAnalyzer: Sendable {
    /// Differences up to one som are rounding in the source, not mistakes.
    static let tolerance = Amount(tyiyn: 100)

    public init() {}

    /// The year's figures; nil when the table has an error (reported). `source` gives the table's unit and what it
    /// does not break down.
    public func analyze(_ table: BudgetTable, population: Int?, source: BudgetSource? = nil, reporting diagnostics: inout Diagnostics) -> BudgetYear? {
        var problems = Diagnostics()
        let unit = source?.unit ?? .som
        let notPublished = source?.notPublished ?? []
        let rows = unit == .som ? table.rows : table.rows.map { $0.scaled(by: unit.factor) }
        let merged = mergeDuplicates(rows, in: table, reporting: &problems)
        var filled = markTotalsOnly(markDetailed(merged), notPublished: notPublished, in: table, reporting: &problems)
        let columns = presentColumns(table, lines: filled, reporting: &problems)
        // Blank cells of detailed lines count as zero in a present column. In place: a table of hundreds of thousands
        // of lines held a second array of them.
        for index in filled.indices where filled[index].isDetailed && columns.contains(where: { filled[index][$0] == nil }) {
            let line = filled[index]
            var amounts = line.amounts
            for column in columns where amounts[column.index] == nil { amounts[column.index] = .zero }
            filled[index] = line.with(amounts: amounts, isDetailed: true)
        }
        checkUnknownFunctions(filled, table: table, notPublished: notPublished, reporting: &problems)
        checkSubtotals(filled, columns: columns, table: table, reporting: &problems)
        checkEconomicView(filled, columns: columns, notPublished: notPublished, at: table.headerLocation, reporting: &problems)

        diagnostics.append(contentsOf: problems)
        guard !problems.hasErrors else { return nil }
        var figures: [BudgetColumn: ColumnFigures] = [:]
        for column in columns { figures[column] = Self.figures(filled, column: column, population: population, notPublished: notPublished) }
        let functions = BudgetClassification.functionCodes.filter { code in filled.contains { $0.isDetailed && $0.category == .function(code) } }
        return BudgetYear(
            municipality: table.municipality, year: table.year, path: table.path, population: population, lines: filled,
            columns: columns, figures: figures, functions: functions,
            executionRates: Self.executionRates(figures, functions: functions),
            warnings: Diagnostics(table.warnings + problems.all).sorted, unit: unit, notPublished: notPublished)
    }

    // MARK: - Lines

    /// Budget codes once each, in the order of their first line; a repeated code is added to the first.
    private func mergeDuplicates(_ tableRows: [BudgetRow], in table: BudgetTable, reporting diagnostics: inout Diagnostics) -> [BudgetRow] {
        // Most tables have neither: then the rows are the lines as they are, without a copy of them.
        let sortedCodes = tableRows.map(\.code).sorted()
        if zip(sortedCodes, sortedCodes.dropFirst()).allSatisfy({ $0 != $1 }), tableRows.allSatisfy({ CodeCategory(code: $0.code).isBudgetCode }) {
            return tableRows
        }
        var rows: [BudgetRow] = []
        var index: [String: Int] = [:]
        for row in tableRows {
            let location = table.location(line: row.line)
            guard CodeCategory(code: row.code).isBudgetCode else {
                diagnostics.warning("code \(row.code) is not a revenue (1…), economic (2…, 3…) or functional (7…) code; the line is left out of every total", at: location)
                continue
            }
            guard let earlier = index[row.code] else {
                index[row.code] = rows.count
                rows.append(row)
                continue
            }
            let first = rows[earlier]
            diagnostics.warning("code \(row.code) appears again (first on line \(first.line)); the two lines are added together", at: location)
            let amounts = zip(first.amounts, row.amounts).map { a, b -> Amount? in
                a == nil && b == nil ? nil : (a ?? .zero) + (b ?? .zero)
            }
            rows[earlier] = BudgetRow(line: first.line, code: first.code, name: first.name ?? row.name, names: first.names ?? row.names, amounts: amounts)
        }
        return rows
    }

    /// A line whose code is a proper prefix of another line's code is a subtotal; the others are detailed.
    private func markDetailed(_ rows: [BudgetRow]) -> [BudgetLine] {
        let sorted = rows.map(\.code).sorted()
        var subtotals = Set<String>()
        // In sorted order, the codes that extend a code come right after it.
        for (code, next) in zip(sorted, sorted.dropFirst()) where next.hasPrefix(code) { subtotals.insert(code) }
        return rows.map { row in
            BudgetLine(
                code: row.code, name: row.name, names: row.names, amounts: row.amounts,
                line: row.line, isDetailed: !subtotals.contains(row.code), category: CodeCategory(code: row.code))
        }
    }

    /// Where the source gives only a total, the total's line (`1` or `7`) is the one counted and the lines beneath it
    /// are what the source names "of which": shown, never added, never checked against the total.
    private func markTotalsOnly(
        _ lines: [BudgetLine], notPublished: Set<BudgetDetail>, in table: BudgetTable, reporting diagnostics: inout Diagnostics
    ) -> [BudgetLine] {
        guard !notPublished.isEmpty else { return lines }
        var result = lines
        for (detail, total) in [(BudgetDetail.revenueBySource, "1"), (.expenditureByFunction, "7")] where notPublished.contains(detail) {
            guard lines.contains(where: { $0.code == total }) else {
                let what = detail == .revenueBySource ? "revenue" : "expenditure"
                diagnostics.error("municipality.yaml says the source of \(table.year) gives only the \(what) total (not_published: \(detail.rawValue)); write that total on a line with code \(total)", at: table.headerLocation)
                continue
            }
            result = result.map { line in
                guard line.code.hasPrefix(total) else { return line }
                return line.with(isDetailed: line.code == total)
            }
        }
        return result
    }

    /// The header's columns that have figures in the detailed lines; blanks among figures are warned one by one.
    private func presentColumns(_ table: BudgetTable, lines: [BudgetLine], reporting diagnostics: inout Diagnostics) -> [BudgetColumn] {
        var present: [BudgetColumn] = []
        let detailedCount = lines.count(where: \.isDetailed)
        for column in BudgetColumn.allCases where table.columns.contains(column) {
            let blanks = lines.filter { $0.isDetailed && $0[column] == nil }
            if blanks.count == detailedCount {
                if column == .approved {
                    diagnostics.error("column 'approved' is blank in every line with a budget code; the approved amounts are required", at: table.headerLocation)
                }
                continue
            }
            present.append(column)
            for line in blanks {
                diagnostics.warning("column '\(column.rawValue)' is blank for code \(line.code); counted as zero", at: table.location(line: line.line))
            }
        }
        return present
    }

    private func checkUnknownFunctions(_ lines: [BudgetLine], table: BudgetTable, notPublished: Set<BudgetDetail>, reporting diagnostics: inout Diagnostics) {
        for line in lines where line.isDetailed && line.category == .unknownFunction && !Self.isExpenditureTotal(line, notPublished) {
            diagnostics.warning("code \(line.code) is not under one of the ten functions 701–710; the line is left out of the expenditure total", at: table.location(line: line.line))
        }
    }

    /// Each subtotal against the sum of the detailed lines beneath it.
    private func checkSubtotals(_ lines: [BudgetLine], columns: [BudgetColumn], table: BudgetTable, reporting diagnostics: inout Diagnostics) {
        // Positions rather than copies of the lines: a copy of each was a tenth of a large table's memory.
        let order = lines.indices.filter { lines[$0].isDetailed }.sorted { lines[$0].code < lines[$1].code }
        let codes = order.map { lines[$0].code }
        for column in columns {
            // Running sums, so that the lines beneath any code are one subtraction away.
            var running: [Amount] = [.zero]
            running.reserveCapacity(order.count + 1)
            for index in order { running.append(running[running.count - 1] + (lines[index][column] ?? .zero)) }
            for line in lines where !line.isDetailed {
                guard let stated = line[column] else { continue }
                let lower = Self.lowerBound(codes, line.code)
                // Digits sort before ':', so every code starting with this one sorts before `code:`.
                let upper = Self.lowerBound(codes, line.code + ":")
                // Nothing counted beneath: a part of a total the source gives alone.
                guard upper > lower else { continue }
                let sum = running[upper] - running[lower]
                if (stated - sum).magnitude > Self.tolerance {
                    diagnostics.warning("subtotal \(line.code) '\(column.rawValue)' is \(stated) but the lines under it add up to \(sum)", at: table.location(line: line.line))
                }
            }
        }
    }

    private static func lowerBound(_ codes: [String], _ code: String) -> Int {
        var low = 0, high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The economic lines (2, 3) describe the same spending as the functional lines (701–710); an unknown 7 code is
    /// left out here as it is of every total, so the figure named equals the page's expenditure.
    private func checkEconomicView(
        _ lines: [BudgetLine], columns: [BudgetColumn], notPublished: Set<BudgetDetail>, at location: SourceLocation, reporting diagnostics: inout Diagnostics
    ) {
        let detailed = lines.filter(\.isDetailed)
        guard detailed.contains(where: \.category.isEconomic) else { return }
        for column in columns {
            let economic = detailed.filter(\.category.isEconomic).reduce(Amount.zero) { $0 + ($1[column] ?? .zero) }
            let functional = detailed.filter { $0.category.isFunction || Self.isExpenditureTotal($0, notPublished) }
                .reduce(Amount.zero) { $0 + ($1[column] ?? .zero) }
            if (economic - functional).magnitude > Self.tolerance {
                diagnostics.warning("'\(column.rawValue)': the economic lines (2…, 3…) add up to \(economic) but the functional lines (7…) to \(functional)", at: location)
            }
        }
    }

    // MARK: - Figures

    /// The line `7` of a table whose source gives only the expenditure total.
    static func isExpenditureTotal(_ line: BudgetLine, _ notPublished: Set<BudgetDetail>) -> Bool {
        line.code == "7" && notPublished.contains(.expenditureByFunction)
    }

    static func figures(_ lines: [BudgetLine], column: BudgetColumn, population: Int?, notPublished: Set<BudgetDetail> = []) -> ColumnFigures {
        var revenue = Amount.zero, transfers = Amount.zero, expenditure = Amount.zero
        var byFunction: [String: Amount] = [:]
        for line in lines where line.isDetailed {
            let amount = line[column] ?? .zero
            switch line.category {
            case .ownRevenue: revenue += amount
            case .transfers:
                revenue += amount
                transfers += amount
            case .function(let function):
                expenditure += amount
                byFunction[function, default: .zero] += amount
            case .unknownFunction where isExpenditureTotal(line, notPublished): expenditure += amount
            case .economicExpense, .capital, .unknownFunction, .unknown: break
            }
        }
        let bySource = !notPublished.contains(.revenueBySource)
        return ColumnFigures(
            revenue: revenue, ownRevenue: bySource ? revenue - transfers : nil, transfers: bySource ? transfers : nil,
            transfersShare: bySource ? revenue.ratio(of: transfers) : nil,
            expenditure: expenditure, byFunction: byFunction, balance: revenue - expenditure,
            revenuePerResident: population.flatMap { revenue.divided(by: $0) },
            expenditurePerResident: population.flatMap { expenditure.divided(by: $0) })
    }

    static func executionRates(_ figures: [BudgetColumn: ColumnFigures], functions: [String]) -> ExecutionRates? {
        guard let approved = figures[.approved], let executed = figures[.executed] else { return nil }
        var byFunction: [String: Double?] = [:]
        for function in functions {
            byFunction[function] = (approved.byFunction[function] ?? .zero).ratio(of: executed.byFunction[function] ?? .zero)
        }
        return ExecutionRates(
            revenue: approved.revenue.ratio(of: executed.revenue), expenditure: approved.expenditure.ratio(of: executed.expenditure),
            byFunction: byFunction)
    }
}
