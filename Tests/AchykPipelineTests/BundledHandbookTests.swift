import AchykContent
import AchykModel
import Foundation
import Testing

/// The handbook issue's promise about the bundled content: the 2006 handbook's 25 cases, each in all three languages,
/// each with the partnership record that names it back.
@Suite struct BundledHandbookTests {
    private static func loadBundled() throws -> LoadedContent {
        var diagnostics = Diagnostics()
        let loader = ContentLoader(contentFolder: Fixtures.repository.appendingPathComponent("Content"))
        let content = try #require(loader.load(reporting: &diagnostics))
        #expect(diagnostics.sorted.map(\.description) == [])
        return content
    }

    @Test func all25CasesExistInEveryLanguageWithAMatchingRecord() throws {
        let content = try Self.loadBundled()
        let cases = content.pages.filter { $0.key.kind == .caseStudy }
        let stems = Set(cases.map(\.key.stem)).sorted()
        #expect(stems.map { String($0.prefix(3)) } == (1...25).map { String(format: "%02d-", $0) })

        let recordsByID = Dictionary(content.partnerships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(content.partnerships.count == 25)
        for stem in stems {
            let versions = cases.filter { $0.key.stem == stem }
            #expect(Set(versions.map(\.language)) == [.ky, .ru, .en], "\(stem) is not in all three languages")
            let named = Set(versions.compactMap(\.frontMatter.partnership))
            #expect(named.count == 1, "\(stem): its languages name \(named.sorted()) as partnership")
            guard let id = named.first else { continue }
            let record = recordsByID[id]
            #expect(record?.caseStudy == stem, "\(stem) names record \(id), which does not name it back")
            // The record and the case agree on where it happened.
            if let record, let oblast = versions.first?.frontMatter.oblast {
                #expect(record.oblasts.contains(oblast), "\(stem): oblast \(oblast) is not among the record's")
            }
        }
    }

    /// Every case opens with the handbook's summary and closes with its sources, and keeps its motto.
    @Test func everyCaseOpensWithItsSummaryAndClosesWithItsSources() throws {
        let content = try Self.loadBundled()
        let expected: [Language: (first: String, last: String)] = [
            .en: ("## Summary", "## Sources"), .ru: ("## Кратко", "## Источники"), .ky: ("## Кыскача", "## Булактар"),
        ]
        for page in content.pages where page.key.kind == .caseStudy {
            let headings = page.markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
            let name = "\(page.key.stem).\(page.language)"
            #expect(headings.first == expected[page.language]?.first, "\(name) opens with \(headings.first ?? "nothing")")
            #expect(headings.last == expected[page.language]?.last, "\(name) closes with \(headings.last ?? "nothing")")
            #expect(headings.count >= 5, "\(name) has only \(headings.count) sections")
            #expect(!(page.frontMatter.tagline ?? "").isEmpty, "\(name) has no tagline")
        }
    }

    /// The partnership index's money table agrees with the records it is computed from (summed here independently).
    @Test func thePartnershipIndexReportsTheRecordsMoney() async throws {
        let content = try Self.loadBundled()
        var totals: [Currency: Amount] = [:]
        var entries: [Currency: Int] = [:]
        for record in content.partnerships {
            for funding in record.funding {
                totals[funding.currency, default: .zero] += funding.amount
                entries[funding.currency, default: 0] += 1
            }
        }
        let (_, site) = await Fixtures.build(Fixtures.repository.appendingPathComponent("Content"))
        let page = Fixtures.text("en/partnerships/index.html", in: site)
        let rows = page.components(separatedBy: "<tr>").map { $0.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression) }
        func grouped(_ value: Int128) -> String {
            let digits = String(value)
            var out = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
                out.append(digit)
            }
            return out
        }
        func written(_ amount: Amount) -> String {
            let cents = amount.tyiyn % 100
            return grouped(amount.tyiyn / 100) + (cents == 0 ? "" : String(format: ".%02d", Int(cents)))
        }
        let symbols: [Currency: (String, String)] = [.kgs: ("", " som"), .usd: ("US$", ""), .eur: ("€", "")]
        #expect(totals.count == 3, "the handbook names money in som, dollars and euros")
        for (currency, total) in totals {
            let (prefix, suffix) = symbols[currency] ?? ("", "")
            let row = rows.first { $0.contains(" \(currency.rawValue) ") }
            let cells = row?.split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? ""
            #expect(cells.contains("\(prefix)\(written(total))\(suffix)"), "\(currency): \(cells)")
            #expect(cells.hasSuffix(" \(entries[currency] ?? 0)"), "\(currency): \(cells)")
        }
    }
}

/// A case study says when its story was told, lists its sections when it has many, and leads to its neighbours.
@Suite struct CaseStudyPageTests {
    @Test func aCaseIsDatedHasContentsAndLeadsToItsNeighbours() async throws {
        let (report, site) = await Fixtures.build(Fixtures.repository.appendingPathComponent("Content"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let last = Fixtures.text("en/handbook/25-insan-leilek/index.html", in: site)
        #expect(last.contains("<p class=\"notice dated\">This case describes the situation in 2006, as the handbook"))
        let contents = try #require(last.range(of: "<nav class=\"toc\" aria-labelledby=\"toc-heading\">"))
        let list = last[contents.upperBound...]
        let entries = list[..<(list.range(of: "</nav>")?.lowerBound ?? list.endIndex)].components(separatedBy: "<li><a href=\"#").count - 1
        #expect(entries == CaseStudyPageTests.secondLevelHeadings(in: "Content/handbook/25-insan-leilek.en.md"))
        #expect(last.contains("rel=\"prev\" class=\"prev\""))
        #expect(last.contains("href=\"../24-"))
        #expect(!last.contains("rel=\"next\""))
        let first = Fixtures.text("ru/handbook/01-alga/index.html", in: site)
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"../02-adept-ivanovka/index.html\" rel=\"next\" class=\"next\"><span>Следующий кейс</span>"))
    }

    static func secondLevelHeadings(in path: String) -> Int {
        let text = (try? String(contentsOf: Fixtures.repository.appendingPathComponent(path), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("## ") }.count
    }
}

/// A citizen budget's words lead to their explanation in the glossary, in every language.
@Suite struct GlossaryLinkTests {
    @Test func theWordsOfABudgetPageLinkToTheirGlossaryTerms() async throws {
        let (report, site) = await Fixtures.build(Fixtures.repository.appendingPathComponent("Content"), strict: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        for language in ["ky", "ru", "en"] {
            let page = Fixtures.text("\(language)/budgets/kazan-kuygan/2022/index.html", in: site)
            let glossary = Fixtures.text("\(language)/glossary/index.html", in: site)
            let words = try #require(page.range(of: "<dl class=\"words\">"))
            let list = page[words.upperBound...].prefix(while: { _ in true })
            let section = list[..<(list.range(of: "</dl>")?.upperBound ?? list.endIndex)]
            let fragments = section.components(separatedBy: "href=\"../../../glossary/index.html#").dropFirst().map { $0.prefix { $0 != "\"" } }
            // A balanced plan: transfers, own revenue and the approved plan, each leading to a heading that exists.
            #expect(fragments.count == 3, "\(language): \(fragments)")
            for fragment in fragments {
                #expect(glossary.contains("<h3 id=\"\(fragment)\">"), "\(language): no glossary heading #\(fragment)")
            }
        }
    }

}
