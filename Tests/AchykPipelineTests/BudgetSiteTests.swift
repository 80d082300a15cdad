import AchykModel
import AchykPipeline
import Foundation
import Testing

/// The budget part of the trilingual fixture (budgets/tamchy: an executed year, a draft year, a commentary in
/// Kyrgyz only) builds to every page and file the contract lists, with figures worked out by hand.
@Suite struct BudgetSiteTests {
    @Test func writesEveryBudgetPageAndDataFile() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let files = Set(Fixtures.files(in: site))
        for language in ["ky", "ru", "en"] {
            for page in ["budgets/index.html", "budgets/tamchy/index.html", "budgets/tamchy/2023/index.html", "budgets/tamchy/2024/index.html"] {
                #expect(files.contains("\(language)/\(page)"), "\(language)/\(page)")
            }
            // Each chart also stands alone, beside its page; 2024 is a draft, so it has no plan-and-reality chart.
            for chart in ["revenue", "functions", "per-resident", "plan"] {
                #expect(files.contains("\(language)/budgets/tamchy/2023/\(chart).svg"))
            }
            #expect(files.contains("\(language)/budgets/tamchy/2024/change.svg"))
            #expect(!files.contains("\(language)/budgets/tamchy/2024/plan.svg"))
        }
        for file in ["data/budgets/tamchy/2023.json", "data/budgets/tamchy/2023.csv", "data/budgets/tamchy/2024.json", "data/budgets/tamchy/2024.csv", "data/datapackage.json"] {
            #expect(files.contains(file), "\(file)")
        }
        // The commentary is shown on its year's page, not as a page of its own.
        #expect(!files.contains { $0.hasSuffix("2024.ky/index.html") })
    }

    @Test func theYearPageShowsTheFiguresInTheReadersLanguage() async throws {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let ru = try String(contentsOf: site.appendingPathComponent("ru/budgets/tamchy/2023/index.html"), encoding: .utf8)
        // Executed: revenue 9 500 000, expenditure 9 300 000, surplus 200 000, 1 860 som per resident.
        #expect(ru.contains("9,5 млн сом"))
        #expect(ru.contains("9\u{00A0}500\u{00A0}000 сом"))
        #expect(ru.contains("Профицит"))
        #expect(ru.contains("1\u{00A0}860 сом"))
        // Transfers 6 700 000 of 9 500 000.
        #expect(ru.contains("70,5 %"))
        // Execution of spending: 9 300 000 of 10 400 000.
        #expect(ru.contains("89,4 %"))
        #expect(ru.contains("role=\"img\""))
        #expect(ru.contains("https://example.org/tamchy-2023.pdf"))
        #expect(ru.contains("15 февраля 2024 г."))
        let en = try String(contentsOf: site.appendingPathComponent("en/budgets/tamchy/2024/index.html"), encoding: .utf8)
        // A draft year says so once, in its lead; the Kyrgyz commentary is shown with the fallback notice and its own
        // language.
        #expect(en.contains("This is the approved plan for 2024. How it is carried out will be known after the year ends."))
        #expect(!en.contains("id=\"plan-and-reality\""))
        #expect(en.contains("This text has not been translated into English yet"))
        #expect(en.contains("<div class=\"prose\" lang=\"ky\">"))
        #expect(en.contains("20 June 2024"))
        // Spending 11 000 000 against 10 400 000 approved the year before.
        #expect(en.contains("Spending is 600 thousand som higher than in 2023 (+5.8%)."))
    }

    @Test func theHomeShowsTheBudgetsByOblastAndTheHearingsStillToCome() async throws {
        let (_, before) = await Fixtures.build(Fixtures.content("trilingual"), now: CalendarDate(year: 2024, month: 6, day: 20))
        let home = Fixtures.text("ru/index.html", in: before)
        // The budgets come before the case studies, grouped by oblast.
        let budgets = try #require(home.range(of: "id=\"block-budgets\""))
        #expect(budgets.lowerBound < (home.range(of: "id=\"block-handbook\"")?.lowerBound ?? home.startIndex))
        #expect(home.contains("<li><strong>Иссык-Кульская область</strong> <a href=\"budgets/tamchy/index.html\">"))
        #expect(home.contains("<time datetime=\"2024-06-20\">20 июня 2024 г.</time>"))
        // The day after, the hearing is past.
        let (_, after) = await Fixtures.build(Fixtures.content("trilingual"), now: CalendarDate(year: 2024, month: 6, day: 21))
        let later = Fixtures.text("ru/index.html", in: after)
        #expect(!later.contains("<time datetime=\"2024-06-20\">"))
        #expect(later.contains("пока не объявлено ни одного предстоящего слушания"))
    }

    @Test func budgetErrorsAreAllReportedAndTheOldSiteStays() async throws {
        let folder = Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual"), to: content)
        let (first, site) = await Fixtures.build(content, into: folder.appendingPathComponent("Site"))
        #expect(first.succeeded)
        let before = Fixtures.files(in: site)
        try "code,approved\n701,1 2\n709,x\n".write(to: content.appendingPathComponent("budgets/tamchy/2024.csv"), atomically: true, encoding: .utf8)
        let (second, _) = await Fixtures.build(content, into: site)
        #expect(!second.succeeded)
        #expect(second.diagnostics.sorted.map(\.description) == [
            "budgets/tamchy/2024.csv:2: error: column 'approved': '1 2' is not an amount",
            "budgets/tamchy/2024.csv:3: error: column 'approved': 'x' is not an amount",
        ])
        #expect(Fixtures.files(in: site) == before)
    }
}

