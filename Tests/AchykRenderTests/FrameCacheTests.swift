import AchykModel
@testable import AchykRender
import AchykTheme
import Foundation
import Testing

/// Pages framed from a skeleton of the base layout are the same, byte for byte, as swift-mustache's own rendering.
@Suite struct FrameCacheTests {
    static func theme(replacingBase base: String? = nil) throws -> Theme {
        var diagnostics = Diagnostics()
        guard let base else {
            return try #require(Theme.load(.builtIn, languages: [.ky, .ru, .en], reporting: &diagnostics))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        for (path, text) in EmbeddedTheme.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (path == "templates/base.mustache" ? base : text).write(to: url, atomically: true, encoding: .utf8)
        }
        return try #require(Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky, .ru, .en], reporting: &diagnostics))
    }

    static func layout(title: String, alternates: Int, organisation: String? = "Альянс & Co") -> LayoutView {
        let languages: [(String, String)] = [("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English")]
        return LayoutView(
            lang: "ru", documentTitle: "\(title) — Сайт", description: "Описание <с> \"кавычками\"", canonical: "https://example.org/ru/x/",
            ogType: "article", ogLocale: "ru_RU", ogLocaleAlternates: ["ky_KG", "en_US"], ogTitle: title,
            alternates: languages.prefix(alternates).map { AlternateView(hreflang: $0.0, href: "https://example.org/\($0.0)/x/") },
            xDefault: "https://example.org/ky/x/", siteTitle: "Сайт", homeHref: "../index.html", chooserHref: "../../index.html",
            stylesheetHref: "../../assets/style.css", feedHref: "../feed.xml", feedTitle: "Новости", menuHTML: "<nav class=\"menu\">…</nav>",
            languages: languages.map { LinkView(label: $0.1, href: "../../\($0.0)/x/index.html", isCurrent: $0.0 == "ru", lang: $0.0) },
            organisation: organisation, t: UIText(texts: ["skip_to_content": "К содержанию", "languages": "Языки", "feed": "Лента"]))
    }

    static func page(title: String, alternates: Int, organisation: String? = "Альянс & Co") -> PageView {
        let link = LinkView(label: "Главная", href: "../index.html")
        return PageView(
            layout: layout(title: title, alternates: alternates, organisation: organisation),
            article: ArticleView(
                title: title, tagline: "Девиз", summary: nil, dateText: nil, dateISO: nil, bodyHTML: "<p>Текст & ещё</p>",
                bodyLang: "ru", fallback: nil, facts: [FactView(label: "Область", values: [FactValueView(label: "Чуй", href: "x")])],
                breadcrumbs: [link]))
    }

    @Test func theDefaultThemesPagesComeFromSkeletonsAndEqualMustachesRendering() throws {
        let theme = try Self.theme()
        let frames = FrameCache(theme: theme)
        let pages = [
            Self.page(title: "Первая", alternates: 3), Self.page(title: "Вторая & <третья>", alternates: 3),
            Self.page(title: "Без перевода", alternates: 1), Self.page(title: "Ещё", alternates: 1, organisation: nil),
            Self.page(title: "И ещё", alternates: 3),
        ]
        for page in pages {
            #expect(frames.render(page, with: "page") == theme.render(page, with: "page"))
        }
        // Three shapes (three alternates, one alternate, no organisation), each built once and kept.
        #expect(frames.shapes.skeletons == 3)
        #expect(frames.shapes.refused == 0)
    }

    @Test func aBaseThatTestsAPagesValueIsRenderedByMustache() throws {
        let base = try #require(EmbeddedTheme.files["templates/base.mustache"]).replacingOccurrences(
            of: "<meta name=\"description\" content=\"{{description}}\">",
            with: "{{#description}}<meta name=\"description\" content=\"{{description}}\">{{/description}}")
        let theme = try Self.theme(replacingBase: base)
        let frames = FrameCache(theme: theme)
        var empty = Self.page(title: "Пусто", alternates: 3)
        empty = PageView(
            layout: LayoutView(
                lang: empty.layout.lang, documentTitle: "Пусто", description: "", canonical: empty.layout.canonical,
                ogType: "article", ogLocale: "ru_RU", ogLocaleAlternates: [], ogTitle: "Пусто", alternates: [], xDefault: "",
                siteTitle: "", homeHref: "", chooserHref: "", stylesheetHref: "", feedHref: "", feedTitle: "", menuHTML: "",
                languages: [], organisation: nil, t: empty.layout.t),
            article: empty.article)
        for page in [Self.page(title: "Полно", alternates: 3), empty] {
            #expect(frames.render(page, with: "page") == theme.render(page, with: "page"))
        }
        #expect(frames.shapes.skeletons == 0)
    }

    @Test func theMainBlockIsTakenOnlyFromTemplatesOfTheUsualShape() {
        let usual = "{{% CONTENT_TYPE: achyk-html }}\n{{! note }}\n{{<base}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/base}}\n"
        #expect(FrameCache.mainBlock(of: usual) == "{{% CONTENT_TYPE: achyk-html }}\n{{#layout}}\n<h1>{{title}}</h1>\n{{/layout}}\n")
        #expect(FrameCache.mainBlock(of: "<p>{{title}}</p>\n") == nil)
        #expect(FrameCache.mainBlock(of: "{{<base}}\n{{$main}}\n{{$head}}x{{/head}}\n{{/main}}\n{{/base}}\n") == nil)
        #expect(FrameCache.isPlain("<title>{{documentTitle}}</title>{{#alternates}}{{href}}{{/alternates}}", sources: [:]))
        #expect(!FrameCache.isPlain("{{^empty(description)}}x{{/empty(description)}}", sources: [:]))
        #expect(!FrameCache.isPlain("{{>head}}", sources: ["head": "{{#ogType}}x{{/ogType}}"]))
    }
}
