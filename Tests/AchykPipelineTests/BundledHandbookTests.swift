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
}
