/// A line's three amounts (approved, revised, executed), each present or blank, inline in 25 bytes.
///
/// An array of three optional 128-bit amounts was a heap object of 128 bytes for every line; a table of hundreds of
/// thousands of lines held 80 MB of them. A cell holds at most 15 digits of som (10¹⁷ tyiyn), which 64 bits hold
/// with room; what could pass them (a table in thousands of som, duplicates added together) is checked and refused.
/// Sums of many lines are made in `Amount`, 128 bits.
public struct BudgetAmounts: Hashable, Sendable {
    private var approved: Int64 = 0
    private var revised: Int64 = 0
    private var executed: Int64 = 0
    /// One bit per column, by `BudgetColumn.index`.
    private var present: UInt8 = 0

    /// Every cell blank.
    public init() {}

    /// Nil when an amount does not fit 64 bits of tyiyn (more than 92 thousand billion som).
    public init?(approved: Amount?, revised: Amount? = nil, executed: Amount? = nil) {
        for (column, amount) in [(BudgetColumn.approved, approved), (.revised, revised), (.executed, executed)] {
            guard set(amount, for: column) else { return nil }
        }
    }

    public subscript(column: BudgetColumn) -> Amount? {
        guard present & (1 << column.index) != 0 else { return nil }
        return Amount(tyiyn: Int128(value(column)))
    }

    /// Sets one cell (nil blanks it); false, and nothing changed, when the amount does not fit.
    @discardableResult
    public mutating func set(_ amount: Amount?, for column: BudgetColumn) -> Bool {
        guard let amount else {
            present &= ~(1 << column.index)
            setValue(0, column)
            return true
        }
        guard let tyiyn = Int64(exactly: amount.tyiyn) else { return false }
        setValue(tyiyn, column)
        present |= 1 << column.index
        return true
    }

    /// The same cells with every blank among `columns` as zero.
    public func blanksAsZero(in columns: [BudgetColumn]) -> BudgetAmounts {
        var result = self
        for column in columns { result.present |= 1 << column.index }
        return result
    }

    /// Every amount multiplied (a table written in thousands of som); nil when one no longer fits.
    public func scaled(by factor: Int) -> BudgetAmounts? {
        var result = self
        for column in BudgetColumn.allCases where present & (1 << column.index) != 0 {
            let (product, overflow) = value(column).multipliedReportingOverflow(by: Int64(factor))
            guard !overflow else { return nil }
            result.setValue(product, column)
        }
        return result
    }

    /// Cell by cell: blank where both are blank, else the sum (a blank counting as zero); nil when a sum does not fit.
    public func adding(_ other: BudgetAmounts) -> BudgetAmounts? {
        var result = BudgetAmounts()
        result.present = present | other.present
        for column in BudgetColumn.allCases {
            let (sum, overflow) = value(column).addingReportingOverflow(other.value(column))
            guard !overflow else { return nil }
            result.setValue(sum, column)
        }
        return result
    }

    private func value(_ column: BudgetColumn) -> Int64 {
        switch column {
        case .approved: approved
        case .revised: revised
        case .executed: executed
        }
    }

    private mutating func setValue(_ value: Int64, _ column: BudgetColumn) {
        switch column {
        case .approved: approved = value
        case .revised: revised = value
        case .executed: executed = value
        }
    }
}
