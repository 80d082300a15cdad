import AchykModel
import Foundation
import Yams

/// Reads `i18n/<lang>.yaml`: each key a string, `months` a list of twelve, a counted noun a map of plural forms.
struct UIStringsReader {
    /// - Parameter base: strings a theme's files add to or override (the built-in theme's), by language; a theme
    ///   then needs only the keys it changes, and no file at all for a language it does not change.
    func read(
        _ files: [Language: (data: Data, path: String)], languages: [Language], base: [Language: UIStrings] = [:],
        reporting diagnostics: inout Diagnostics
    ) -> [Language: UIStrings]? {
        var result: [Language: UIStrings] = [:]
        for language in languages {
            guard let (data, path) = files[language] else {
                if let strings = base[language] {
                    result[language] = strings
                } else {
                    diagnostics.error("the theme has no UI strings for '\(language.rawValue)'; add i18n/\(language.rawValue).yaml", at: SourceLocation("i18n/\(language.rawValue).yaml"))
                }
                continue
            }
            let strings = parse(String(decoding: data, as: UTF8.self), path: path, reporting: &diagnostics)
            result[language] = base[language].map { strings.filling(from: $0) } ?? strings
        }
        guard result.count == languages.count else { return nil }
        reportMissingKeys(result, files: files, reporting: &diagnostics)
        // A missing key shows in English (or the default language) rather than as a raw key.
        guard let fallback = result[.en] ?? languages.first.flatMap({ result[$0] }) else { return result }
        return result.mapValues { $0.fallingBack(to: fallback) }
    }

    private func parse(_ text: String, path: String, reporting diagnostics: inout Diagnostics) -> UIStrings {
        var texts: [String: String] = [:]
        var months: [String] = []
        var plurals: [String: [PluralCategory: String]] = [:]
        let location = SourceLocation(path)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            diagnostics.error("invalid YAML: \(error)", at: location)
            return UIStrings(texts: [:], months: [], plurals: [:])
        }
        for (keyNode, value) in root?.mapping ?? [:] {
            let key = keyNode.string ?? ""
            let line = location.at(line: keyNode.mark?.line ?? 1)
            if let scalar = value.scalar {
                texts[key] = scalar.string
            } else if key == "months", let sequence = value.sequence {
                months = sequence.compactMap(\.string)
                if months.count != 12 { diagnostics.error("'months' must list the twelve month names", at: line) }
            } else if let mapping = value.mapping {
                var forms: [PluralCategory: String] = [:]
                for (categoryNode, form) in mapping {
                    guard let category = PluralCategory(rawValue: categoryNode.string ?? "") else {
                        diagnostics.warning("'\(key)': '\(categoryNode.string ?? "")' is not a plural category (one, few, many, other)", at: location.at(line: categoryNode.mark?.line ?? 1))
                        continue
                    }
                    forms[category] = form.string
                }
                plurals[key] = forms
            } else {
                diagnostics.error("'\(key)' must be a text", at: line)
            }
        }
        return UIStrings(texts: texts, months: months, plurals: plurals)
    }

    private func reportMissingKeys(
        _ strings: [Language: UIStrings], files: [Language: (data: Data, path: String)], reporting diagnostics: inout Diagnostics
    ) {
        let allKeys = strings.values.reduce(into: Set<String>()) { $0.formUnion($1.allKeys) }
        for (language, uiStrings) in strings {
            let path = files[language]?.path ?? "i18n/\(language.rawValue).yaml"
            for key in allKeys.subtracting(uiStrings.allKeys).sorted() {
                let others = strings.filter { $0.value.allKeys.contains(key) }.keys.sorted().map { "\($0.rawValue).yaml" }
                diagnostics.warning("UI string '\(key)' is missing here (it is in \(others.joined(separator: ", "))); readers see the English one", at: SourceLocation(path))
            }
        }
    }
}
