import AchykBudget
@testable import AchykContent
import AchykModel
import Foundation
import Testing

/// Figures checked against values worked out by hand for each fixture table.
@Suite struct BudgetAnalyzerTests {
    static let path = "budgets/leilek/2023.csv"

    func analyze(_ csv: String, population: Int? = nil) -> (BudgetYear?, [String]) {
        var diagnostics = Diagnostics()
        guard let table = BudgetCSVReader(path: Self.path, municipality: "leilek", year: 2023).read(Data(csv.utf8), reporting: &diagnostics) else {
            return (nil, diagnostics.sorted.map(\.description))
        }
        let year = BudgetAnalyzer().analyze(table, population: population, reporting: &diagnostics)
        return (year, diagnostics.sorted.map(\.description))
    }

    func som(_ value: Int, _ tyiyn: Int = 0) -> Amount { Amount(tyiyn: Int128(value) * 100 + Int128(tyiyn)) }

    static let table = """
        code,name,approved,executed
        1,Доходы,1000,900
        111,Income tax,200,190
        113,Property tax,100,90
        1331,Equalisation grant,650,570
        7,Расходы,1100,850
        701,General services,400,390
        709,Education,700,500
        7092,Schools,500,460
        7096,School meals,200,
        21,Wages,800,700
        31,Buildings,300,150
        4,Something else,5,5
        1331,Equalisation grant (2nd part),50,50
        """

