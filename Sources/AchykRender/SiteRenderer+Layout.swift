import AchykModel

/// What the base layout needs to know about the page it frames.
struct PageFrame {
    /// The same page in each language, by output path.
    let versions: [Language: String]
    let title: String
    let description: String
    /// Which menu entry the page belongs to (a page slug, `handbook`, `news`), if any.
    let menuEntry: String?
    var isArticle = false
}

extension SiteRenderer {
    func layout(for frame: PageFrame, in language: Language) -> LayoutView {
        let l = localizer(language)
        let current = frame.versions[language] ?? paths.home(language)
        let siteTitle = text(settings.title, in: language) ?? ""
        let defaultLanguage = settings.defaultLanguage
        let alternates = languages.compactMap { other in
            frame.versions[other].map { AlternateView(hreflang: other.rawValue, href: paths.absoluteURL($0)) }
        }
        return LayoutView(
            lang: language.rawValue,
            documentTitle: frame.title == siteTitle ? siteTitle : "\(frame.title) — \(siteTitle)",
            description: frame.description.isEmpty ? (text(settings.description, in: language) ?? "") : frame.description,
            canonical: paths.absoluteURL(current),
            ogType: frame.isArticle ? "article" : "website",
            ogLocale: language.openGraphLocale,
            ogLocaleAlternates: languages.filter { $0 != language }.map(\.openGraphLocale),
            ogTitle: frame.title,
            alternates: alternates,
            xDefault: paths.absoluteURL(frame.versions[defaultLanguage] ?? paths.home(defaultLanguage)),
            siteTitle: siteTitle,
            homeHref: SitePaths.relative(from: current, to: paths.home(language)),
            chooserHref: SitePaths.relative(from: current, to: SitePaths.chooser),
            stylesheetHref: SitePaths.relative(from: current, to: SitePaths.stylesheet),
            feedHref: SitePaths.relative(from: current, to: paths.feed(language)),
            feedTitle: l.text("feed_title", ["site": siteTitle]),
            menuHTML: menus.html(
                MenuView(label: l.text("main_menu"), items: menu(in: language, from: current, currentEntry: frame.menuEntry))
            ) { theme.render($0, with: $1) },
            languages: languages.map { other in
                LinkView(
                    label: other.nativeName,
                    href: SitePaths.relative(from: current, to: frame.versions[other] ?? paths.home(other)),
                    isCurrent: other == language, lang: other.rawValue)
            },
            organisation: text(settings.organisation, in: language),
            t: UIText(texts: l.strings.texts))
    }

    /// The main menu: site.yaml's `menu` (page slugs and the sections `handbook` and `news`), else the sections
    /// followed by every page.
    func menu(in language: Language, from current: String, currentEntry: String?) -> [LinkView] {
        let pageGroups = pages.pagesBySlug
        let entries = settings.menu?.map(\.name) ?? (["handbook", "budgets", "news"] + pageGroups.keys.sorted())
        let l = localizer(language)
        return entries.compactMap { entry in
            let target: String
            let label: String
            var lang: String?
            switch entry {
            case "budgets", "partnerships", "handbook", "news":
                // A section is in the menu only when it has something to show.
                let isEmpty = switch entry {
                case "budgets": budgets.isEmpty
                case "partnerships": content.partnerships.isEmpty
                case "news": content.pages(of: .news).isEmpty
                default: content.pages(of: .caseStudy).isEmpty
                }
                guard !isEmpty, let index = sectionIndex(entry, in: language) else { return nil }
                target = index
                label = l.text(entry)
            default:
                guard let group = pageGroups[entry], let page = group.version(for: language, siteOrder: languages) else { return nil }
                target = paths.page(group.key, in: language)
                label = page.frontMatter.title
                lang = page.language == language ? nil : page.language.rawValue
            }
            return LinkView(label: label, href: SitePaths.relative(from: current, to: target), isCurrent: entry == currentEntry, lang: lang)
        }
    }
}
