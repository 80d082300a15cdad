import AchykModel
import Yams

/// Reads `names.yaml`: a list of entries, each the spellings of one name by language and the spellings that are
/// wrong in every language.
struct NamesReader {
    static let path = "names.yaml"

    func read(_ text: String, reporting diagnostics: inout Diagnostics) -> NameCheck {
        let file = YAMLFile(path: Self.path, lineOffset: 0)
        guard let root = file.parse(text, reporting: &diagnostics) else { return .none }
        guard case .sequence(let sequence) = root else {
            diagnostics.error("names.yaml is a list of names, each starting with '- en:'", at: file.location(of: root))
            return .none
        }
        var entries: [(spellings: [Language: String], wrong: [String])] = []
        var seen: [Language: [String: SourceLocation]] = [:]
        for node in sequence {
            guard let entry = YAMLMapping(node, in: file, what: "a name", reporting: &diagnostics) else { continue }
            entry.reportUnknownKeys(known: Set(Language.allCases.map(\.rawValue) + ["wrong"]), in: "a name", reporting: &diagnostics)
            var spellings: [Language: String] = [:]
            for language in Language.allCases {
                guard let spelling = entry.string(language.rawValue, reporting: &diagnostics) else { continue }
                // One spelling names one thing: a second entry with it would make its rules disagree.
                if let earlier = seen[language]?[spelling] {
                    diagnostics.error("'\(spelling)' is already an \(language.rawValue) spelling on line \(earlier.line)", at: entry.location(of: language.rawValue))
                    continue
                }
                seen[language, default: [:]][spelling] = entry.location(of: language.rawValue)
                spellings[language] = spelling
            }
            guard spellings.count >= 2 else {
                diagnostics.error("a name needs its spelling in at least two languages (en, ru, ky)", at: file.location(of: node))
                continue
            }
            let wrong = entry.strings("wrong", reporting: &diagnostics).map(\.text).filter { !$0.isEmpty }
            entries.append((spellings, wrong))
        }
        return NameCheck(entries: entries)
    }
}
