// View structs handed to the Mustache templates. swift-mustache reads stored properties through Mirror, so every
// field is computed before the view is built; templates only place values.

struct LinkView: Hashable, Sendable {
    let label: String
    let href: String
    var isCurrent = false
    var lang: String? = nil

    /// ` lang="…" hreflang="…"` for a link to a text in another language, else nothing.
    var langAttributes: String {
        lang.map { " lang=\"\(FastHTMLContentType.escape($0))\" hreflang=\"\(FastHTMLContentType.escape($0))\"" } ?? ""
    }
}

struct AlternateView: Hashable, Sendable {
    let hreflang: String
    let href: String
}

struct LayoutView: Sendable {
    let lang: String
    let documentTitle: String
    let description: String
    let canonical: String
    let ogType: String
    let ogLocale: String
    let ogLocaleAlternates: [String]
    let ogTitle: String
    let alternates: [AlternateView]
    let xDefault: String
    let siteTitle: String
    let homeHref: String
    let chooserHref: String
    let stylesheetHref: String
    let feedHref: String
    let feedTitle: String
    /// The main menu's HTML (`menu` template), shared by every page with the same links.
    let menuHTML: String
    let languages: [LinkView]
    let organisation: String?
    let t: UIText
}

/// The UI strings as templates read them (`{{t.key}}`). A plain dictionary would be converted to `[String: Any]`
/// by swift-mustache on every lookup, copying all its strings; this answers a key directly.
struct UIText: Hashable, Sendable, CustomStringConvertible {
    let texts: [String: String]

    var description: String { "UIText(\(texts.count) strings)" }
}

struct FallbackView: Sendable {
    let message: String
    let versions: [LinkView]
}

struct FactView: Sendable {
    let label: String
    let values: [FactValueView]
}

/// One value of a fact box or filter list; a link where there is a page to go to.
struct FactValueView: Sendable {
    let label: String
    var href: String? = nil
    var isCurrent = false
}

struct ArticleView: Sendable {
    let title: String
    let tagline: String?
    let summary: String?
    let dateText: String?
    let dateISO: String?
    let bodyHTML: String
    let bodyLang: String
    let fallback: FallbackView?
    let facts: [FactView]
    let breadcrumbs: [LinkView]
}

struct PageView: Sendable {
    let layout: LayoutView
    let article: ArticleView
}

struct ListItemView: Hashable, Sendable {
    /// The heading level of the item's title, so that headings never skip a level on the page that lists it.
    var level = 2
    let title: String
    var href: String
    let lang: String
    let tagline: String?
    let summary: String?
    let dateText: String?
    let dateISO: String?
    let meta: [String]
    /// "Not yet translated", in the reader's language, when the item shows a fallback.
    var notTranslated: String? = nil
}

/// The main menu, rendered once per distinct set of links (`menu` template).
struct MenuView: Hashable, Sendable {
    let label: String
    let items: [LinkView]
}

struct SectionView: Sendable {
    let layout: LayoutView
    let title: String
    let intro: String?
    let countText: String
    /// The listed pages, each rendered with the `item` template.
    let items: [String]
    let filters: [FactView]
    let breadcrumbs: [LinkView]
    /// Pages in pages/ that belong to this section (its foreword, for example).
    var sectionPages: [LinkView] = []
}

struct HomeBlockView: Sendable {
    let id: String
    let title: String
    let text: String?
    let href: String
    let linkLabel: String
    /// Each rendered with the `item` template.
    let items: [String]
}

struct HomeView: Sendable {
    let layout: LayoutView
    let title: String
    /// The site's description; not `description`, which inside the layout would find the page's meta description.
    let lead: String?
    let blocks: [HomeBlockView]
    let pages: [ListItemView]
}

struct ChooserLanguageView: Sendable {
    let lang: String
    let name: String
    let siteTitle: String
    let description: String?
    let href: String
}

struct ChooserView: Sendable {
    let lang: String
    let title: String
    /// "Choose a language" in each language, each marked with its own language.
    let heading: [LinkView]
    let stylesheetHref: String
    let languages: [ChooserLanguageView]
    let alternates: [AlternateView]
    let canonical: String
}

struct NotFoundMessageView: Sendable {
    let lang: String
    let heading: String
    let text: String
    let homeHref: String
    let homeLabel: String
}

struct NotFoundView: Sendable {
    let lang: String
    let title: String
    let stylesheetHref: String
    let messages: [NotFoundMessageView]
}

/// The budgets index, a municipality's page, a year's citizen budget and the partnership pages share one template:
/// the frame is the theme's; the body (key figures, sections with charts and tables) is built in code, as these
/// pages are most of a national site and a template lookup per figure made them the slowest part of a build.
struct BudgetPageView: Sendable {
    let layout: LayoutView
    let breadcrumbs: [LinkView]
    let title: String
    let subtitle: String?
    let notices: [String]
    let bodyHTML: String
}
