import AchykModel
import Foundation
import Mustache

/// A view framed by the theme's base layout: every page template starts `{{<base}}{{$main}}`.
protocol FramedView: Sendable {
    var layout: LayoutView { get }
}

extension PageView: FramedView {}
extension SectionView: FramedView {}
extension HomeView: FramedView {}
extension BudgetPageView: FramedView {}

/// Renders framed pages without asking swift-mustache to walk the base layout for every page.
///
/// The base layout is most of a page's template lookups, and each lookup costs swift-mustache several dynamic
/// casts. The layout's shape depends only on the language and on how many alternates, languages and locales a
/// page has, so for each such shape the base is rendered once with a marker in place of every value; a page is
/// then that skeleton with its values put in, escaped where the template escapes them, around its main block,
/// which swift-mustache still renders from the page template. The first page of every shape is also rendered the
/// ordinary way and compared; a theme whose base does more with the values than print them (a section on a page
/// title, say) gets the ordinary rendering.
final class FrameCache: Sendable {
    private let library: MustacheLibrary
    /// Templates whose main block could be taken out as `<name>#main`.
    private let mainTemplates: Set<String>
    /// False when the base layout uses a page's values in sections, where markers would not show what it does.
    private let baseIsPlain: Bool
    private let frames = Locked<[Key: Frame?]>([:])
    let blocks: BlockSkeletons

    struct Key: Hashable {
        let template: String
        let language: String
        let alternates: Int
        let locales: Int
        let languages: Int
        let currentLanguage: Int?
        let hasOrganisation: Bool
    }

    /// The skeleton: `literals.count == slots.count + 1`.
    struct Frame {
        let literals: [String]
        let slots: [(field: Field, escaped: Bool)]
    }

    enum Field: Hashable {
        case lang, documentTitle, description, canonical, ogType, ogLocale, ogTitle, xDefault, siteTitle, homeHref
        case chooserHref, stylesheetHref, feedHref, feedTitle, menuHTML, organisation, main
        case locale(Int), alternateLanguage(Int), alternateHref(Int), languageLabel(Int), languageHref(Int), languageCode(Int)
    }

    /// The layout's values that differ from page to page or from site to site; sections on them make a base "not plain".
    static let valueNames: Set<String> = [
        "lang", "documentTitle", "description", "canonical", "ogType", "ogLocale", "ogTitle", "xDefault", "siteTitle",
        "homeHref", "chooserHref", "stylesheetHref", "feedHref", "feedTitle", "menuHTML", "hreflang", "href", "label",
    ]

    init(theme: Theme) {
        var library = theme.library
        var mainTemplates: Set<String> = []
        for (name, source) in theme.sources {
            guard let main = Self.mainBlock(of: source),
                let template = try? MustacheTemplate(string: main)
            else { continue }
            library.register(template, named: "\(name)#main")
            mainTemplates.insert(name)
        }
        let frameSource = "{{% CONTENT_TYPE: achyk-html }}{{<base}}{{$main}}\(Self.marker(0, ampersand: false)){{/main}}{{/base}}"
        if let frame = try? MustacheTemplate(string: frameSource) {
            library.register(frame, named: "#frame")
        }
        self.library = library
        self.blocks = BlockSkeletons(library: library, sources: theme.sources)
        self.mainTemplates = mainTemplates
        self.baseIsPlain = Self.isPlain(theme.sources["base"] ?? "", sources: theme.sources)
    }

    /// Renders `view` with the page template `name`.
    func render(_ view: some FramedView, with name: String) -> String {
        let layout = view.layout
        guard baseIsPlain, mainTemplates.contains(name), layout.languages.allSatisfy({ $0.lang != nil }) else {
            return library.render(view, withTemplate: name) ?? ""
        }
        let key = Key(
            template: name, language: layout.lang, alternates: layout.alternates.count, locales: layout.ogLocaleAlternates.count,
            languages: layout.languages.count, currentLanguage: layout.languages.firstIndex(where: \.isCurrent),
            hasOrganisation: layout.organisation != nil)
        if let known = frames.withLock({ $0[key] }) {
            guard let frame = known else { return library.render(view, withTemplate: name) ?? "" }
            return fill(frame, layout: layout, main: mainBlock(view, of: name))
        }
        // First page of this shape: build the skeleton and keep it only if it gives what swift-mustache gives.
        let main = mainBlock(view, of: name)
        let whole = library.render(view, withTemplate: name) ?? ""
        let frame = skeleton(like: layout).flatMap { fill($0, layout: layout, main: main) == whole ? $0 : nil }
        frames.withLock { $0[key] = .some(frame) }
        return whole
    }

