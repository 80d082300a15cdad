// View structs handed to the Mustache templates. swift-mustache reads stored properties through Mirror, so every
// field is computed before the view is built; templates only place values.

struct LinkView: Hashable, Sendable {
    let label: String
    let href: String
    var isCurrent = false
    var lang: String? = nil
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
    let t: [String: String]
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
    let href: String
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

/// A large figure at the top of a budget page: rounded in words, with the exact figure beside it.
struct KeyFigureView: Sendable {
    let label: String
    let value: String
    let exact: String?
    let note: String?
}

/// A section of a budget page; `html` holds what the renderer built (charts with their tables, lists).
struct BudgetSectionView: Sendable {
    let id: String
    let heading: String
    let paragraphs: [String]
    let html: String?
    /// The language of the section's text when it differs from the page's (a commentary shown as a fallback).
    var textLang: String? = nil
}

/// The budgets index, a municipality's page and a year's citizen budget share one template.
struct BudgetPageView: Sendable {
    let layout: LayoutView
    let breadcrumbs: [LinkView]
    let title: String
    let subtitle: String?
    let notices: [String]
    let lead: [String]
    let keyFigures: [KeyFigureView]
    let sections: [BudgetSectionView]
    /// Where the figures come from, with a link when the source has one.
    let sourceHTML: String?
}
