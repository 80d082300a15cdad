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
        let rows = mergeDuplicates(table, unit: unit, reporting: &problems)
        var detailed = markDetailed(rows)
        markTotalsOnly(rows, &detailed, notPublished: notPublished, in: table, reporting: &problems)
        let columns = presentColumns(table, rows: rows, detailed: detailed, reporting: &problems)
        // Blank cells of detailed lines count as zero in a present column: the lines say so when they are made.
        let lines = BudgetLines(rows: rows, detailed: detailed, filledColumns: columns)
        checkUnknownFunctions(lines, table: table, notPublished: notPublished, reporting: &problems)
        checkSubtotals(lines, columns: columns, table: table, reporting: &problems)
        checkEconomicView(lines, columns: columns, notPublished: notPublished, at: table.headerLocation, reporting: &problems)

        diagnostics.append(contentsOf: problems)
        guard !problems.hasErrors else { return nil }
        var figures: [BudgetColumn: ColumnFigures] = [:]
        for column in columns { figures[column] = Self.figures(lines, column: column, population: population, notPublished: notPublished) }
        let present = Set(lines.indices.lazy.filter { lines.detailed[$0] }.compactMap { Self.function(of: lines.rows[$0].code) })
        let functions = BudgetClassification.functionCodes.filter(present.contains)
        return BudgetYear(
            municipality: table.municipality, year: table.year, path: table.path, population: population, lines: lines,
            columns: columns, figures: figures, functions: functions,
            executionRates: Self.executionRates(figures, functions: functions),
            warnings: Diagnostics(table.warnings + problems.all).sorted, unit: unit, notPublished: notPublished)
    }

    /// The function (`701`…`710`) a code is under, if any.
    static func function(of code: String) -> String? {
        if case .function(let function) = CodeCategory(code: code) { function } else { nil }
    }

    // MARK: - Lines

    /// Budget codes once each, in the order of their first line; a repeated code is added to the first. Amounts in
    /// som: a table in thousands is multiplied.
    private func mergeDuplicates(_ table: BudgetTable, unit: BudgetUnit, reporting diagnostics: inout Diagnostics) -> [BudgetRow] {
        // Most tables have neither duplicates nor other codes, and are in som: then the rows are the lines as they
        // are, the very storage the table read.
        let sortedCodes = table.rows.map(\.code).sorted()
        if unit == .som, zip(sortedCodes, sortedCodes.dropFirst()).allSatisfy({ $0 != $1 }),
           table.rows.allSatisfy({ CodeCategory(code: $0.code).isBudgetCode }) {
            return table.rows
        }
        var rows: [BudgetRow] = []
        var index: [String: Int] = [:]
        for tableRow in table.rows {
            let location = table.location(line: tableRow.line)
            guard CodeCategory(code: tableRow.code).isBudgetCode else {
                diagnostics.warning("code \(tableRow.code) is not a revenue (1…), economic (2…, 3…) or functional (7…) code; the line is left out of every total", at: location)
                continue
            }
            guard let scaled = tableRow.amounts.scaled(by: unit.factor) else {
                diagnostics.error("an amount of code \(tableRow.code) is too large for a budget once multiplied by \(unit.factor) (municipality.yaml: unit: \(unit.rawValue))", at: location)
                continue
            }
            let row = tableRow.with(amounts: scaled)
            guard let earlier = index[row.code] else {
                index[row.code] = rows.count
                rows.append(row)
                continue
            }
            let first = rows[earlier]
            diagnostics.warning("code \(row.code) appears again (first on line \(first.line)); the two lines are added together", at: location)
            guard let sum = first.amounts.adding(row.amounts) else {
                diagnostics.error("the lines of code \(row.code) add up to more than any budget holds", at: location)
                continue
            }
            rows[earlier] = BudgetRow(line: first.line, code: first.code, name: first.name ?? row.name, names: first.names ?? row.names, amounts: sum)
        }
        return rows
    }

    /// A line whose code is a proper prefix of another line's code is a subtotal; the others are detailed.
    private func markDetailed(_ rows: [BudgetRow]) -> [Bool] {
        let sorted = rows.map(\.code).sorted()
        var subtotals = Set<String>()
        // In sorted order, the codes that extend a code come right after it.
        for (code, next) in zip(sorted, sorted.dropFirst()) where next.hasPrefix(code) { subtotals.insert(code) }
        return rows.map { !subtotals.contains($0.code) }
    }

    /// Where the source gives only a total, the total's line (`1` or `7`) is the one counted and the lines beneath it
    /// are what the source names "of which": shown, never added, never checked against the total.
    private func markTotalsOnly(
        _ rows: [BudgetRow], _ detailed: inout [Bool], notPublished: Set<BudgetDetail>, in table: BudgetTable, reporting diagnostics: inout Diagnostics
    ) {
        for (detail, total) in [(BudgetDetail.revenueBySource, "1"), (.expenditureByFunction, "7")] where notPublished.contains(detail) {
            guard rows.contains(where: { $0.code == total }) else {
                let what = detail == .revenueBySource ? "revenue" : "expenditure"
                diagnostics.error("municipality.yaml says the source of \(table.year) gives only the \(what) total (not_published: \(detail.rawValue)); write that total on a line with code \(total)", at: table.headerLocation)
                continue
            }
            for index in rows.indices where rows[index].code.hasPrefix(total) { detailed[index] = rows[index].code == total }
        }
    }

    /// The header's columns that have figures in the detailed lines; blanks among figures are warned one by one.
    private func presentColumns(_ table: BudgetTable, rows: [BudgetRow], detailed: [Bool], reporting diagnostics: inout Diagnostics) -> [BudgetColumn] {
        var present: [BudgetColumn] = []
        let detailedCount = detailed.count(where: { $0 })
        for column in BudgetColumn.allCases where table.columns.contains(column) {
            // Positions, not copies of the lines.
            let blanks = rows.indices.filter { detailed[$0] && rows[$0].amounts[column] == nil }
            if blanks.count == detailedCount {
                if column == .approved {
                    diagnostics.error("column 'approved' is blank in every line with a budget code; the approved amounts are required", at: table.headerLocation)
                }
                continue
            }
            present.append(column)
            for index in blanks {
                diagnostics.warning("column '\(column.rawValue)' is blank for code \(rows[index].code); counted as zero", at: table.location(line: rows[index].line))
            }
        }
        return present
    }

    private func checkUnknownFunctions(_ lines: BudgetLines, table: BudgetTable, notPublished: Set<BudgetDetail>, reporting diagnostics: inout Diagnostics) {
        for index in lines.indices where lines.detailed[index] {
            let row = lines.rows[index]
            guard CodeCategory(code: row.code) == .unknownFunction, !Self.isExpenditureTotal(row.code, notPublished) else { continue }
            diagnostics.warning("code \(row.code) is not under one of the ten functions 701–710; the line is left out of the expenditure total", at: table.location(line: row.line))
        }
    }

    /// Each subtotal against the sum of the detailed lines beneath it.
    private func checkSubtotals(_ lines: BudgetLines, columns: [BudgetColumn], table: BudgetTable, reporting diagnostics: inout Diagnostics) {
        // Positions rather than copies of the lines: a copy of each was a tenth of a large table's memory.
        let rows = lines.rows
        let order = lines.indices.filter { lines.detailed[$0] }.sorted { rows[$0].code < rows[$1].code }
        let codes = order.map { rows[$0].code }
        for column in columns {
            // Running sums, so that the lines beneath any code are one subtraction away.
            var running: [Amount] = [.zero]
            running.reserveCapacity(order.count + 1)
            for index in order { running.append(running[running.count - 1] + (rows[index].amounts[column] ?? .zero)) }
            for index in lines.indices where !lines.detailed[index] {
                let line = rows[index]
                guard let stated = line.amounts[column] else { continue }
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
        _ lines: BudgetLines, columns: [BudgetColumn], notPublished: Set<BudgetDetail>, at location: SourceLocation, reporting diagnostics: inout Diagnostics
    ) {
        // One pass over the positions: three filtered copies of the lines were the peak of a large table's memory.
        let detailed = lines.indices.filter { lines.detailed[$0] }
        guard detailed.contains(where: { CodeCategory(code: lines.rows[$0].code).isEconomic }) else { return }
        for column in columns {
            var economic = Amount.zero, functional = Amount.zero
            for index in detailed {
                let code = lines.rows[index].code
                let category = CodeCategory(code: code)
                if category.isEconomic {
                    economic += lines.amount(index, column) ?? .zero
                } else if category.isFunction || Self.isExpenditureTotal(code, notPublished) {
                    functional += lines.amount(index, column) ?? .zero
                }
            }
            if (economic - functional).magnitude > Self.tolerance {
                diagnostics.warning("'\(column.rawValue)': the economic lines (2…, 3…) add up to \(economic) but the functional lines (7…) to \(functional)", at: location)
            }
        }
    }

    // MARK: - Figures

    /// The line `7` of a table whose source gives only the expenditure total.
    static func isExpenditureTotal(_ code: String, _ notPublished: Set<BudgetDetail>) -> Bool {
        code == "7" && notPublished.contains(.expenditureByFunction)
    }

    static func figures(_ lines: BudgetLines, column: BudgetColumn, population: Int?, notPublished: Set<BudgetDetail> = []) -> ColumnFigures {
        var revenue = Amount.zero, transfers = Amount.zero, expenditure = Amount.zero
        var byFunction: [String: Amount] = [:]
        for index in lines.indices where lines.detailed[index] {
            let code = lines.rows[index].code
            let amount = lines.amount(index, column) ?? .zero
            switch CodeCategory(code: code) {
            case .ownRevenue: revenue += amount
            case .transfers:
                revenue += amount
                transfers += amount
            case .function(let function):
                expenditure += amount
                byFunction[function, default: .zero] += amount
            case .unknownFunction where isExpenditureTotal(code, notPublished): expenditure += amount
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
