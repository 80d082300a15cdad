import AchykHTML
import AchykModel
import AchykSite

/// A page written in Markdown (case study, news item, plain page) in one language: its own translation, or the
/// fallback text with a notice in the reader's language.
extension SiteRenderer {
    func renderArticle(_ group: PageGroup, in language: Language) throws -> OutputFile? {
        guard let page = group.version(for: language, siteOrder: languages) else { return nil }
        let l = localizer(language)
        let key = group.key
        let path = paths.page(key, in: language)
        let front = page.frontMatter
        let bodyLang = page.language.rawValue
        let body = try self.body(of: page)
        var sections: [SiteSection] = key.kind == .caseStudy ? [.handbook] : key.kind == .news ? [.news] : []
        if let section = front.section.flatMap(SiteSection.init(rawValue:)) { sections.append(section) }
        let frame = PageFrame(
            versions: perLanguage { paths.page(key, in: $0) }, title: front.title, description: front.summary ?? front.tagline ?? "",
            menuEntry: key.kind == .page ? key.stem : key.kind.folder, isArticle: key.kind != .page,
            breadcrumbs: breadcrumbs(through: sections, from: path, in: language),
            structuredData: articleData(page, key: key, path: path, in: language))
        let html = self.page(frame, in: language) { w in
            w.put("<article class=\"article\">\n")
            if page.language != language {
                w.put("<aside class=\"notice\" role=\"note\">\n")
                w.element("p", text: l.text("fallback_notice"))
                w.put("\n<p>")
                w.text(l.text("fallback_versions"))
                w.put("\n")
                for other in group.translatedLanguages(siteOrder: languages) {
                    w.element("a", ["href": SitePaths.relative(from: path, to: paths.page(key, in: other)), "hreflang": other.rawValue, "lang": other.rawValue], text: other.nativeName)
                    w.put("\n")
                }
                w.put("</p>\n</aside>\n")
            }
            w.put("<header class=\"article-head\">\n")
            w.element("h1", ["lang": bodyLang], text: front.title)
            w.put("\n")
            if let tagline = front.tagline {
                w.element("p", ["class": "tagline", "lang": bodyLang], text: tagline)
                w.put("\n")
            }
            if let date = front.date {
                w.put("<p class=\"date\">")
                w.element("time", ["datetime": date.description], text: l.date(date))
                w.put("</p>\n")
            }
            w.put("</header>\n")
            if key.kind == .caseStudy, let year = front.asOf {
                w.element("p", ["class": "notice dated"], text: l.text("case_as_of", ["year": String(year)]))
                w.put("\n")
            }
            writeFacts(facts(of: front, key: key, from: path, in: language), to: &w)
            let contents = Self.headings(in: body)
            if contents.count >= Self.contentsFrom {
                w.open("nav", ["class": "toc", "aria-labelledby": "toc-heading"])
                w.put("\n")
                w.element("h2", ["id": "toc-heading"], text: l.text("contents"))
                w.put("\n")
                w.open("ol", ["lang": bodyLang])
                w.put("\n")
                for heading in contents {
                    // The heading's text as cmark escaped it, its tags dropped: safe as it is.
                    w.put("<li><a href=\"#")
                    w.text(heading.id)
                    w.put("\">")
                    w.raw(heading.html)
                    w.put("</a></li>\n")
                }
                w.put("</ol>\n</nav>\n")
            }
            w.open("div", ["class": "prose", "lang": bodyLang])
            w.put("\n")
            w.raw(body)
            w.put("\n</div>\n")
            if key.kind == .caseStudy { writeNeighbours(of: key, from: path, in: language, to: &w) }
            w.put("</article>\n")
        }
        return OutputFile(path: path, html: html)
    }

    /// A table of contents from this many second-level headings on.
    static let contentsFrom = 4

