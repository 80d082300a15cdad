import AchykHTML
import AchykModel
import AchykSearch
import AchykSite

/// The search page of a language: a search box that `assets/search.js` brings to life, and under it every page
/// of the site from A to Z, which is all a reader without JavaScript gets, and enough to find anything.
extension SiteRenderer {
    /// Above this many pages in a language, the A–Z list is one page per letter: a national site's list of every page
    /// weighed 2.4 MB, too much for a phone to open before it can search.
    static let singlePageAToZ = 1500

    func renderSearchPage(in language: Language) throws -> [OutputFile] {
        let l = localizer(language)
        let path = paths.search(in: language)
        let documents = try searchDocuments(in: language, withText: false)
        let groups = aToZ(documents, in: language)
        let split = documents.count > Self.singlePageAToZ
        let frame = PageFrame(versions: perLanguage { paths.search(in: $0) }, title: l.text("search"), description: l.text("search_intro"), menuEntry: nil,
            breadcrumbs: breadcrumbs(through: [], from: path, in: language))
        let html = page(frame, in: language) { w in
            w.element("h1", text: l.text("search"))
            w.put("\n")
            let kindLabels = SearchKind.allCases.map { l.text("search_kind_\($0.rawValue)") }
            w.open("div", [
                "id": "search", "class": "search", "data-index": "./", "data-root": SitePaths.relative(from: path, to: ""),
                "data-lang": language.rawValue, "data-state": "idle",
                "data-found": l.text("search_found"), "data-none": l.text("search_none"), "data-loading": l.text("search_loading"),
                "data-error": l.text("search_error"), "data-more": l.text("search_more"),
                "data-kind-case": kindLabels[0], "data-kind-budget": kindLabels[1], "data-kind-municipality": kindLabels[2],
                "data-kind-partnership": kindLabels[3], "data-kind-news": kindLabels[4], "data-kind-page": kindLabels[5],
            ])
            w.put("\n<form class=\"search-form\" role=\"search\" action=\"index.html\" method=\"get\" hidden>\n<label for=\"search-q\">")
            w.text(l.text("search_label"))
            w.put("</label>\n<input id=\"search-q\" type=\"search\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\">\n<button type=\"submit\">")
            w.text(l.text("search_button"))
            w.put("</button>\n</form>\n<p id=\"search-status\" class=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n")
            w.put("<ol id=\"search-results\" class=\"search-results\"></ol>\n<button id=\"search-more\" class=\"search-more\" type=\"button\" hidden>")
            w.text(l.text("search_more"))
            w.put("</button>\n</div>\n")
            writeAToZ(groups, total: documents.count, split: split, from: path, in: language, to: &w)
            w.open("script", ["src": SitePaths.relative(from: path, to: SitePaths.searchScript)])
            w.put("</script>\n")
        }
        guard split else { return [OutputFile(path: path, html: html)] }
        return [OutputFile(path: path, html: html)] + groups.enumerated().map { index, group in
            renderLetterPage(group, number: index + 1, of: groups, in: language)
        }
    }

    /// Where the A–Z list of a letter is, when the list is split: `<lang>/search/<n>/`.
    func letterPage(_ number: Int, in language: Language) -> String {
        paths.searchFolder(language) + "\(number)/index.html"
    }

