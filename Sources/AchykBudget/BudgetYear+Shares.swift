import AchykModel

// Shares, differences and amounts per resident that the pages show: computed here, so that rendering only
// formats figures and never does arithmetic on money.

extension ColumnFigures {
    /// An amount's share of revenue; nil when revenue is zero.
    public func revenueShare(of amount: Amount) -> Double? {
        revenue.ratio(of: amount)
    }

    /// A function's spending for each resident, rounded to the tyiyn; nil without a population.
    public func perResident(function: String, population: Int) -> Amount? {
        (byFunction[function] ?? .zero).divided(by: population)
    }
}

extension BudgetYear {
    /// The economic lines of a column, the largest first, each with its amount and its share of their total.
    public func economicBreakdown(_ column: BudgetColumn) -> [(line: BudgetLine, amount: Amount, share: Double?)] {
        let sorted = economicLines.sorted { ($0[column] ?? .zero) > ($1[column] ?? .zero) }
        let total = sorted.reduce(Amount.zero) { $0 + ($1[column] ?? .zero) }
        return sorted.map { line in
            let amount = line[column] ?? .zero
            return (line, amount, total.ratio(of: amount))
        }
    }
}

/// The difference between two amounts as the pages show it: its size, its direction and its share of the first.
public struct AmountChange: Hashable, Sendable {
    public let difference: Amount
    /// The difference's size as a share of the amount before; nil when that was zero.
    public let relative: Double?

    public init(from before: Amount, to after: Amount) {
        difference = after - before
        relative = before.ratio(of: difference.magnitude)
    }

    public var isNegative: Bool { difference.isNegative }
    public var magnitude: Amount { difference.magnitude }
}

/// A chart of a citizen-budget page, which is also written beside the page as an SVG file of its own.
public enum BudgetChart: String, CaseIterable, Sendable {
    case revenue, functions, perResident = "per-resident", plan, change, economic
}

extension MunicipalityFigures {
    /// The charts a year's page has: those whose figures exist (per resident needs a population, plan and
    /// reality needs executed figures, the change needs the year before, what money buys needs economic lines).
    public func charts(of year: BudgetYear) -> [BudgetChart] {
        guard let figures = year.headline else { return [] }
        var charts: [BudgetChart] = []
        if figures.ownRevenue != nil { charts.append(.revenue) }
        // Without the functions there is nothing to chart by purpose: the page gives the totals in words and tables.
        guard year.hasFunctions else { return charts + (year.economicLines.isEmpty ? [] : [.economic]) }
        charts.append(.functions)
        if year.population != nil, figures.expenditurePerResident != nil { charts.append(.perResident) }
        if year.figures[.approved] != nil, year.figures[.executed] != nil, year.executionRates != nil { charts.append(.plan) }
        if let change = change(for: year), change.previous.hasFunctions, change.previous.figures[change.column] != nil,
            change.current.figures[change.column] != nil {
            charts.append(.change)
        }
        if !year.economicLines.isEmpty { charts.append(.economic) }
        return charts
    }
}

/// Lines as a chart or table shows them: at most a number of them, the largest, in their order; the rest summed.
public struct CappedLines: Sendable {
    public let shown: [BudgetLine]
    /// The lines left out and their sum; nil when every line is shown.
    public let others: (count: Int, amount: Amount)?

    /// The `limit` largest of `lines` in `column`, kept in the order given. A real local budget has a few dozen
    /// lines; a file of hundreds of thousands would make a chart nobody can read and a page of hundreds of megabytes.
    public init<Lines: RandomAccessCollection<BudgetLine>>(_ lines: Lines, column: BudgetColumn, limit: Int) where Lines.Index == Int {
        guard lines.count > limit else {
            shown = Array(lines)
            others = nil
            return
        }
        // One pass keeping the largest so far, largest first (an earlier line first among equals), and the sum of
        // all: sorting every line made each line many times over.
        var largest: [(amount: Amount, index: Int)] = []
        largest.reserveCapacity(limit + 1)
        var total = Amount.zero
        for index in lines.indices {
            let amount = lines[index][column] ?? .zero
            total += amount
            guard largest.count < limit || amount > largest[largest.count - 1].amount else { continue }
            let at = largest.firstIndex { amount > $0.amount } ?? largest.count
            largest.insert((amount, index), at: at)
            if largest.count > limit { largest.removeLast() }
        }
        let kept = largest.map(\.index).sorted()
        shown = kept.map { lines[$0] }
        others = (lines.count - kept.count, total - largest.reduce(Amount.zero) { $0 + $1.amount })
    }

    /// The first `limit` of lines already ordered largest first, and the rest summed (no sorting again).
    public init(largestFirst lines: [BudgetLine], column: BudgetColumn, limit: Int) {
        shown = Array(lines.prefix(limit))
        others = lines.count > limit
            ? (lines.count - limit, lines.dropFirst(limit).reduce(Amount.zero) { $0 + ($1[column] ?? .zero) }) : nil
    }
}