/// The partnership record of the trilingual fixture: its page, the index figures, and the case page's fact box.
@Suite struct PartnershipSiteTests {
    @Test func theMoneyTableHasOneTitleNoRepeatedColumnAndATotal() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let page = Fixtures.text("en/partnerships/alga/index.html", in: site)
        let section = try #require(page.range(of: "<section id=\"money\"")).lowerBound
        let money = String(page[section...].prefix { _ in true }.split(separator: "</section>").first ?? "")
        // The heading is the one visible title; the caption is for screen readers.
        #expect(money.components(separatedBy: ">Money<").count - 1 == 2)
        #expect(money.contains("<caption class=\"visually-hidden\">Money</caption>"))
        #expect(money.contains("<thead><tr><th scope=\"col\">Amount</th><th scope=\"col\" class=\"num\">In som</th><th scope=\"col\">Given by</th><th scope=\"col\">Year</th></tr></thead>"))
        // 50,000 som + US$1,000 × 38.5 + €200 × 50.
        #expect(money.contains("<tr><th scope=\"row\">All of it, in som</th><td class=\"num\">98,500 som</td>"))
    }

    @Test func theIndexFiguresAgreeWithTheRecord() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let index = try String(contentsOf: site.appendingPathComponent("en/partnerships/index.html"), encoding: .utf8)
        // 50,000 som + US$1,000 × 38.5 + €200 × 50 = 98,500 som.
        #expect(index.contains("The records report 50,000 som, US$1,000, €200: about 98.5 thousand som in all."))
        #expect(index.contains("98,500 som"))
        // One record in two oblasts counts in each.
        #expect(index.contains("<th scope=\"row\"><a href=\"../handbook/oblast/chui/index.html\">Chui Oblast</a></th><td class=\"num\">1</td>"))
        // No case study is in Issyk-Kul Oblast, so the handbook has no list to link to.
        #expect(index.contains("<th scope=\"row\">Issyk-Kul Oblast</th><td class=\"num\">1</td>"))
        #expect(index.contains("role=\"img\""))
        let record = try String(contentsOf: site.appendingPathComponent("ru/partnerships/alga/index.html"), encoding: .utf8)
        #expect(record.contains("1995–2006"))
        #expect(record.contains("<strong>150</strong>"))
        #expect(record.contains("../../budgets/tamchy/index.html"))
        let casePage = try String(contentsOf: site.appendingPathComponent("en/handbook/01-alga/index.html"), encoding: .utf8)
        #expect(casePage.contains("US$1,000 (about 38,500 som) — FINCA, 1996"))
        #expect(casePage.contains("€200 (about 10,000 som at an assumed rate)"))
        #expect(casePage.contains("../../partnerships/alga/index.html"))
    }
}
