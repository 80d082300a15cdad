import AchykModel
import AchykPipeline
import Foundation
import Testing

/// Budgets as councils' resolutions publish them (fixture `resolution`): amounts in thousands of som, revenue by
/// source or only its total, the expenditure total alone. The site shows what was published and says what was not.
@Suite struct ResolutionBudgetTests {
    func json(_ path: String, in site: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: site.appendingPathComponent(path))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func figuresAreInSomAndWhatWasNotPublishedIsNull() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("resolution"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let bySource = try #require(try json("data/budgets/ayil/2022.json", in: site)["approved"] as? [String: Any])
        // 3037,0 + 1999,6 + 311,0 thousand.
        #expect(bySource["revenue"] as? Double == 5_347_600)
        #expect(bySource["transfers"] as? Double == 3_037_000)
        #expect(bySource["own_revenue"] as? Double == 2_310_600)
        #expect(bySource["expenditure"] as? Double == 5_347_600)
        #expect((bySource["by_function"] as? [String: Any])?.isEmpty == true)

        let totals = try json("data/budgets/ayil/2023.json", in: site)
        let approved = try #require(totals["approved"] as? [String: Any])
        // The parts under line 1 (3132,1 and 351,0) are not added: the total is the line 1.
        #expect(approved["revenue"] as? Double == 10_613_100)
        #expect(approved["own_revenue"] is NSNull)
        #expect(approved["transfers"] is NSNull)
        #expect(approved["transfers_share"] is NSNull)
        #expect(approved["expenditure"] as? Double == 10_600_000)
        #expect(approved["balance"] as? Double == 13_100)
        #expect(approved["revenue_per_resident"] as? Double == 5306.55)
        #expect(totals["unit_in_source"] as? String == "thousand")
        #expect(totals["not_published"] as? [String] == ["expenditure_by_function", "revenue_by_source"])
        #expect((totals["change"] as? [String: Any])?["expenditure"] as? Double == 5_252_400)
        // The normalized table is in som, every line once.
        let csv = Fixtures.text("data/budgets/ayil/2023.csv", in: site)
        #expect(csv.contains("\n1,Кирешелер,Доходы,Revenue (total),10613100,,\n"))
        #expect(csv.contains("\n11,Жергиликтүү кирешелер,Местные доходы,Local revenues,3132100,,\n"))
    }

    @Test func pagesSayWhatTheSourceDoesNotGiveAndDrawNoEmptyChart() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("resolution"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let files = Set(Fixtures.files(in: site))
        for language in ["ky", "ru", "en"] {
            // Revenue by source is charted where the source gives it; purposes never are.
            #expect(files.contains("\(language)/budgets/ayil/2022/revenue.svg"))
            for year in ["2022", "2023"] {
                for chart in ["functions", "per-resident", "change", "plan"] {
                    #expect(!files.contains("\(language)/budgets/ayil/\(year)/\(chart).svg"), "\(language) \(year) \(chart)")
                }
            }
            #expect(!files.contains("\(language)/budgets/ayil/2023/revenue.svg"))
        }
        let en = Fixtures.text("en/budgets/ayil/2023/index.html", in: site)
        #expect(en.contains("The source gives only the total revenue, 10.6 million som"))
        #expect(en.contains("The source gives only the total spending, 10.6 million som"))
        #expect(en.contains("<caption>Parts of the revenue named in the source, 2023</caption>"))
        #expect(en.contains("<th scope=\"row\">Local revenues</th>"))
        #expect(en.contains("The source gives its figures in thousands of som; this page shows them in som"))
        #expect(en.contains("<caption>Revenue and spending, 2022 and 2023</caption>"))
        #expect(!en.contains("class=\"chart-svg\""))
        // The only drawing is the leaflet's QR code of the page's address, shown on paper.
        #expect(en.contains("<div class=\"leaflet-address\">"))
        #expect(en.contains("<strong>https://example.org/en/budgets/ayil/2023/</strong>"))
        // Each line's label in the reader's language comes from the table's own column.
        let ky = Fixtures.text("ky/budgets/ayil/2022/index.html", in: site)
        #expect(ky.contains("Теңдештирүүчү грант"))
        #expect(ky.contains("Булак чыгашалардын жалпы суммасын гана берет"))
        let ru = Fixtures.text("ru/budgets/ayil/2022/index.html", in: site)
        #expect(ru.contains("Выравнивающий грант"))
        // Said once, in the key figures; no section repeats it.
        #expect(ru.contains("Численность населения неизвестна"))
        #expect(!ru.contains("id=\"per-resident\""))
    }

