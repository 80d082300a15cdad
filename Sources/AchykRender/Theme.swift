import AchykModel
import AchykTheme
import Foundation
import Mustache
import Yams

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

/// A loaded theme: templates parsed once, UI strings per language and the assets copied to `/assets/`.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Each template's text by name, for the frame cache, which reads the page templates' shape.
    let sources: [String: String]
    public let strings: [Language: UIStrings]
    /// Output path (`assets/style.css`) to bytes.
    public let assets: [String: Data]

    static let requiredTemplates = ["base", "home", "section", "page", "news-list", "404", "chooser", "menu", "item", "budget"]

    /// Loads and checks the theme; nil when it cannot render a site (every problem reported).
    public static func load(
        _ source: ThemeSource, languages: [Language], reporting diagnostics: inout Diagnostics
    ) -> Theme? {
        let files: [String: Data]
        switch source {
        case .folder(let url, _):
            files = readFolder(url)
            if files.isEmpty {
                diagnostics.error("theme folder not found or empty", at: SourceLocation(source.displayPath))
                return nil
            }
        case .builtIn:
            files = EmbeddedTheme.files.mapValues { Data($0.utf8) }
        }
        let prefix = source.displayPath
        FastHTMLContentType.register()
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var stringFiles: [Language: (Data, String)] = [:]
        var sources: [String: String] = [:]
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation("\(prefix)/\(path)")
            if path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                let source = String(decoding: data, as: UTF8.self)
                sources[name] = source
                do {
                    library.register(try MustacheTemplate(string: source), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.error("template syntax: \(error.error) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'", at: location.at(line: error.context.lineNumber))
                } catch {
                    diagnostics.error("template syntax: \(error)", at: location)
                }
            } else if path.hasPrefix("assets/") {
                assets[path] = data
            } else if path.hasPrefix("i18n/") && path.hasSuffix(".yaml") {
                let code = String(path.dropFirst("i18n/".count).dropLast(".yaml".count))
                if let language = Language(rawValue: code) {
                    stringFiles[language] = (data, location.path)
                }
            }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            diagnostics.error("the theme has no template '\(name)'; add templates/\(name).mustache", at: SourceLocation("\(prefix)/templates"))
        }
        let strings = UIStringsReader().read(stringFiles, languages: languages, reporting: &diagnostics)
        guard requiredTemplates.allSatisfy({ library.getTemplate(named: $0) != nil }), let strings else { return nil }
        return Theme(library: library, sources: sources, strings: strings, assets: assets)
    }

    /// Renders `view` with the template `name`, which `load` checked exists.
    func render(_ view: Any, with name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    private static func readFolder(_ url: URL) -> [String: Data] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: Data] = [:]
        let root = url.standardizedFileURL.path
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let data = FileManager.default.contents(atPath: file.path)
            else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(root.count).drop { $0 == "/" })
            files[relative] = data
        }
        return files
    }
}
