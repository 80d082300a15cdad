/// The page with `HTMLWriter`: the markup in the order it is read, every value escaped by `text` or `attribute`.
func renderWithWriter(_ page: Page) -> String {
    var w = HTMLWriter(capacity: 16_384)
    w.raw("<!DOCTYPE html><html")
    w.attribute("lang", page.language)
    w.raw("><head>")
    w.raw(#"<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">"#)
    w.raw("<title>"); w.text(page.documentTitle); w.raw("</title>")
    w.meta(name: "twitter:title", content: page.documentTitle)
    w.meta(property: "og:title", content: page.documentTitle)
    w.meta(name: "description", content: page.description)
    w.meta(name: "twitter:description", content: page.description)
    w.meta(property: "og:description", content: page.description)
    w.raw(#"<link rel="canonical""#); w.attribute("href", page.canonical); w.raw(">")
    w.meta(name: "twitter:url", content: page.canonical)
    w.meta(property: "og:url", content: page.canonical)
    for alternate in page.alternates {
        w.raw(#"<link rel="alternate""#)
        w.attribute("hreflang", alternate.language)
        w.attribute("href", alternate.href)
        w.raw(">")
    }
    w.meta(property: "og:site_name", content: page.siteTitle)
    w.meta(property: "og:type", content: "article")
    w.meta(property: "og:locale", content: page.ogLocale)
    w.meta(name: "twitter:card", content: "summary")
    w.raw(#"<link rel="stylesheet""#); w.attribute("href", page.stylesheet); w.raw(#" type="text/css">"#)
    w.raw("</head><body>")
    w.raw("<a class=\"skip\" href=\"#main\">"); w.text(page.labels.skipToContent); w.raw("</a>")
    writeHeader(page, to: &w)
    writeMain(page, to: &w)
    writeFooter(page, to: &w)
    w.raw("</body></html>")
    return w.html
}

private func writeHeader(_ page: Page, to w: inout HTMLWriter) {
    w.raw(#"<header class="site-header"><div class="wrap bar"><a class="brand""#)
    w.attribute("href", page.home)
    w.raw(">"); w.text(page.siteTitle); w.raw("</a>")
    w.raw(#"<nav class="languages""#); w.attribute("aria-label", page.labels.languages); w.raw("><ul>")
    for language in page.languages {
        w.raw("<li><a")
        w.attribute("href", language.href)
        w.attribute("hreflang", language.language)
        w.attribute("lang", language.language)
        if language.isCurrent { w.raw(#" aria-current="true""#) }
        w.raw(">"); w.text(language.label); w.raw("</a></li>")
    }
    w.raw("</ul></nav></div>")
    w.raw(#"<nav class="menu""#); w.attribute("aria-label", page.labels.menu); w.raw(#"><div class="wrap"><ul>"#)
    for item in page.menu {
        w.raw("<li><a")
        w.attribute("href", item.href)
        if item.isCurrent { w.raw(#" aria-current="page""#) }
        w.raw(">"); w.text(item.label); w.raw("</a></li>")
    }
    w.raw("</ul></div></nav></header>")
}

private func writeMain(_ page: Page, to w: inout HTMLWriter) {
    w.raw(#"<main id="main" class="wrap">"#)
    w.raw(#"<nav class="crumbs""#); w.attribute("aria-label", page.labels.breadcrumbs); w.raw("><ol>")
    for crumb in page.breadcrumbs {
        w.raw("<li>"); w.link(crumb.label, href: crumb.href); w.raw("</li>")
    }
    w.raw("</ol></nav>")
    w.raw(#"<article class="article"><header class="article-head"><h1>"#)
    w.text(page.title)
    w.raw(#"</h1><p class="date"><time"#); w.attribute("datetime", page.dateISO); w.raw(">")
    w.text(page.dateText)
    w.raw("</time></p></header>")
    w.raw(#"<dl class="facts">"#)
    for fact in page.facts {
        w.raw("<div><dt>"); w.text(fact.label); w.raw("</dt><dd>")
        for value in fact.values {
            w.raw("<span>")
            if let href = value.href { w.link(value.label, href: href) } else { w.text(value.label) }
            w.raw("</span>")
        }
        w.raw("</dd></div>")
    }
    w.raw("</dl>")
    w.raw(#"<div class="prose">"#); w.raw(page.bodyHTML); w.raw("</div>")
    w.raw("</article></main>")
}

private func writeFooter(_ page: Page, to w: inout HTMLWriter) {
    w.raw(#"<footer class="site-footer"><div class="wrap"><p>"#)
    w.text(page.labels.publishedBy); w.raw(" "); w.text(page.organisation)
    w.raw("</p><p>")
    w.link(page.labels.feed, href: page.feed)
    w.raw(" · ")
    w.link(page.labels.allLanguages, href: page.chooser)
    w.raw("</p></div></footer>")
}