    /// The `<h2 id="…">` (or other `level`) headings of a converted body, in order, with their inner HTML stripped
    /// of tags.
    static func headings(in body: String, level: Int = 2) -> [(id: String, html: String)] {
        // Bytes, not Foundation's string search: this runs on every long page of a site of thousands.
        let opening = Array("<h\(level) id=\"".utf8), closing = Array("</h\(level)>".utf8)
        var result: [(id: String, html: String)] = []
        var body = body
        body.withUTF8 { bytes in
            func find(_ needle: [UInt8], from start: Int) -> Int? {
                guard needle.count <= bytes.count else { return nil }
                var index = start
                while index + needle.count <= bytes.count {
                    if bytes[index] == needle[0] {
                        var offset = 1
                        while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return index }
                    }
                    index += 1
                }
                return nil
            }
            var position = 0
            while let open = find(opening, from: position) {
                let idStart = open + opening.count
                guard let idEnd = find([0x22], from: idStart), let tagEnd = find([0x3E], from: idEnd), let close = find(closing, from: tagEnd)
                else { break }
                let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[idStart..<idEnd]), as: UTF8.self)
                var text: [UInt8] = []
                var inTag = false
                for byte in bytes[(tagEnd + 1)..<close] {
                    if byte == 0x3C { inTag = true } else if byte == 0x3E { inTag = false } else if !inTag { text.append(byte) }
                }
                result.append((id, String(decoding: text, as: UTF8.self)))
                position = close + closing.count
            }
        }
        return result
    }

    /// Links to the case before and after this one in the handbook's order.
    private func writeNeighbours(of key: PageKey, from path: String, in language: Language, to w: inout HTMLWriter) {
        guard let index = caseOrder[key] else { return }
        let l = localizer(language)
        let previous = index > caseStudies.startIndex ? caseStudies[index - 1] : nil
        let next = index + 1 < caseStudies.endIndex ? caseStudies[index + 1] : nil
        guard previous != nil || next != nil else { return }
        w.open("nav", ["class": "pager", "aria-label": l.text("more_cases")])
        w.put("\n")
        for (group, rel, label) in [(previous, "prev", l.text("previous_case")), (next, "next", l.text("next_case"))] {
            guard let group, let version = group.version(for: language, siteOrder: languages) else { continue }
            w.open("a", ["href": SitePaths.relative(from: path, to: paths.page(group.key, in: language)), "rel": rel, "class": rel])
            w.element("span", text: label)
            w.put(" ")
            w.element("strong", ["lang": version.language.rawValue], text: version.frontMatter.title)
            w.put("</a>\n")
        }
        w.put("</nav>\n")
    }

    /// A fact box: a label, and values that link where there is a page to go to.
    func writeFacts(_ facts: [Fact], to w: inout HTMLWriter) {
        guard !facts.isEmpty else { return }
        w.put("<dl class=\"facts\">\n")
        for fact in facts {
            w.put("<div>\n")
            w.element("dt", text: fact.label)
            w.put("\n<dd>")
            for value in fact.values {
                w.put("<span>")
                if let href = value.href { w.link(value.label, href: href) } else { w.text(value.label) }
                w.put("</span>")
            }
            w.put("</dd>\n</div>\n")
        }
        w.put("</dl>\n")
    }

    /// The fact box of a case study: where, and on what topics, each linking to its list.
    func facts(of front: FrontMatter, key: PageKey, from path: String, in language: Language) -> [Fact] {
        guard key.kind == .caseStudy else { return [] }
        let l = localizer(language)
        var facts: [Fact] = []
        if let oblast = front.oblast {
            facts.append(Fact(label: l.text("oblast"), values: [
                Fact.Value(label: oblastName(oblast, in: language), href: siteMap.oblastList(oblast, in: language).map { SitePaths.relative(from: path, to: $0) })
            ]))
        }
        if let rayon = front.rayon {
            facts.append(Fact(label: l.text("rayon"), values: [Fact.Value(label: rayon)]))
        }
        if !front.settlements.isEmpty {
            facts.append(Fact(label: l.text("settlements"), values: front.settlements.map { Fact.Value(label: $0) }))
        }
        if let id = front.municipality, let municipality = budgetsByID[id] {
            facts.append(Fact(label: l.text("budgets"), values: [
                Fact.Value(label: municipalityName(municipality.municipality, in: language), href: SitePaths.relative(from: path, to: paths.municipality(id, in: language)))
            ]))
        }
        if let record = partnership(forCase: key, frontMatter: front) {
            facts += recordFacts(record, from: path, in: language)
        }
        if !front.topics.isEmpty {
            facts.append(Fact(label: l.text("topics"), values: front.topics.map { topic in
                Fact.Value(label: topicLabel(topic, in: language), href: siteMap.topicList(topic, in: language).map { SitePaths.relative(from: path, to: $0) })
            }))
        }
        return facts
    }
}

/// One line of a fact box or of a list's filters.
struct Fact: Sendable {
    struct Value: Sendable {
        let label: String
        var href: String? = nil
        var isCurrent = false
    }

    let label: String
    let values: [Value]
}
