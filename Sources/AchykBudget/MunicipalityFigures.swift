import AchykModel
import Dispatch

/// A municipality with the figures of each of its years.
public struct MunicipalityFigures: Hashable, Sendable {
    public let municipality: Municipality
    /// By year, oldest first.
    public let years: [BudgetYear]

    public init(municipality: Municipality, years: [BudgetYear]) {
        self.municipality = municipality
        self.years = years.sorted { $0.year < $1.year }
    }

    public var id: String { municipality.id }

    public var latest: BudgetYear? { years.last }

    public func year(_ year: Int) -> BudgetYear? { years.first { $0.year == year } }

    /// The change against the previous year's file, which must be exactly the year before.
    public func change(for year: BudgetYear) -> YearChange? {
        self.year(year.year - 1).map { YearChange(previous: $0, current: year) }
    }
}

/// The compute-budgets stage: every table analysed once, on all cores, into immutable figures.
public struct BudgetStage: Sendable {
    public init() {}

    public func compute(_ budgets: [MunicipalityBudgets], reporting diagnostics: inout Diagnostics) -> [MunicipalityFigures] {
        let tables = budgets.flatMap { entry in entry.tables.map { (entry.municipality, $0) } }
        let results = Locked<[(BudgetYear?, Diagnostics)?]>(Array(repeating: nil, count: tables.count))
        DispatchQueue.concurrentPerform(iterations: tables.count) { index in
            let (municipality, table) = tables[index]
            var problems = Diagnostics()
            let year = BudgetAnalyzer().analyze(
                table, population: municipality.population[table.year], source: municipality.sources[table.year], reporting: &problems)
            results.withLock { $0[index] = (year, problems) }
        }
        var years: [String: [BudgetYear]] = [:]
        for case let (year, problems)? in results.withLock({ $0 }) {
            diagnostics.append(contentsOf: problems)
            if let year { years[year.municipality, default: []].append(year) }
        }
        return budgets.map { MunicipalityFigures(municipality: $0.municipality, years: years[$0.id] ?? []) }
    }
}