    /// The page's main block; from a skeleton for the kinds of page a site has thousands of.
    private func mainBlock(_ view: some FramedView, of name: String) -> String {
        if let repeated = view as? any RepeatedShapeView {
            return blocks.render(repeated, with: "\(name)#main")
        }
        return library.render(view, withTemplate: "\(name)#main") ?? ""
    }

    /// How many page shapes render from a skeleton, and how many fell back to swift-mustache (for tests).
    var shapes: (skeletons: Int, refused: Int) {
        frames.withLock { frames in
            (frames.values.filter { $0 != nil }.count, frames.values.filter { $0 == nil }.count)
        }
    }

    private func fill(_ frame: Frame, layout: LayoutView, main: String) -> String {
        var html = ""
        html.reserveCapacity(frame.literals.reduce(main.utf8.count + 512) { $0 + $1.utf8.count })
        for (index, slot) in frame.slots.enumerated() {
            html += frame.literals[index]
            let value = Self.value(of: slot.field, in: layout, main: main)
            html += slot.escaped ? FastHTMLContentType.escape(value) : value
        }
        html += frame.literals[frame.literals.count - 1]
        return html
    }

    private static func value(of field: Field, in layout: LayoutView, main: String) -> String {
        switch field {
        case .lang: layout.lang
        case .documentTitle: layout.documentTitle
        case .description: layout.description
        case .canonical: layout.canonical
        case .ogType: layout.ogType
        case .ogLocale: layout.ogLocale
        case .ogTitle: layout.ogTitle
        case .xDefault: layout.xDefault
        case .siteTitle: layout.siteTitle
        case .homeHref: layout.homeHref
        case .chooserHref: layout.chooserHref
        case .stylesheetHref: layout.stylesheetHref
        case .feedHref: layout.feedHref
        case .feedTitle: layout.feedTitle
        case .menuHTML: layout.menuHTML
        case .organisation: layout.organisation ?? ""
        case .main: main
        case .locale(let index): layout.ogLocaleAlternates[index]
        case .alternateLanguage(let index): layout.alternates[index].hreflang
        case .alternateHref(let index): layout.alternates[index].href
        case .languageLabel(let index): layout.languages[index].label
        case .languageHref(let index): layout.languages[index].href
        case .languageCode(let index): layout.languages[index].lang ?? ""
        }
    }

    // MARK: - Building the skeleton

    /// `\u{1}n\u{2}`: no character of it is escaped, and it cannot occur in the theme's own text.
    private static func marker(_ number: Int, ampersand: Bool) -> String { "\u{1}\(number)\(ampersand ? "&" : "")\u{2}" }

    /// The base rendered with markers twice, once with an `&` in each marker to see which places escape it.
    private func skeleton(like layout: LayoutView) -> Frame? {
        var fields: [Field] = [.main]
        func probe(ampersand: Bool) -> String {
            fields = [.main]
            func mark(_ field: Field) -> String {
                fields.append(field)
                return Self.marker(fields.count - 1, ampersand: ampersand)
            }
            let view = LayoutView(
                lang: mark(.lang), documentTitle: mark(.documentTitle), description: mark(.description), canonical: mark(.canonical),
                ogType: mark(.ogType), ogLocale: mark(.ogLocale),
                ogLocaleAlternates: layout.ogLocaleAlternates.indices.map { mark(.locale($0)) }, ogTitle: mark(.ogTitle),
                alternates: layout.alternates.indices.map { AlternateView(hreflang: mark(.alternateLanguage($0)), href: mark(.alternateHref($0))) },
                xDefault: mark(.xDefault), siteTitle: mark(.siteTitle), homeHref: mark(.homeHref), chooserHref: mark(.chooserHref),
                stylesheetHref: mark(.stylesheetHref), feedHref: mark(.feedHref), feedTitle: mark(.feedTitle), menuHTML: mark(.menuHTML),
                languages: layout.languages.enumerated().map { index, link in
                    LinkView(label: mark(.languageLabel(index)), href: mark(.languageHref(index)), isCurrent: link.isCurrent, lang: mark(.languageCode(index)))
                },
                organisation: layout.organisation == nil ? nil : mark(.organisation), t: layout.t)
            return library.render(FrameProbe(layout: view), withTemplate: "#frame") ?? ""
        }
        let plain = probe(ampersand: false)
        let withAmpersands = probe(ampersand: true)
        guard let (literals, numbers) = Self.split(plain, ampersand: false),
            let (_, escapedNumbers) = Self.split(withAmpersands, ampersand: true),
            numbers.map(\.number) == escapedNumbers.map(\.number),
            numbers.allSatisfy({ fields.indices.contains($0.number) })
        else { return nil }
        let slots = zip(numbers, escapedNumbers).map { (field: fields[$0.number], escaped: $1.escaped) }
        return Frame(literals: literals, slots: slots)
    }

