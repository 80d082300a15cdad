import AchykModel
import Foundation
import Yams

/// A YAML text of a content file, parsed with Yams into nodes that keep their lines, so every problem can be
/// reported at the line of its key.
struct YAMLFile {
    let path: String
    /// Lines of the file before the YAML text (front matter starts after its `---` line).
    let lineOffset: Int

    /// How many nodes a content file's YAML may hold once aliases are followed; far above any real record, far
    /// below what a "billion laughs" document of nested aliases would make any later walk of it do.
    static let nodeLimit = 100_000

    /// Parses `text`; a syntax error is reported at its line and gives nil.
    func parse(_ text: String, reporting diagnostics: inout Diagnostics) -> Node? {
        do {
            // Every scalar stays a string (the basic resolver): the readers interpret values themselves, and matching
            // each one against the regular expressions for numbers, booleans and dates was a third of parsing.
            // Naming the encoding spares Yams working out the default for every file.
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            var budget = Self.nodeLimit
            guard Self.fits(root, within: &budget) else {
                diagnostics.error("the YAML expands to more than \(Self.nodeLimit) values (aliases that repeat aliases?); write the values out instead", at: location(of: root))
                return nil
            }
            return root
        } catch let error as YamlError {
            let (line, message) = describe(error, lineCount: text.utf8.count { $0 == 0x0A } + 1)
            diagnostics.error("invalid YAML: \(message)", at: SourceLocation(path, line: line + lineOffset))
        } catch {
            diagnostics.error("invalid YAML: \(error)", at: SourceLocation(path, line: 1 + lineOffset))
        }
        return nil
    }

    /// The text's top level as a mapping, its unknown keys reported: nil (each problem reported) when the text is
    /// not YAML, is empty (`ifEmpty` says what it needs), or is not a mapping. Every content file of the contract
    /// starts so.
    func mapping(
        _ text: String, what: String, known: Set<String>, ifEmpty: String, reporting diagnostics: inout Diagnostics
    ) -> YAMLMapping? {
        let errorsBefore = diagnostics.errorCount
        guard let root = parse(text, reporting: &diagnostics) else {
            if diagnostics.errorCount == errorsBefore { diagnostics.error(ifEmpty, at: fileLocation) }
            return nil
        }
        guard let map = YAMLMapping(root, in: self, what: what, reporting: &diagnostics) else { return nil }
        map.reportUnknownKeys(known: known, in: what, reporting: &diagnostics)
        return map
    }

    /// Counts nodes as a walk of the tree would meet them, aliases expanded, stopping as soon as the budget runs out.
    private static func fits(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, within: &budget) || !fits(value, within: &budget) { return false }
        case .sequence(let sequence):
            for item in sequence where !fits(item, within: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path, line: (node.mark?.line ?? 1) + lineOffset)
    }

    var fileLocation: SourceLocation { SourceLocation(path, line: 1) }

    private func describe(_ error: YamlError, lineCount: Int) -> (line: Int, message: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            guard let context else { return (min(mark.line, lineCount), problem) }
            // libyaml names where the construct began (context) and where it broke (problem). Running into the end
            // of the text says nothing useful about where to look, so point at the beginning instead.
            if problem.contains("end of stream") || mark.line > context.mark.line + 1 || mark.line >= lineCount {
                return (min(context.mark.line, lineCount), "\(problem) \(context.text) that starts here")
            }
            return (min(mark.line, lineCount), "\(problem) \(context.text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, "the key \(keys) appears more than once")
        case let .reader(problem, _, _, _):
            return (1, problem)
        default:
            return (1, "\(error)")
        }
    }
}

/// A YAML mapping whose keys are read one by one; the keys nobody asked for are reported as unknown.
struct YAMLMapping {
    let file: YAMLFile
    let node: Node
    let entries: [(key: String, keyNode: Node, value: Node)]