    /// The pages by their first letter, in the language's alphabet.
    private func aToZ(_ documents: [SearchDocument], in language: Language) -> [(letter: String, documents: [SearchDocument])] {
        let collation = Collation(language)
        let sorted = documents.map { (key: collation.key($0.title), document: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var groups: [(letter: String, documents: [SearchDocument])] = []
        for (_, document) in sorted {
            let letter = collation.initial(document.title)
            if groups.last?.letter == letter { groups[groups.count - 1].documents.append(document) } else { groups.append((letter, [document])) }
        }
        return groups
    }

    private func writeAToZ(_ groups: [(letter: String, documents: [SearchDocument])], total: Int, split: Bool, from path: String, in language: Language, to w: inout HTMLWriter) {
        let l = localizer(language)
        w.put("<section class=\"a-z\" aria-labelledby=\"a-z\">\n")
        w.element("h2", ["id": "a-z"], text: l.text("search_a_z"))
        w.put("\n")
        w.element("p", text: l.counted("pages_count", total))
        w.put("\n")
        writeLetters(groups, current: nil, split: split, from: path, in: language, to: &w)
        guard !split else {
            w.put("</section>\n")
            return
        }
        for (index, group) in groups.enumerated() {
            w.element("h3", ["id": "az-\(index + 1)"], text: group.letter)
            w.put("\n")
            writeEntries(group.documents, from: path, in: language, to: &w)
        }
        w.put("</section>\n")
    }

    /// The letters, each a link to its part of the list (on this page, or its own page when the list is split).
    private func writeLetters(_ groups: [(letter: String, documents: [SearchDocument])], current: Int?, split: Bool, from path: String, in language: Language, to w: inout HTMLWriter) {
        w.put("<nav class=\"letters\" aria-label=\"")
        w.text(localizer(language).text("search_letters"))
        w.put("\">\n<ul>\n")
        for (index, group) in groups.enumerated() {
            w.put("<li>")
            let href = split ? SitePaths.relative(from: path, to: letterPage(index + 1, in: language)) : "#az-\(index + 1)"
            w.open("a", ["href": href, "aria-current": current == index + 1 ? "page" : nil])
            w.text(group.letter)
            w.put("</a></li>\n")
        }
        w.put("</ul>\n</nav>\n")
    }

    /// One letter of a split A–Z list, on a page of its own.
    private func renderLetterPage(_ group: (letter: String, documents: [SearchDocument]), number: Int, of groups: [(letter: String, documents: [SearchDocument])], in language: Language) -> OutputFile {
        let l = localizer(language)
        let path = letterPage(number, in: language)
        let title = "\(l.text("search_a_z")): \(group.letter)"
        var crumbs = breadcrumbs(through: [], from: path, in: language)
        crumbs.append(LinkView(label: l.text("search"), href: SitePaths.relative(from: path, to: paths.search(in: language)), target: paths.search(in: language)))
        let frame = PageFrame(versions: [language: path], title: title, description: l.text("search_intro"), menuEntry: nil, breadcrumbs: crumbs, noindex: true)
        let html = page(frame, in: language) { w in
            w.element("h1", text: title)
            w.put("\n<section class=\"a-z\">\n")
            writeLetters(groups, current: number, split: true, from: path, in: language, to: &w)
            writeEntries(group.documents, from: path, in: language, to: &w)
            w.put("</section>\n")
        }
        return OutputFile(path: path, html: html)
    }

    private func writeEntries(_ documents: [SearchDocument], from path: String, in language: Language, to w: inout HTMLWriter) {
        let l = localizer(language)
        w.put("<ul class=\"a-z-list\">\n")
        for document in documents {
            w.put("<li>")
            w.link(document.title, href: SitePaths.relative(from: path, to: document.path))
            w.put(" ")
            w.element("span", ["class": "search-kind"], text: l.text("search_kind_\(document.kind.rawValue)"))
            if !document.place.isEmpty {
                w.element("span", ["class": "search-place"], text: " · " + document.place)
            }
            w.put("</li>\n")
        }
        w.put("</ul>\n")
    }
}

/// The order of a language's alphabet, which code point order is not: Kyrgyz puts ң after н and ө after о, and
/// Russian ё after е. Letters of the other script follow, then anything else (digits) under "#"; quotes and punctuation are passed over.
struct Collation {
    /// Rank by scalar value for the letters of both alphabets (all below U+0500); 0 for anything else.
    private let rank: [Int]
    /// Whether the language is written in Latin letters, which then come first.
    private let latinFirst: Bool

    init(_ language: Language) {
        latinFirst = language == .en
        let cyrillic = language == .ky ? "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя" : "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөү"
        let latin = "abcdefghijklmnopqrstuvwxyz"
        let order = language == .en ? latin + cyrillic : cyrillic + latin
        var rank = Array(repeating: 0, count: 0x500)
        for (offset, scalar) in order.unicodeScalars.enumerated() { rank[Int(scalar.value)] = offset + 1 }
        self.rank = rank
    }

    private func rank(of scalar: Unicode.Scalar) -> Int {
        scalar.value < 0x500 ? rank[Int(scalar.value)] : 0
    }

    /// The title's letters as ranks, leading punctuation («, ", digits aside) left out; a list of thousands of pages
    /// sorts by these, so they are made from scalars, not characters.
    func key(_ title: String) -> [Int] {
        title.lowercased().unicodeScalars.compactMap { scalar in
            let rank = rank(of: scalar)
            if rank > 0 { return rank }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return 1000 + Int(scalar.value) }
            return nil
        }
    }

    /// The heading a title is listed under: its first letter; the other script's titles together under "A–Z" (or
    /// "А–Я" on English pages), since Latin A and Cyrillic А look the same; anything else under `#`.
    func initial(_ title: String) -> String {
        guard let first = title.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return "#" }
        let lower = first.properties.lowercaseMapping.unicodeScalars.first ?? first
        guard rank(of: lower) > 0 else { return "#" }
        let isLatin = lower.value < 0x80
        if isLatin != latinFirst { return isLatin ? "A–Z" : "А–Я" }
        return first.properties.uppercaseMapping
    }
}