    @Test func aSamplesDownloadsSayItIsASample() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("resolution"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        // The table keeps the contract's columns exactly, a sample's too; the files that describe it say "sample".
        #expect(Fixtures.text("data/budgets/sample/2023.csv", in: site).hasPrefix("code,name_ky,name_ru,name_en,approved,revised,executed\n"))
        #expect(try json("data/budgets/sample/2023.json", in: site)["sample"] as? Bool == true)
        let package = try json("data/datapackage.json", in: site)
        #expect((package["description"] as? String)?.contains("SAMPLE: the figures of a municipality marked as a sample are invented") == true)
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.filter { ($0["name"] as? String)?.hasPrefix("sample-") == true }.allSatisfy { ($0["description"] as? String)?.hasPrefix("SAMPLE") == true })
        #expect(resources.filter { ($0["name"] as? String)?.hasPrefix("ayil-") == true }.allSatisfy { $0["description"] == nil })
    }

    @Test func aTotalThatTheSourceIsSaidToGiveMustBeInTheTable() async throws {
        let content = try Fixtures.contentFolder([
            "site.yaml": Data("title: T\nbase_url: https://example.org/\nlanguages: [en]\n".utf8),
            "budgets/a/municipality.yaml": Data("""
                id: a
                name: A
                sources:
                  2023: {title: R, unit: thousands, not_published: [expenditure_by_function, functions]}
                  2024: {title: R, not_published: [revenue_by_source, expenditure_by_function]}

                """.utf8),
            "budgets/a/2023.csv": Data("code,approved\n11,5\n701,5\n".utf8),
            "budgets/a/2024.csv": Data("code,approved\n11,5\n701,5\n".utf8),
        ])
        let (report, _) = await Fixtures.build(content)
        #expect(!report.succeeded)
        // The unit and the unknown word are errors; the known word still asks for its line.
        #expect(report.diagnostics.sorted.map(\.description) == [
            "budgets/a/2023.csv:1: error: municipality.yaml says the source of 2023 gives only the expenditure total (not_published: expenditure_by_function); write that total on a line with code 7",
            "budgets/a/2024.csv:1: error: municipality.yaml says the source of 2024 gives only the expenditure total (not_published: expenditure_by_function); write that total on a line with code 7",
            "budgets/a/2024.csv:1: error: municipality.yaml says the source of 2024 gives only the revenue total (not_published: revenue_by_source); write that total on a line with code 1",
            "budgets/a/municipality.yaml:4: error: not_published: 'functions' must be revenue_by_source or expenditure_by_function",
            "budgets/a/municipality.yaml:4: error: unit 'thousands' must be som or thousand",
        ])
    }
}

/// names.yaml in a build: a page and a record that spell a name another language's way are warned at their lines,
/// and `--strict` refuses the build.
@Suite struct NamesTableBuildTests {
    @Test func aWrongSpellingInAPageOrRecordIsAWarning() async throws {
        let content = try Fixtures.contentFolder([
            "site.yaml": Data("title: T\nbase_url: https://example.org/\nlanguages: [ky, ru]\n".utf8),
            "names.yaml": Data("- {en: ALGA, ru: АЛГА, ky: АЛГА}\n- {en: Issyk-Ata, ru: Иссык-Ата, ky: Ысык-Ата}\n".utf8),
            "pages/about.ky.md": Data("---\ntitle: ALGA жөнүндө\n---\nИссык-Ата районунда.\n".utf8),
            "pages/about.ru.md": Data("---\ntitle: Об АЛГА\n---\nВ Иссык-Атинском районе.\n".utf8),
            "budgets/a/municipality.yaml": Data("id: a\nname: {ky: \"Иссык-Ата\", ru: \"Иссык-Ата\"}\n".utf8),
        ])
        let (report, _) = await Fixtures.build(content, strict: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.sorted.map(\.description) == [
            "budgets/a/municipality.yaml:2: warning: 'Иссык-Ата' is not how names.yaml spells this name in Kyrgyz; write 'Ысык-Ата'",
            "pages/about.ky.md:2: warning: 'ALGA' is not how names.yaml spells this name in Kyrgyz; write 'АЛГА'",
            "pages/about.ky.md:4: warning: 'Иссык-Ата' is not how names.yaml spells this name in Kyrgyz; write 'Ысык-Ата'",
        ])
    }
}