    /// Nil (with an error) when `node` is not a mapping.
    init?(_ node: Node, in file: YAMLFile, what: String, reporting diagnostics: inout Diagnostics) {
        guard let mapping = node.mapping else {
            diagnostics.error("\(what) must be a mapping of keys to values", at: file.location(of: node))
            return nil
        }
        self.file = file
        self.node = node
        self.entries = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

    func location(of key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else { return file.fileLocation }
        return file.location(of: entry.keyNode)
    }

    /// Warns about every key that is not in `known`.
    func reportUnknownKeys(known: Set<String>, in what: String, reporting diagnostics: inout Diagnostics) {
        for entry in entries where !known.contains(entry.key) {
            var message = "unknown key '\(entry.key)' in \(what); it is ignored"
            if let suggestion = Suggestion.closest(to: entry.key, in: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            diagnostics.warning(message, at: file.location(of: entry.keyNode))
        }
    }

    // MARK: - Typed values

    /// A non-empty string; a missing required key is an error at line 1.
    func string(_ key: String, required: Bool = false, reporting diagnostics: inout Diagnostics) -> String? {
        guard let value = self[key], !value.isNull else {
            if required { diagnostics.error("missing required key '\(key)'", at: file.fileLocation) }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.error("'\(key)' must be a single text, not a list or mapping", at: location(of: key))
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty {
            if required { diagnostics.error("'\(key)' is empty", at: location(of: key)) }
            return nil
        }
        return text
    }

    func bool(_ key: String, reporting diagnostics: inout Diagnostics) -> Bool? {
        guard let value = self[key], !value.isNull else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error("'\(key)' must be true or false", at: location(of: key))
            return nil
        }
    }

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ key: String, reporting diagnostics: inout Diagnostics) -> [(text: String, location: SourceLocation)] {
        guard let value = self[key], !value.isNull else { return [] }
        if let scalar = value.scalar {
            return [(scalar.string.trimmed, location(of: key))]
        }
        guard let sequence = value.sequence else {
            diagnostics.error("'\(key)' must be a list", at: location(of: key))
            return []
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.error("every item of '\(key)' must be a text", at: file.location(of: item))
                continue
            }
            items.append((scalar.string.trimmed, file.location(of: item)))
        }
        return items
    }

    /// A text as a plain string (taken as `defaultLanguage`) or a map by language code.
    func localizedText(
        _ key: String, languages: [Language], required: Bool = false, reporting diagnostics: inout Diagnostics
    ) -> LocalizedText? {
        guard let value = self[key], !value.isNull else {
            if required { diagnostics.error("missing required key '\(key)'", at: file.fileLocation) }
            return nil
        }
        let defaultLanguage = languages.first ?? .ky
        if let scalar = value.scalar {
            return LocalizedText([defaultLanguage: scalar.string.trimmed])
        }
        guard let mapping = value.mapping else {
            diagnostics.error("'\(key)' must be a text or a map by language (ky, ru, en)", at: location(of: key))
            return nil
        }
        var texts: [Language: String] = [:]
        for (languageNode, textNode) in mapping {
            let code = languageNode.string ?? ""
            let known = languages.map(\.rawValue).joined(separator: ", ")
            guard let language = Language(rawValue: code) else {
                diagnostics.error("'\(key)' has a text in '\(code)', which is not a language code (\(known))", at: file.location(of: languageNode))
                continue
            }
            guard languages.contains(language) else {
                // A translation kept for a language the site does not publish (yet) is harmless.
                diagnostics.warning("'\(key)' has a text in '\(code)', which is not one of the site's languages (\(known)); it is not shown", at: file.location(of: languageNode))
                continue
            }
            guard let text = textNode.scalar?.string else {
                diagnostics.error("'\(key).\(code)' must be a text", at: file.location(of: textNode))
                continue
            }
            texts[language] = text.trimmed
        }
        let result = LocalizedText(texts)
        if required && result.isEmpty { diagnostics.error("'\(key)' is empty", at: location(of: key)) }
        return result
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.tag == Tag(.null) || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
    }
}

extension String {
    /// Without leading and trailing white space; most values have none, and those are returned as they are.
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
