import AchykModel

/// The stem and language of a Markdown file name (`01-alga.en.md`; a name without a suffix is in the default language).
struct PageFileName: Hashable {
    let stem: String
    let language: Language

    static let reservedSlugs: Set<String> = ["handbook", "partnerships", "budgets", "news", "data", "files", "assets", "search"]

    /// Checks the name against the contract; each problem is reported at line 1 of the file.
    static func parse(
        _ fileName: String, kind: PageKind, settings: SiteSettings, path: String, reporting diagnostics: inout Diagnostics
    ) -> PageFileName? {
        let location = SourceLocation(path)
        let base = String(fileName.dropLast(3))  // ".md"
        var stem = base
        var language = settings.defaultLanguage
        if let dot = base.lastIndex(of: ".") {
            stem = String(base[..<dot])
            let suffix = String(base[base.index(after: dot)...])
            guard let suffixLanguage = Language(rawValue: suffix), settings.languages.contains(suffixLanguage) else {
                let known = settings.languages.map(\.rawValue).joined(separator: ", ")
                diagnostics.error("unknown language suffix '.\(suffix)' in the file name; use one of site.yaml's languages (\(known))", at: location)
                return nil
            }
            language = suffixLanguage
        }
        guard Identifier.isValid(stem) else {
            diagnostics.error("file name '\(stem)' may hold only lowercase letters a-z, digits and hyphens (for example '\(suggestedStem(stem))')", at: location)
            return nil
        }
        switch kind {
        case .page:
            if reservedSlugs.contains(stem) {
                diagnostics.error("'\(stem)' is reserved for a section of the site; choose another page name", at: location)
                return nil
            }
        case .news:
            guard NewsDate.fromStem(stem) != nil else {
                let prefix = String(stem.prefix(10))
                if prefix.count == 10, prefix.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) {
                    diagnostics.error("\(prefix) at the start of the file name is not a day of the calendar", at: location)
                } else {
                    diagnostics.error("a news file name must start with its date, as in 2022-06-14-\(stem)", at: location)
                }
                return nil
            }
        case .caseStudy:
            guard let hyphen = stem.firstIndex(of: "-"), stem[..<hyphen].allSatisfy(\.isASCIIDigit), hyphen != stem.startIndex,
                stem.index(after: hyphen) != stem.endIndex
            else {
                diagnostics.error("a case-study file name must start with its number, as in 01-\(stem)", at: location)
                return nil
            }
        case .budgetCommentary:
            guard stem.count == 4, stem.allSatisfy(\.isASCIIDigit) else {
                diagnostics.error("a budget commentary is named after its year and language, as in 2023.ky.md", at: location)
                return nil
            }
        }
        return PageFileName(stem: stem, language: language)
    }

    private static func suggestedStem(_ stem: String) -> String {
        let mapped = stem.lowercased().map { Identifier.isValid(String($0)) ? String($0) : "-" }.joined()
        return mapped.split(separator: "-").joined(separator: "-")
    }
}

/// The date at the start of a news file's stem.
enum NewsDate {
    static func fromStem(_ stem: String) -> CalendarDate? {
        let utf8 = Array(stem.utf8)
        guard utf8.count > 11, utf8[10] == 0x2D else { return nil }
        return CalendarDate(parsing: String(decoding: utf8[0..<10], as: UTF8.self))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
