import Plot

/// The page with Plot 0.14.0's DSL: its head components (`.title`, `.description`, `.url`, …), elements and
/// attributes, the body inserted with `.raw`, rendered without indentation.
func renderWithPlot(_ page: Page) -> String {
    HTML(
        .attribute(named: "lang", value: page.language),
        .head(
            .encoding(.utf8),
            .viewport(.accordingToDevice),
            .title(attr(page.documentTitle)),
            .description(attr(page.description)),
            .url(page.canonical),
            .forEach(page.alternates) { alternate in
                .link(.rel(.alternate), .attribute(named: "hreflang", value: alternate.language), .href(alternate.href))
            },
            .siteName(attr(page.siteTitle)),
            .meta(.property("og:type"), .content("article")),
            .meta(.property("og:locale"), .content(page.ogLocale)),
            .twitterCardType(.summary),
            .stylesheet(page.stylesheet)
        ),
        .body(
            .a(.class("skip"), .href("#main"), .text(page.labels.skipToContent)),
            pageHeader(page),
            pageMain(page),
            pageFooter(page)
        )
    )
    .render()
}

/// Plot 0.14.0 writes attribute values as they are (`name="value"`), so every value from content is escaped here
/// first (the same five characters as `HTMLWriter`). Its text escaping keeps entities that are already there, so an
/// escaped value is also right where a component puts it into text as well (`.title` into `<title>`).
private func attr(_ value: String) -> String {
    var writer = HTMLWriter()
    writer.text(value)
    return writer.html
}

private func pageHeader(_ page: Page) -> Node<HTML.BodyContext> {
    .header(
        .class("site-header"),
        .div(
            .class("wrap bar"),
            .a(.class("brand"), .href(page.home), .text(page.siteTitle)),
            .nav(
                .class("languages"),
                .ariaLabel(attr(page.labels.languages)),
                .ul(.forEach(page.languages) { language in
                    .li(.a(
                        .href(language.href),
                        .attribute(named: "hreflang", value: language.language),
                        .attribute(named: "lang", value: language.language),
                        .if(language.isCurrent, .attribute(named: "aria-current", value: "true")),
                        .text(language.label)
                    ))
                })
            )
        ),
        .nav(
            .class("menu"),
            .ariaLabel(attr(page.labels.menu)),
            .div(.class("wrap"), .ul(.forEach(page.menu) { item in
                .li(.a(
                    .href(item.href),
                    .if(item.isCurrent, .attribute(named: "aria-current", value: "page")),
                    .text(item.label)
                ))
            }))
        )
    )
}

private func pageMain(_ page: Page) -> Node<HTML.BodyContext> {
    .main(
        .id("main"),
        .class("wrap"),
        .nav(
            .class("crumbs"),
            .ariaLabel(attr(page.labels.breadcrumbs)),
            .ol(.forEach(page.breadcrumbs) { crumb in
                .li(.a(.href(crumb.href), .text(crumb.label)))
            })
        ),
        .article(
            .class("article"),
            .header(
                .class("article-head"),
                .h1(.text(page.title)),
                .p(.class("date"), .time(.datetime(page.dateISO), .text(page.dateText)))
            ),
            .dl(.class("facts"), .forEach(page.facts) { fact in
                .div(
                    .dt(.text(fact.label)),
                    .dd(.forEach(fact.values) { value in
                        .span(.unwrap(value.href, { .a(.href(attr($0)), .text(value.label)) }, else: .text(value.label)))
                    })
                )
            }),
            .div(.class("prose"), .raw(page.bodyHTML))
        )
    )
}

private func pageFooter(_ page: Page) -> Node<HTML.BodyContext> {
    .footer(
        .class("site-footer"),
        .div(
            .class("wrap"),
            .p(.text(page.labels.publishedBy), .text(" "), .text(page.organisation)),
            .p(
                .a(.href(page.feed), .text(page.labels.feed)),
                .text(" · "),
                .a(.href(page.chooser), .text(page.labels.allLanguages))
            )
        )
    )
}
