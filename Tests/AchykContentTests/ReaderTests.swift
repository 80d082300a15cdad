@testable import AchykContent
import AchykModel
import Foundation
import Testing

@Suite struct SiteSettingsReaderTests {
    @Test func readsEverySetting() throws {
        var diagnostics = Diagnostics()
        let settings = try #require(SiteSettingsReader().read("""
            title: {ky: "Ачык", ru: "Открыто", en: "Open"}
            description: Жергиликтүү бюджет
            base_url: https://example.org/budget
            languages: [ru, ky, en]
            organisation: {en: Alliance}
            data_licence: CC-BY-4.0
            exchange_rates: {USD: 38.5, EUR: 50}
            markdown: {raw_html: true}
            menu: [handbook, about]
            """, reporting: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        #expect(settings.languages == [.ru, .ky, .en])
        #expect(settings.defaultLanguage == .ru)
        #expect(settings.baseURL == "https://example.org/budget/")
        // A plain string is in the default language.
        #expect(settings.description[.ru] == "Жергиликтүү бюджет")
        #expect(settings.exchangeRates["USD"] == Decimal(string: "38.5"))
        #expect(settings.allowsRawHTML)
        #expect(settings.menu?.map(\.name) == ["handbook", "about"])
        #expect(settings.menu?.map(\.line) == [9, 9])
    }

    @Test func reportsEachProblemAtItsLine() {
        var diagnostics = Diagnostics()
        _ = SiteSettingsReader().read("""
            title: {ky: "Ачык", de: "Offen", ru: "Открыто"}
            base_url: example.org
            languages: [ky, ky]
            exchange_rates: {USD: -1, GBP: 50}
            colour: red
            """, reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "site.yaml:1: error: 'title' has a text in 'de', which is not a language code (ky)",
            "site.yaml:1: warning: 'title' has a text in 'ru', which is not one of the site's languages (ky); it is not shown",
            "site.yaml:2: error: base_url 'example.org' must be an absolute http or https address, such as https://example.org/",
            "site.yaml:3: error: language 'ky' is listed twice",
            "site.yaml:4: error: exchange_rates: '-1' is not a positive number of som",
            "site.yaml:4: error: exchange_rates: 'GBP' is not a currency achyk converts (USD, EUR)",
            "site.yaml:5: warning: unknown key 'colour' in site.yaml; it is ignored",
        ])
    }
}

@Suite struct PageReaderTests {
    let settings = SiteSettings(title: LocalizedText([.ky: "T"]), baseURL: "https://example.org/", languages: [.ky, .ru, .en])

    func read(_ text: String, file: String, kind: PageKind) -> (SourcePage?, [String]) {
        var diagnostics = Diagnostics()
        let path = "\(kind.folder)/\(file)"
        guard let name = PageFileName.parse(file, kind: kind, settings: settings, path: path, reporting: &diagnostics) else {
            return (nil, diagnostics.sorted.map(\.description))
        }
        let page = PageReader(settings: settings).read(text, path: path, kind: kind, name: name, reporting: &diagnostics)
        return (page, diagnostics.sorted.map(\.description))
    }

    @Test func readsACaseStudy() throws {
        let (page, problems) = read("""
            ---
            title: ALGA
            tagline: Moving forward
            oblast: chui
            rayon: Issyk-Ata
            settlements: [Jerkazar, Kant]
            topics: [women, agriculture]
            partnership: alga-issyk-ata
            ---
            Body
            """, file: "01-alga.en.md", kind: .caseStudy)
        #expect(problems.isEmpty)
        let front = try #require(page).frontMatter
        #expect(page?.key == PageKey(.caseStudy, "01-alga"))
        #expect(page?.language == .en)
        #expect(front.oblast == .chui)
        #expect(front.settlements == ["Jerkazar", "Kant"])
        #expect(front.topics == [Topic("women"), Topic("agriculture")])
        #expect(front.partnership == "alga-issyk-ata")
        #expect(page?.bodyLine == 10)
    }

    @Test func aFileWithoutSuffixIsInTheDefaultLanguage() {
        #expect(read("---\ntitle: A\n---\n", file: "about.md", kind: .page).0?.language == .ky)
    }

    @Test func draftsAreMarked() {
        #expect(read("---\ntitle: A\ndraft: true\n---\n", file: "about.en.md", kind: .page).0?.frontMatter.isDraft == true)
    }

    @Test func reportsProblemsAtTheirLines() {
        let (page, problems) = read("""
            ---
            title: [not, text]
            date: 14.06.2022
            draft: maybe
            oblast: narin
            topics: [water, Roads]
            ---
            """, file: "03-x.ru.md", kind: .caseStudy)
        #expect(page == nil)
        #expect(problems == [
            "handbook/03-x.ru.md:2: error: 'title' must be a single text, not a list or mapping",
            "handbook/03-x.ru.md:3: error: date '14.06.2022' is not a date written as yyyy-mm-dd",
            "handbook/03-x.ru.md:4: error: 'draft' must be true or false",
            "handbook/03-x.ru.md:5: error: unknown oblast 'narin'; did you mean 'naryn'?",
            "handbook/03-x.ru.md:6: error: topic 'Roads' may hold only lowercase letters a-z, digits and hyphens",
        ])
    }

    @Test(arguments: [
        ("about.kk.md", PageKind.page, "pages/about.kk.md:1: error: unknown language suffix '.kk' in the file name; use one of site.yaml's languages (ky, ru, en)"),
        ("news.en.md", .page, "pages/news.en.md:1: error: 'news' is reserved for a section of the site; choose another page name"),
        ("My Page.en.md", .page, "pages/My Page.en.md:1: error: file name 'My Page' may hold only lowercase letters a-z, digits and hyphens (for example 'my-page')"),
        ("forum.en.md", .news, "news/forum.en.md:1: error: a news file name must start with its date, as in 2022-06-14-forum"),
        ("2022-02-30-forum.en.md", .news, "news/2022-02-30-forum.en.md:1: error: 2022-02-30 at the start of the file name is not a day of the calendar"),
        ("alga.en.md", .caseStudy, "handbook/alga.en.md:1: error: a case-study file name must start with its number, as in 01-alga"),
    ])
    func refusesBadFileNames(file: String, kind: PageKind, message: String) {
        #expect(read("---\ntitle: A\n---\n", file: file, kind: kind).1 == [message])
    }
}

@Suite struct TextDecodingTests {
    @Test func refusesNULBytesAtTheirLine() {
        var diagnostics = Diagnostics()
        #expect(TextDecoding.utf8Text(Data("a\nb\n\0c".utf8), path: "pages/x.md", reporting: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == ["pages/x.md:3: error: the file holds a NUL byte, so it is not a text file (was a binary file given a text name?)"])
    }

    @Test func refusesInvalidUTF8AtItsLine() {
        var diagnostics = Diagnostics()
        #expect(TextDecoding.utf8Text(Data([0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28]), path: "pages/x.md", reporting: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == ["pages/x.md:3: error: the file is not valid UTF-8; save it as UTF-8"])
    }
}
