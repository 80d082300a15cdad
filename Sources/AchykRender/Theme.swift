import AchykModel
import AchykSite
import AchykTheme
import Foundation

/// Where the theme comes from: a folder, or the default theme built into the executable.
public enum ThemeSource: Hashable, Sendable {
    case folder(URL, displayPath: String)
    case builtIn

    var displayPath: String {
        switch self {
        case .folder(_, let displayPath): displayPath
        case .builtIn: "(built-in theme)"
        }
    }
}

/// HTML a theme adds to every page, verbatim, at named places.
public struct ThemeSnippets: Hashable, Sendable {
    /// Before `</head>`: a font, a favicon, an analytics tag.
    public var head = ""
    /// At the end of the site header, after the menu: a banner, a notice.
    public var header = ""
    /// At the end of the footer: contacts, a licence, a funder's line.
    public var footer = ""

    static let names = ["head", "header", "footer"]

    subscript(name: String) -> String {
        get { name == "head" ? head : name == "header" ? header : footer }
        set {
            switch name {
            case "head": head = newValue
            case "header": header = newValue
            default: footer = newValue
            }
        }
    }
}

/// A loaded theme: the UI strings per language, the assets copied to `/assets/` (the stylesheet, images, fonts),
/// and the HTML snippets placed in every page. The pages themselves are Swift code (`Pages/`). A theme folder
/// holds only what it changes; the theme built into the executable gives the rest.
public struct Theme: Sendable {
    public let strings: [Language: UIStrings]
    /// Output path (`assets/style.css`) to bytes.
    public let assets: [String: Data]
    public let snippets: ThemeSnippets

    /// A theme's own additions to the default stylesheet, linked after it on every page when the theme has one.
    public static let customStylesheet = "assets/custom.css"
    var hasCustomStylesheet: Bool { assets[Self.customStylesheet] != nil }

    /// Loads and checks the theme; nil when it cannot render a site (every problem reported).
    public static func load(
        _ source: ThemeSource, languages: [Language], reporting diagnostics: inout Diagnostics
    ) -> Theme? {
        let files: [String: Data]
        switch source {
        case .folder(let url, _):
            let (read, links) = readFolder(url)
            files = read
            for link in links {
                diagnostics.warning("a symbolic link in a theme is not followed; copy the file into the theme instead", at: SourceLocation("\(source.displayPath)/\(link)"))
            }
            if files.isEmpty {
                diagnostics.error("theme folder not found or empty", at: SourceLocation(source.displayPath))
                return nil
            }
        case .builtIn:
            files = EmbeddedTheme.files.mapValues { Data($0.utf8) }
        }
        let prefix = source.displayPath
        var assets: [String: Data] = [:]
        var stringFiles: [Language: (Data, String)] = [:]
        var snippets = ThemeSnippets()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation("\(prefix)/\(path)")
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                continue  // version control, an editor's or the system's hidden files (.git/, .DS_Store, a swap file)
            } else if path.hasPrefix("assets/") {
                assets[path] = data
            } else if path.hasPrefix("i18n/"), path.hasSuffix(".yaml"), let language = Language(rawValue: String(name.dropLast(".yaml".count))) {
                stringFiles[language] = (data, location.path)
            } else if path.hasPrefix("snippets/"), path.hasSuffix(".html"), ThemeSnippets.names.contains(String(name.dropLast(".html".count))) {
                // A byte-order mark (Notepad writes one) would be text in the page, and would end <head>.
                let html = String(decoding: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self)
                let slot = String(name.dropLast(".html".count))
                if let problem = SnippetCheck.problem(in: html, inHead: slot == "head") {
                    diagnostics.warning("snippet is not well-formed HTML: \(problem.message); it is left out", at: location.at(line: problem.line))
                } else {
                    snippets[slot] = html.hasSuffix("\n") || html.isEmpty ? html : html + "\n"
                }
            } else if path.hasPrefix("templates/") {
                diagnostics.warning("templates are no longer part of a theme (pages are made by achyk itself); change the look with assets/style.css and snippets/head.html, header.html or footer.html; this file is ignored", at: location)
            } else {
                diagnostics.warning("not part of a theme; a theme holds assets/ (copied to the site), i18n/<lang>.yaml and snippets/{head,header,footer}.html; this file is ignored", at: location)
            }
        }
        // A folder theme changes what it names: the built-in theme's assets and strings fill in the rest.
        var base: [Language: UIStrings] = [:]
        if case .folder = source {
            base = builtInStrings(languages) ?? [:]
            for (path, text) in EmbeddedTheme.files where path.hasPrefix("assets/") && assets[path] == nil { assets[path] = Data(text.utf8) }
        }
        guard let strings = UIStringsReader().read(stringFiles, languages: languages, base: base, reporting: &diagnostics) else { return nil }
        return Theme(strings: strings, assets: assets, snippets: snippets)
    }

    /// The UI strings of the theme built into the executable (checked by the tests, so read without problems).
    private static func builtInStrings(_ languages: [Language]) -> [Language: UIStrings]? {
        var files: [Language: (Data, String)] = [:]
        for language in languages {
            if let text = EmbeddedTheme.files["i18n/\(language.rawValue).yaml"] { files[language] = (Data(text.utf8), "i18n/\(language.rawValue).yaml") }
        }
        var ignored = Diagnostics()
        return UIStringsReader().read(files, languages: languages, reporting: &ignored)
    }

    /// The theme's regular files by path, and the symbolic links found (never followed: a link could take any
    /// file of the machine into the published site).
    private static func readFolder(_ url: URL) -> (files: [String: Data], links: [String]) {
        // The folder itself may be a link (`--theme current` pointing at a release).
        let root = url.resolvingSymlinksInPath().standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return ([:], []) }
        var files: [String: Data] = [:]
        var links: [String] = []
        let rootPath = root.path
        for case let file as URL in enumerator {
            let relative = String(file.standardizedFileURL.path.dropFirst(rootPath.count).drop { $0 == "/" })
            let values = try? file.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                if !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { links.append(relative) }
                continue
            }
            guard values?.isRegularFile == true, let data = FileManager.default.contents(atPath: file.path) else { continue }
            files[relative] = data
        }
        return (files, links.sorted())
    }
}
