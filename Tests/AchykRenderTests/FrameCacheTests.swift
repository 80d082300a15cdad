import AchykModel
@testable import AchykRender
import AchykTheme
import Foundation
import Testing

/// Pages framed from a skeleton of the base layout are the same, byte for byte, as swift-mustache's own rendering.
@Suite struct FrameCacheTests {
    static func theme(replacingBase base: String? = nil) throws -> Theme {
        try theme(replacing: base.map { ["templates/base.mustache": $0] } ?? [:])
    }

    /// The default theme with some of its files replaced.
    static func theme(replacing files: [String: String]) throws -> Theme {
        var diagnostics = Diagnostics()
        guard !files.isEmpty else {
            return try #require(Theme.load(.builtIn, languages: [.ky, .ru, .en], reporting: &diagnostics))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        for (path, text) in EmbeddedTheme.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (files[path] ?? text).write(to: url, atomically: true, encoding: .utf8)
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

/// Main blocks of the many-of-a-kind pages come from skeletons of their lookups, equal to swift-mustache's output.
@Suite struct BlockSkeletonTests {
    static func page(
        title: String, tagline: String? = "Девиз", fallback: FallbackView? = nil, facts: Int = 1, crumbs: Int = 1
    ) -> PageView {
        let base = FrameCacheTests.page(title: title, alternates: 3)
        return PageView(
            layout: base.layout,
            article: ArticleView(
                title: title, tagline: tagline, summary: nil, dateText: nil, dateISO: nil, bodyHTML: "<p>\(title) & <b>тело</b></p>",
                bodyLang: "ru", fallback: fallback,
                facts: (0..<facts).map { FactView(label: "Факт \($0) <&>", values: [FactValueView(label: "Чуй", href: $0 == 0 ? "x" : nil)]) },
                breadcrumbs: (0..<crumbs).map { LinkView(label: "Ступень \($0)", href: "../\($0)/index.html") }))
    }

    @Test func pagesOfOneShapeShareASkeletonAndEqualMustachesRendering() throws {
        let theme = try FrameCacheTests.theme()
        let frames = FrameCache(theme: theme)
        for title in ["Первая", "Вторая & <третья>", "\"Кавычки\" и 'апостроф'", "Ещё"] {
            let page = Self.page(title: title)
            #expect(frames.render(page, with: "page") == theme.render(page, with: "page"))
        }
        #expect(frames.blocks.counts.skeletons == 1)
        #expect(frames.blocks.counts.refused == 0)
    }

    @Test func pagesThatTakeOtherPathsThroughTheTemplateGetTheirOwnSkeletons() throws {
        let theme = try FrameCacheTests.theme()
        let frames = FrameCache(theme: theme)
        let fallback = FallbackView(message: "Не переведено", versions: [LinkView(label: "Кыргызча", href: "../ky/", lang: "ky")])
        let pages = [
            Self.page(title: "Один"), Self.page(title: "Без девиза", tagline: nil), Self.page(title: "Пустой девиз", tagline: ""),
            Self.page(title: "Перевод", fallback: fallback), Self.page(title: "Без фактов", facts: 0),
            Self.page(title: "Три факта", facts: 3), Self.page(title: "Две ступени", crumbs: 2), Self.page(title: "Снова один"),
        ]
        for page in pages {
            #expect(frames.render(page, with: "page") == theme.render(page, with: "page"))
        }
        // Every page but the last has a shape of its own.
        #expect(frames.blocks.counts.skeletons == 7)
    }

    @Test func aTransformOnATextLeavesTheTemplatesToSwiftMustache() throws {
        let source = try #require(EmbeddedTheme.files["templates/page.mustache"])
        let theme = try FrameCacheTests.theme(replacing: [
            "templates/page.mustache": source.replacingOccurrences(of: "<h1 lang=\"{{bodyLang}}\">{{title}}</h1>", with: "<h1>{{uppercased(title)}}</h1>")
        ])
        let frames = FrameCache(theme: theme)
        for title in ["Первая", "вторая"] {
            let page = Self.page(title: title)
            let html = frames.render(page, with: "page")
            #expect(html == theme.render(page, with: "page"))
            #expect(html.contains("<h1>\(title.uppercased())</h1>"))
        }
        #expect(frames.blocks.counts.skeletons == 0)
        #expect(!BlockSkeletons.usesOnlyStructuralTransforms("{{#reversed(items)}}{{/reversed(items)}}"))
        #expect(BlockSkeletons.usesOnlyStructuralTransforms("{{! a note (with brackets) }}{{^empty(facts)}}{{#first(items)}}{{/first(items)}}{{/empty(facts)}}"))
    }

    @Test func aTemplateThatPrintsWhatMarkersCannotShowIsRenderedOrdinarily() throws {
        // `{{article}}` prints the view itself, which the probe cannot stand in for: the comparison refuses the shape.
        let source = try #require(EmbeddedTheme.files["templates/page.mustache"])
        let theme = try FrameCacheTests.theme(replacing: [
            "templates/page.mustache": source.replacingOccurrences(of: "{{#article}}\n", with: "{{#article}}\n<!-- {{article}} -->\n")
        ])
        let frames = FrameCache(theme: theme)
        for title in ["Первая", "Вторая"] {
            let page = Self.page(title: title)
            #expect(frames.render(page, with: "page") == theme.render(page, with: "page"))
        }
        #expect(frames.blocks.counts.skeletons == 0)
        #expect(frames.blocks.counts.refused == 1)
    }
}
