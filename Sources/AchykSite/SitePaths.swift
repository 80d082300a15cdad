import AchykModel

/// The contract's URL layout: where each page is written, its public address, and links between pages.
///
/// Links inside the site are relative and name `index.html`, so the site works under any path of `base_url`
/// and when opened from a folder on disk or a USB stick, where no server turns a folder into its index.
public struct SitePaths: Hashable, Sendable {
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public static let chooser = "index.html"
    public static let notFound = "404.html"
    public static let sitemap = "sitemap.xml"
    public static let stylesheet = "assets/style.css"

    // MARK: - Output paths, relative to the site root

    public func page(_ key: PageKey, in language: Language) -> String {
        switch key.kind {
        case .page: "\(language.rawValue)/\(key.stem)/index.html"
        case .news, .caseStudy, .budgetCommentary: "\(language.rawValue)/\(key.kind.folder)/\(key.stem)/index.html"
        }
    }

    public func home(_ language: Language) -> String { "\(language.rawValue)/index.html" }

    /// The index of a section (`news`, `handbook`).
    public func section(_ kind: PageKind, in language: Language) -> String {
        kind == .page ? home(language) : "\(language.rawValue)/\(kind.folder)/index.html"
    }

    public func oblast(_ oblast: Oblast, in language: Language) -> String {
        "\(language.rawValue)/handbook/oblast/\(oblast.rawValue)/index.html"
    }

    public func topic(_ topic: Topic, in language: Language) -> String {
        "\(language.rawValue)/handbook/topic/\(topic.id)/index.html"
    }

    public func partnerships(in language: Language) -> String { "\(language.rawValue)/partnerships/index.html" }

    public func partnership(_ id: String, in language: Language) -> String { "\(language.rawValue)/partnerships/\(id)/index.html" }

    /// The budgets index, a municipality's page, and a year's citizen budget.
    public func budgets(in language: Language) -> String { "\(language.rawValue)/budgets/index.html" }

    public func municipality(_ id: String, in language: Language) -> String { "\(language.rawValue)/budgets/\(id)/index.html" }

    public func budgetYear(_ id: String, _ year: Int, in language: Language) -> String {
        "\(language.rawValue)/budgets/\(id)/\(year)/index.html"
    }

    /// A chart of a citizen-budget page as a file of its own, beside the page (its labels are in that language).
    public func budgetChart(_ id: String, _ year: Int, chart: String, in language: Language) -> String {
        "\(language.rawValue)/budgets/\(id)/\(year)/\(chart).svg"
    }

    /// The open data of a year, language-independent.
    public static func budgetData(_ id: String, _ year: Int, ext: String) -> String { "data/budgets/\(id)/\(year).\(ext)" }
    public static let dataPackage = "data/datapackage.json"

    /// The key of a record's converted Markdown field among the converted bodies.
    public static func recordText(_ path: String, _ field: String, _ language: Language) -> String {
        "\(path)#\(field).\(language.rawValue)"
    }

    public func feed(_ language: Language) -> String { "\(language.rawValue)/feed.xml" }

    /// The search page of a language, its index files beside it, and the script that reads them.
    public func search(in language: Language) -> String { "\(language.rawValue)/search/index.html" }
    public func searchFolder(_ language: Language) -> String { "\(language.rawValue)/search/" }
    public static let searchScript = "assets/search.js"

    /// The hearings as iCalendar files: of one municipality, and of the whole site, in a language.
    public func hearingsCalendar(_ id: String, in language: Language) -> String { "\(language.rawValue)/budgets/\(id)/hearings.ics" }
    public func hearingsCalendar(in language: Language) -> String { "\(language.rawValue)/hearings.ics" }
    /// One hearing's calendar, for its "add to calendar" link (`Hearing.names` gives `name`).
    public func hearingCalendar(_ id: String, hearing name: String, in language: Language) -> String {
        "\(language.rawValue)/budgets/\(id)/hearing-\(name).ics"
    }

    // MARK: - Addresses

    /// The public address of an output file: `index.html` is dropped, as servers show folders by their index.
    public func absoluteURL(_ path: String) -> String {
        baseURL + Self.prettyPath(path)
    }

    /// An address from the site root that keeps the path of `base_url`, for pages served at any depth (404).
    public func rootRelativeURL(_ path: String) -> String {
        var basePath = "/"
        if let schemeEnd = baseURL.range(of: "://"), let slash = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") {
            basePath = String(baseURL[slash...])
        }
        return basePath + path
    }

    static func prettyPath(_ path: String) -> String {
        if path == "index.html" { return "" }
        return path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }

    /// The relative link from the page written at `from` to the file at `to` (both relative to the site root).
    ///
    /// Called for every link of every page, so it compares bytes instead of splitting paths into components.
    public static func relative(from: String, to: String) -> String {
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target in
                let slash: UInt8 = 0x2F
                let sourceFolderEnd = (source.lastIndex(of: slash) ?? -1) + 1
                let targetFolderEnd = (target.lastIndex(of: slash) ?? -1) + 1
                // The longest shared run of whole folders.
                var common = 0
                var index = 0
                while index < sourceFolderEnd, index < targetFolderEnd, source[index] == target[index] {
                    if source[index] == slash { common = index + 1 }
                    index += 1
                }
                let ups = source[common..<sourceFolderEnd].count { $0 == slash }
                var result = String(repeating: "../", count: ups)
                result += String(decoding: target[common...], as: UTF8.self)
                return result
            }
        }
    }

    /// The output path a relative link made by `relative(from:to:)` leads to from the page at `from`.
    public static func resolve(_ link: String, from: String) -> String {
        var parts = from.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if part != "." {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// A link an editor wrote from the site root (`/en/budgets/`), as the output file it means and the relative
    /// link from `page`; nil for any other link, which stays as written.
    public static func rootLink(_ url: String, from page: String) -> (target: String, link: String)? {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
        var path = Substring(url.dropFirst())
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        var target = String(path)
        if target.isEmpty {
            target = "index.html"
        } else if target.hasSuffix("/") {
            target += "index.html"
        } else if !(target.split(separator: "/").last ?? "").contains(".") {
            target += "/index.html"
        }
        return (target, relative(from: page, to: target) + suffix)
    }
}
