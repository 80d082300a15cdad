@testable import AchykRender
import Mustache
import Testing

/// Each view answers a template's lookup for every stored property, with the property's own value.
@Suite struct ViewLookupTests {
    static let link = LinkView(label: "Кыргызча", href: "ky/index.html", isCurrent: true, lang: "ky")
    static let fact = FactView(label: "Oblast", values: [FactValueView(label: "Chui", href: "x", isCurrent: true)])
    static let item = ListItemView(
        level: 3, title: "T", href: "h", lang: "ky", tagline: "tag", summary: "sum", dateText: "1", dateISO: "2",
        meta: ["m"], notTranslated: "n")
    static let layout = LayoutView(
        lang: "ky", documentTitle: "d", description: "desc", canonical: "c", ogType: "o", ogLocale: "l",
        ogLocaleAlternates: ["a"], ogTitle: "ot", alternates: [AlternateView(hreflang: "ru", href: "r")], xDefault: "x",
        siteTitle: "s", homeHref: "h", chooserHref: "ch", stylesheetHref: "css", feedHref: "f", feedTitle: "ft",
        menuHTML: "<nav>", languages: [link], organisation: "org", t: UIText(texts: ["k": "v"]))
    static let article = ArticleView(
        title: "t", tagline: "tg", summary: "s", dateText: "d", dateISO: "i", bodyHTML: "<p>", bodyLang: "ky",
        fallback: FallbackView(message: "m", versions: [link]), facts: [fact], breadcrumbs: [link])

    static let views: [any MustacheParent & Sendable] = [
        link, AlternateView(hreflang: "ky", href: "h"), layout, FallbackView(message: "m", versions: [link]), fact,
        FactValueView(label: "l", href: "h", isCurrent: true), article, PageView(layout: layout, article: article), item,
        SectionView(
            layout: layout, title: "t", intro: "i", countText: "c", items: ["<li>"], filters: [fact], breadcrumbs: [link],
            sectionPages: [link]),
        MenuView(label: "m", items: [link]),
        HomeBlockView(id: "i", title: "t", text: "x", href: "h", linkLabel: "l", items: ["<li>"]),
        HomeView(layout: layout, title: "t", lead: "d", blocks: [], pages: [item]),
        ChooserLanguageView(lang: "ky", name: "Кыргызча", siteTitle: "s", description: "d", href: "h"),
        ChooserView(lang: "ky", title: "t", heading: [link], stylesheetHref: "s", languages: [], alternates: [], canonical: "c"),
        NotFoundMessageView(lang: "ky", heading: "h", text: "t", homeHref: "hh", homeLabel: "hl"),
        NotFoundView(lang: "ky", title: "t", stylesheetHref: "s", messages: []),
        BudgetPageView(layout: layout, breadcrumbs: [link], title: "t", subtitle: "s", notices: ["n"], bodyHTML: "<svg>"),
    ]

    @Test(arguments: 0..<views.count)
    func everyStoredPropertyIsFound(index: Int) {
        let view = Self.views[index]
        let mirror = Mirror(reflecting: view)
        #expect(mirror.children.count > 0)
        for child in mirror.children {
            guard let label = child.label else { continue }
            let found = view.child(named: label)
            #expect(String(describing: found ?? "nil") == String(describing: unwrap(child.value) ?? "nil"), "\(type(of: view)).\(label)")
        }
        #expect(view.child(named: "noSuchField") == nil)
    }

    private func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
