import Mustache

// Templates look values up by name. swift-mustache falls back to Mirror, which rebuilds every child of a value
// on each lookup and took most of a build's time; these switches answer directly. A test checks that each
// answers for every stored property, so a new field cannot be forgotten here.

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "isCurrent": self.isCurrent
        case "lang": self.lang
        // Never nil: a missing `lang` would otherwise be looked up in the enclosing views, which carry the page's.
        case "langAttributes": self.langAttributes
        default: nil
        }
    }
}

extension AlternateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hreflang": self.hreflang
        case "href": self.href
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "documentTitle": self.documentTitle
        case "description": self.description
        case "canonical": self.canonical
        case "ogType": self.ogType
        case "ogLocale": self.ogLocale
        case "ogLocaleAlternates": self.ogLocaleAlternates
        case "ogTitle": self.ogTitle
        case "alternates": self.alternates
        case "xDefault": self.xDefault
        case "siteTitle": self.siteTitle
        case "homeHref": self.homeHref
        case "chooserHref": self.chooserHref
        case "stylesheetHref": self.stylesheetHref
        case "feedHref": self.feedHref
        case "feedTitle": self.feedTitle
        case "menuHTML": self.menuHTML
        case "languages": self.languages
        case "organisation": self.organisation
        case "t": self.t
        default: nil
        }
    }
}

extension FallbackView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "message": self.message
        case "versions": self.versions
        default: nil
        }
    }
}

extension FactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "values": self.values
        default: nil
        }
    }
}

extension FactValueView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "isCurrent": self.isCurrent
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "tagline": self.tagline
        case "summary": self.summary
        case "dateText": self.dateText
        case "dateISO": self.dateISO
        case "bodyHTML": self.bodyHTML
        case "bodyLang": self.bodyLang
        case "fallback": self.fallback
        case "facts": self.facts
        case "breadcrumbs": self.breadcrumbs
        default: nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "article": self.article
        default: nil
        }
    }
}

extension ListItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": self.level
        case "title": self.title
        case "href": self.href
        case "lang": self.lang
        case "tagline": self.tagline
        case "summary": self.summary
        case "dateText": self.dateText
        case "dateISO": self.dateISO
        case "meta": self.meta
        case "notTranslated": self.notTranslated
        default: nil
        }
    }
}

extension MenuView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "items": self.items
        default: nil
        }
    }
}

extension SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "intro": self.intro
        case "countText": self.countText
        case "items": self.items
        // The items as one text: a list of thousands is one lookup instead of a section over each item.
        case "itemsHTML": self.items.reduce(into: "") { html, item in html += item; html += "\n" }
        case "filters": self.filters
        case "breadcrumbs": self.breadcrumbs
        case "sectionPages": self.sectionPages
        default: nil
        }
    }
}

extension HomeBlockView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "text": self.text
        case "href": self.href
        case "linkLabel": self.linkLabel
        case "items": self.items
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "lead": self.lead
        case "blocks": self.blocks
        case "pages": self.pages
        default: nil
        }
    }
}

extension ChooserLanguageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "name": self.name
        case "siteTitle": self.siteTitle
        case "description": self.description
        case "href": self.href
        default: nil
        }
    }
}

extension ChooserView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "title": self.title
        case "heading": self.heading
        case "stylesheetHref": self.stylesheetHref
        case "languages": self.languages
        case "alternates": self.alternates
        case "canonical": self.canonical
        default: nil
        }
    }
}

extension NotFoundMessageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "heading": self.heading
        case "text": self.text
        case "homeHref": self.homeHref
        case "homeLabel": self.homeLabel
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "title": self.title
        case "stylesheetHref": self.stylesheetHref
        case "messages": self.messages
        default: nil
        }
    }
}

extension BudgetPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "breadcrumbs": self.breadcrumbs
        case "title": self.title
        case "subtitle": self.subtitle
        case "notices": self.notices
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension UIText: MustacheParent {
    func child(named name: String) -> Any? { texts[name] }
}