    @Test func computesTheContractsFiguresForEachColumn() throws {
        let (result, warnings) = analyze(Self.table, population: 3)
        let year = try #require(result)
        #expect(year.columns == [.approved, .executed])
        #expect(!year.isDraft)
        let approved = try #require(year.figures[.approved])
        #expect(approved.revenue == som(1000))
        #expect(approved.transfers == som(700))
        #expect(approved.ownRevenue == som(300))
        #expect(approved.transfersShare == 0.7)
        #expect(approved.expenditure == som(1100))
        #expect(approved.byFunction == ["701": som(400), "709": som(700)])
        #expect(approved.balance == som(-100))
        #expect(approved.revenuePerResident == som(333, 33))
        #expect(approved.expenditurePerResident == som(366, 67))
        let executed = try #require(year.figures[.executed])
        #expect(executed.revenue == som(900))
        #expect(executed.ownRevenue == som(280))
        // 7096's blank executed cell counts as zero.
        #expect(executed.expenditure == som(850))
        #expect(executed.byFunction == ["701": som(390), "709": som(460)])
        #expect(executed.balance == som(50))
        #expect(executed.expenditurePerResident == som(283, 33))
        let rates = try #require(year.executionRates)
        #expect(rates.revenue == 0.9)
        #expect(rates.expenditure == 850.0 / 1100.0)
        #expect(rates.byFunction["709"] == .some(460.0 / 700.0))
        #expect(year.functions == ["701", "709"])
        #expect(warnings == [
            "\(Self.path):8: warning: subtotal 709 'executed' is 500 but the lines under it add up to 460",
            "\(Self.path):10: warning: column 'executed' is blank for code 7096; counted as zero",
            "\(Self.path):13: warning: code 4 is not a revenue (1…), economic (2…, 3…) or functional (7…) code; the line is left out of every total",
            "\(Self.path):14: warning: code 1331 appears again (first on line 5); the two lines are added together",
        ])
        #expect(year.warnings.map(\.description) == warnings)
    }

    /// A line's amounts are kept in 64 bits: what would pass them is an error at the line, never a wrong figure.
    @Test func amountsTooLargeOnceMultipliedOrAddedAreErrorsAtTheirLines() throws {
        let largest = "999999999999999"  // 15 digits of som, the most a cell may hold
        var diagnostics = Diagnostics()
        let reader = BudgetCSVReader(path: Self.path, municipality: "leilek", year: 2023)
        let inThousands = try #require(reader.read(Data("code,approved\n111,\(largest)\n701,\(largest)\n".utf8), reporting: &diagnostics))
        let source = BudgetSource(title: LocalizedText([.en: "Council"]), url: nil, asOf: nil, unit: .thousand)
        #expect(BudgetAnalyzer().analyze(inThousands, population: nil, source: source, reporting: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description).contains(
            "budgets/leilek/2023.csv:2: error: an amount of code 111 is too large for a budget once multiplied by 1000 (municipality.yaml: unit: thousand)"))

        // 10¹⁷ tyiyn a line: a hundred lines of one code pass 64 bits.
        let repeated = "code,approved\n" + String(repeating: "111,\(largest)\n", count: 100) + "701,1\n"
        let (year, problems) = analyze(repeated)
        #expect(year == nil)
        #expect(problems.contains("budgets/leilek/2023.csv:94: error: the lines of code 111 add up to more than any budget holds"))
    }

    @Test func lineAmountsAreExactAtTheLimit() throws {
        let amounts = try #require(BudgetAmounts(approved: Amount(tyiyn: Int128(Int64.max)), executed: .zero))
        #expect(amounts[.approved] == Amount(tyiyn: Int128(Int64.max)))
        #expect(amounts[.revised] == nil)
        #expect(amounts[.executed] == .zero)
        #expect(BudgetAmounts(approved: Amount(tyiyn: Int128(Int64.max) + 1)) == nil)
        #expect(amounts.adding(amounts) == nil)
        #expect(amounts.scaled(by: 2) == nil)
        #expect(amounts.blanksAsZero(in: [.revised])[.revised] == .zero)
    }

    @Test func theNormalizedLinesKeepEveryCodeOnceInFirstLineOrder() throws {
        let (result, _) = analyze(Self.table)
        let year = try #require(result)
        #expect(year.lines.map(\.code) == ["1", "111", "113", "1331", "7", "701", "709", "7092", "7096", "21", "31"])
        #expect(year.lines.filter { !$0.isDetailed }.map(\.code) == ["1", "7", "709"])
        #expect(year.lines[3][.approved] == som(700))
        #expect(year.lines[8][.executed] == .zero)
        // Known codes take the built-in label; others the CSV's name.
        #expect(year.lines[5].label[.ru] == "Государственные службы общего назначения")
        #expect(year.revenueLines(.approved).map(\.code) == ["111", "113", "1331"])
        #expect(year.economicLines.map(\.code) == ["21", "31"])
    }

    @Test func aYearWithoutExecutedFiguresIsADraft() throws {
        let (result, warnings) = analyze("code,approved,executed\n1111,100,\n709,80,\n")
        let year = try #require(result)
        #expect(warnings.isEmpty)
        #expect(year.isDraft)
        #expect(year.columns == [.approved])
        #expect(year.executionRates == nil)
        #expect(year.headlineColumn == .approved)
        // Without a population the per-resident figures are null.
        #expect(year.figures[.approved]?.revenuePerResident == nil)
    }

    @Test func approvedBlankEverywhereIsAnErrorAtTheHeader() {
        let (year, problems) = analyze("title\ncode,approved,executed\n1111,,5\n709,,4\n")
        #expect(year == nil)
        #expect(problems == ["\(Self.path):2: error: column 'approved' is blank in every line with a budget code; the approved amounts are required"])
    }

    @Test func theEconomicViewMustAddUpToTheFunctionsWithinOneSom() {
        let (_, close) = analyze("code,approved\n709,100.50\n22,100\n")
        #expect(close.isEmpty)
        let (_, apart) = analyze("code,approved\n709,100\n22,60\n31,38.99\n")
        #expect(apart == ["\(Self.path):1: warning: 'approved': the economic lines (2…, 3…) add up to 98.99 but the functional lines (7…) to 100"])
        // A 7 code outside the ten functions is an unknown code, left out of this comparison as of every total.
        let (_, unknownFunction) = analyze("code,approved\n709,100\n711,40\n22,100\n")
        #expect(unknownFunction == ["\(Self.path):3: warning: code 711 is not under one of the ten functions 701–710; the line is left out of the expenditure total"])
        // No economic lines, no comparison.
        let (_, none) = analyze("code,approved\n709,100\n")
        #expect(none.isEmpty)
    }

    @Test func codesOutsideTheTenFunctionsAreLeftOutOfExpenditure() throws {
        // 70 is no other line's prefix here, so it is a detailed line, and not a function.
        let (result, warnings) = analyze("code,approved\n711,50\n70,20\n801,100\n1111,100\n")
        #expect(try #require(result).figures[.approved]?.expenditure == som(0))
        #expect(warnings == [
            "\(Self.path):2: warning: code 711 is not under one of the ten functions 701–710; the line is left out of the expenditure total",
            "\(Self.path):3: warning: code 70 is not under one of the ten functions 701–710; the line is left out of the expenditure total",
            "\(Self.path):4: warning: code 801 is not a revenue (1…), economic (2…, 3…) or functional (7…) code; the line is left out of every total",
        ])
    }

    @Test func sharesAndRatesWithAZeroDenominatorAreNull() throws {
        let (result, _) = analyze("code,approved,executed\n709,0,0\n1111,0,0\n")
        let figures = try #require(result?.figures[.approved])
        #expect(figures.transfersShare == nil)
        #expect(figures.share(of: "709") == nil)
        #expect(result?.executionRates?.expenditure == .some(nil))
    }

    @Test func perResidentFiguresRoundHalfAwayFromZero() {
        #expect(som(1).divided(by: 3) == som(0, 33))
        #expect(som(2).divided(by: 3) == som(0, 67))
        #expect(Amount(tyiyn: 1).divided(by: 2) == Amount(tyiyn: 1))
        #expect(som(-2).divided(by: 3) == som(0, -67))
        #expect(som(5).divided(by: 0) == nil)
    }
}
