import AchykModel
import AchykPipeline
import Foundation
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsTheTrilingualFixture() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"))
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.sorted)")
        let written = try #require(report.written)
        #expect(written.pagesPerLanguage == [.ky: 16, .ru: 16, .en: 16])
        let files = Fixtures.files(in: site)
        for expected in ["index.html", "404.html", "sitemap.xml", "assets/style.css", "files/report.txt", "ky/index.html",
                         "ru/feed.xml", "en/handbook/oblast/chui/index.html", "en/handbook/topic/women/index.html",
                         "ru/news/2022-06-14-forum/index.html", "ky/about/index.html"] {
            #expect(files.contains(expected), "\(expected) is missing")
        }
        // Drafts stay out unless asked for.
        #expect(!files.contains { $0.contains("2021-01-05-draft") })
    }

    @Test func draftsAreBuiltWhenAskedFor() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"), drafts: true)
        #expect(Fixtures.files(in: site).contains("en/news/2021-01-05-draft/index.html"))
    }

    @Test func aMissingTranslationShowsTheFallbackWithANoticeInTheReadersLanguage() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let page = Fixtures.text("ru/handbook/01-alga/index.html", in: site)
        #expect(page.contains("<html lang=\"ru\">"))
        #expect(page.contains("Этот текст ещё не переведён на русский язык"))
        // Kyrgyz is the default language, so the Kyrgyz text is shown, marked as Kyrgyz.
        #expect(page.contains("<div class=\"prose\" lang=\"ky\">"))
        #expect(page.contains("<h1 lang=\"ky\">АЛГА</h1>"))
        // The notice links to the versions that exist, not to the missing one.
        #expect(page.contains("href=\"../../../ky/handbook/01-alga/index.html\" hreflang=\"ky\" lang=\"ky\">Кыргызча</a>"))
        #expect(page.contains("href=\"../../../en/handbook/01-alga/index.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        // A translated page has no notice.
        #expect(!Fixtures.text("en/handbook/01-alga/index.html", in: site).contains("class=\"notice\""))
    }

    @Test func theLanguageSwitcherLeadsToTheSamePage() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let page = Fixtures.text("en/news/2022-06-14-forum/index.html", in: site)
        #expect(page.contains("<a href=\"../../../ky/news/2022-06-14-forum/index.html\" hreflang=\"ky\" lang=\"ky\">Кыргызча</a>"))
        #expect(page.contains("<a href=\"index.html\" hreflang=\"en\" lang=\"en\" aria-current=\"true\">English</a>"))
    }

    @Test func everyPageHasAlternatesSharingTagsAndItsAddressUnderTheBasePath() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let page = Fixtures.text("ru/about/index.html", in: site)
        for tag in [
            "<link rel=\"canonical\" href=\"https://example.org/budget/ru/about/\">",
            "<link rel=\"alternate\" hreflang=\"ky\" href=\"https://example.org/budget/ky/about/\">",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/budget/en/about/\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/budget/ky/about/\">",
            "<meta property=\"og:title\" content=\"Об альянсе\">",
            "<meta property=\"og:description\" content=\"Альянс создан в 2007 году.\">",
            "<meta property=\"og:locale\" content=\"ru_RU\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
        ] {
            #expect(page.contains(tag), "missing \(tag)")
        }
    }

    @Test func datesAreWrittenInTheReadersLanguageWithoutShiftingTheirZone() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        #expect(Fixtures.text("ky/news/index.html", in: site).contains("<time datetime=\"2022-06-14\">14-июнь, 2022-ж.</time>"))
        #expect(Fixtures.text("ru/news/index.html", in: site).contains("<time datetime=\"2022-06-14\">14 июня 2022 г.</time>"))
        // The English file says 23:30 at UTC−4, which is already 15 June in UTC; the written day stands.
        #expect(Fixtures.text("en/news/2022-06-14-forum/index.html", in: site).contains("<time datetime=\"2022-06-14\">14 June 2022</time>"))
    }

    @Test func linksWrittenFromTheRootBecomeRelative() async {
        let (report, site) = await Fixtures.build(Fixtures.content("trilingual"))
        #expect(report.diagnostics.all.isEmpty)
        let page = Fixtures.text("ky/about/index.html", in: site)
        #expect(page.contains("<a href=\"../handbook/index.html\">Кейстер</a>"))
        #expect(page.contains("<a href=\"../../files/report.txt\">отчет</a>"))
        #expect(Fixtures.text("ru/about/index.html", in: site).contains("href=\"../handbook/index.html#list\""))
    }

    @Test func theSitemapListsEveryLanguagePageWithAlternates() async throws {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let sitemap = Fixtures.text("sitemap.xml", in: site)
        let locations = sitemap.split(separator: "\n").filter { $0.contains("<loc>") }.map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "<loc>https://example.org/budget/", with: "").replacingOccurrences(of: "</loc>", with: "")
        }
        let pages = Fixtures.files(in: site).filter { $0.hasSuffix("index.html") && $0.contains("/") && !$0.hasPrefix("assets") }
            .map { String($0.dropLast("index.html".count)) }
        #expect(locations.sorted() == pages.sorted())
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/budget/ky/handbook/01-alga/\"/>"))
    }

    @Test func theRootIsALanguageChooserWithoutRedirect() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let chooser = Fixtures.text("index.html", in: site)
        let ky = chooser.range(of: "Кыргызча")?.lowerBound
        let ru = chooser.range(of: "Русский")?.lowerBound
        let en = chooser.range(of: "English")?.lowerBound
        #expect(ky != nil && ru != nil && en != nil)
        if let ky, let ru, let en { #expect(ky < ru && ru < en) }
        #expect(!chooser.contains("http-equiv=\"refresh\""))
        #expect(!chooser.contains("<script"))
        #expect(chooser.contains("href=\"ky/index.html\""))
    }

    @Test func theNotFoundPageIsStyledAndLinksFromAnyDepthAndFromDisk() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let page = Fixtures.text("404.html", in: site)
        // Its styles are inside it (a linked stylesheet was lost below the root and from disk) ...
        #expect(!page.contains("<link rel=\"stylesheet\""))
        #expect(page.contains("<style>\n/* achyk default theme"))
        #expect(page.contains(".chooser main {"))
        // ... and its links are whole addresses.
        #expect(page.contains("href=\"https://example.org/budget/ru/\""))
    }

    @Test func theFeedHoldsTheNewsAsReadersOfTheLanguageSeeThem() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"))
        let feed = Fixtures.text("ru/feed.xml", in: site)
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">"))
        #expect(feed.contains("<id>https://example.org/budget/ru/news/2022-06-14-forum/</id>"))
        #expect(feed.contains("<updated>2022-06-14T00:00:00Z</updated>"))
        #expect(feed.contains("<summary>Форум открылся.</summary>"))
    }

    @Test func theBaseURLFlagOverridesSiteYAML() async {
        let (_, site) = await Fixtures.build(Fixtures.content("trilingual"), baseURL: "https://budget.example.kg/")
        #expect(Fixtures.text("en/about/index.html", in: site).contains("<link rel=\"canonical\" href=\"https://budget.example.kg/en/about/\">"))
    }

    @Test func aSingleLanguageSiteBuilds() async throws {
        let (report, site) = await Fixtures.build(Fixtures.content("minimal"))
        #expect(report.diagnostics.all.isEmpty)
        #expect(try #require(report.written).pagesPerLanguage == [.en: 5])
        #expect(Fixtures.text("en/about/index.html", in: site).contains("<p>Hello.</p>"))
    }

    @Test func checkWritesNothing() async {
        let options = BuildOptions(contentFolder: Fixtures.content("trilingual"), theme: Fixtures.theme, outputFolder: nil)
        let report = await SiteBuilder().build(options)
        #expect(report.succeeded)
        #expect(report.written?.pagesPerLanguage[.ky] == 16)
    }

    @Test func aMarkdownProblemFoundWhileBudgetPagesAreMadeLeavesThePreviousSiteAsItWas() async throws {
        // Budget pages are made while the Markdown stage runs; a problem it finds must still stop the whole build.
        let folder = Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Fixtures.content("trilingual"), to: content)
        let output = folder.appendingPathComponent("Site")
        let (first, _) = await Fixtures.build(content, into: output, strict: true)
        #expect(first.succeeded)
        let before = Fixtures.files(in: output)
        #expect(before.contains("ky/budgets/tamchy/2024/index.html"))
        let broken = content.appendingPathComponent("pages/about.en.md")
        try (String(contentsOf: broken, encoding: .utf8) + "\nSee [the plan](/en/no-such-page/).\n").write(to: broken, atomically: true, encoding: .utf8)
        let (second, _) = await Fixtures.build(content, into: output, strict: true)
        #expect(!second.succeeded)
        #expect(second.diagnostics.all.map(\.description).contains { $0.contains("pages/about.en.md") && $0.contains("/en/no-such-page/") })
        #expect(Fixtures.files(in: output) == before)
        // No staging folder is left beside the output (the lock file stays, as after any build).
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(beside == [".Site.achyk-lock", "Content", "Site"])
    }

    @Test func strictTurnsWarningsIntoFailure() async throws {
        let content = Fixtures.temporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.content("minimal"), to: content.appendingPathComponent("Content"))
        try "x".write(to: content.appendingPathComponent("Content/notes.txt"), atomically: true, encoding: .utf8)
        let (lenient, _) = await Fixtures.build(content.appendingPathComponent("Content"))
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.warningCount == 1)
        let (strict, site) = await Fixtures.build(content.appendingPathComponent("Content"), strict: true)
        #expect(!strict.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