    /// Cuts a probe at its markers: the text between them, and each marker's number and whether its `&` was escaped.
    /// `unmarked`: the marker that never carries an `&` (the main block's place in the base).
    static func split(_ text: String, ampersand: Bool, unmarked: Int? = 0) -> (literals: [String], markers: [(number: Int, escaped: Bool)])? {
        var literals: [String] = []
        var markers: [(number: Int, escaped: Bool)] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{1}") {
            guard let end = rest[start...].firstIndex(of: "\u{2}") else { return nil }
            literals.append(String(rest[..<start]))
            let inside = rest[rest.index(after: start)..<end]
            let digits = inside.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { return nil }
            let suffix = inside.dropFirst(digits.count)
            if ampersand && number != unmarked {
                guard suffix == "&" || suffix == "&amp;" else { return nil }
            } else {
                guard suffix.isEmpty else { return nil }
            }
            markers.append((number, suffix == "&amp;"))
            rest = rest[rest.index(after: end)...]
        }
        literals.append(String(rest))
        return (literals, markers)
    }

    /// The body of `{{<base}}{{$main}} … {{/main}}{{/base}}`, as a template that reads the layout first (as the
    /// body does inside the base), or nil for a template of another shape.
    static func mainBlock(of source: String) -> String? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var head: [String] = []
        while let first = lines.first, first.hasPrefix("{{%") || first.hasPrefix("{{!") {
            if first.hasPrefix("{{%") { head.append(first) }
            lines.removeFirst()
        }
        guard lines.count >= 4, lines[0] == "{{<base}}", lines[1] == "{{$main}}",
            lines[lines.count - 2] == "{{/main}}", lines[lines.count - 1] == "{{/base}}"
        else { return nil }
        let body = lines[2..<(lines.count - 2)]
        // Another block overridden inside would change the base; leave such templates to swift-mustache.
        guard !body.contains(where: { $0.contains("{{$") || $0.contains("{{<") }) else { return nil }
        return (head + ["{{#layout}}"] + body + ["{{/layout}}"]).joined(separator: "\n") + "\n"
    }

    /// Whether the base (and the partials it includes) prints the layout's values without testing them.
    static func isPlain(_ base: String, sources: [String: String], seen: Set<String> = []) -> Bool {
        var seen = seen
        var index = base.startIndex
        while let open = base.range(of: "{{", range: index..<base.endIndex) {
            guard let close = base.range(of: "}}", range: open.upperBound..<base.endIndex) else { return false }
            let tag = base[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            index = close.upperBound
            guard let sigil = tag.first else { continue }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#", "^":
                let words = name.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
                if words.contains(where: valueNames.contains) { return false }
            case ">":
                guard !seen.contains(name) else { continue }
                seen.insert(name)
                if !isPlain(sources[name] ?? "", sources: sources, seen: seen) { return false }
            case "=":
                return false  // changed delimiters: the scan above would misread the rest
            default:
                continue
            }
        }
        return true
    }
}

/// The root of a probe render: only the layout, as a page view would give it.
private struct FrameProbe: MustacheParent, Sendable {
    let layout: LayoutView
    func child(named name: String) -> Any? { name == "layout" ? layout : nil }
}
