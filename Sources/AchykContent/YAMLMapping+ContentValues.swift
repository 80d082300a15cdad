import AchykModel
import Foundation
import Yams

/// Values of the contract that several content files hold (oblasts, ids, topics, dates, addresses), read the same
/// way everywhere so that a mistake gets the same message in a page, a record or a municipality.
extension YAMLMapping {
    /// An oblast id; anything else is an error, with the nearest id suggested.
    func oblast(_ key: String = "oblast", required: Bool, reporting diagnostics: inout Diagnostics) -> Oblast? {
        guard let text = string(key, required: required, reporting: &diagnostics) else { return nil }
        return Self.oblast(text, at: location(of: key), reporting: &diagnostics)
    }

    /// One oblast or a list of them (a partnership in several oblasts).
    func oblasts(_ key: String = "oblast", required: Bool, reporting diagnostics: inout Diagnostics) -> [Oblast] {
        guard let node = self[key], !node.isNull else {
            if required { diagnostics.error("missing required key '\(key)'", at: self[key] == nil ? file.fileLocation : location(of: key)) }
            return []
        }
        return strings(key, reporting: &diagnostics).compactMap { Self.oblast($0.text, at: $0.location, reporting: &diagnostics) }
    }

    static func oblast(_ text: String, at location: SourceLocation, reporting diagnostics: inout Diagnostics) -> Oblast? {
        if let oblast = Oblast(rawValue: text) { return oblast }
        var message = "unknown oblast '\(text)'"
        if let suggestion = Suggestion.closest(to: text, in: Oblast.allCases.map(\.rawValue)) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; use one of \(Oblast.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        diagnostics.error(message, at: location)
        return nil
    }

    /// An id of lowercase letters, digits and hyphens.
    func identifier(_ key: String, required: Bool = false, reporting diagnostics: inout Diagnostics) -> String? {
        guard let text = string(key, required: required, reporting: &diagnostics) else { return nil }
        guard Identifier.isValid(text) else {
            diagnostics.error("'\(key)' must be an id of lowercase letters a-z, digits and hyphens", at: location(of: key))
            return nil
        }
        return text
    }

    /// Topic ids; one without a built-in label is a warning (the list is open).
    func topics(_ key: String = "topics", reporting diagnostics: inout Diagnostics) -> [Topic] {
        strings(key, reporting: &diagnostics).compactMap { text, topicLocation -> Topic? in
            guard Identifier.isValid(text) else {
                diagnostics.error("topic '\(text)' may hold only lowercase letters a-z, digits and hyphens", at: topicLocation)
                return nil
            }
            let topic = Topic(text)
            if topic.builtInLabel == nil {
                var message = "topic '\(text)' has no built-in label; it is shown as written"
                if let suggestion = Suggestion.closest(to: text, in: Topic.builtInIDs) { message += " (did you mean '\(suggestion)'?)" }
                diagnostics.warning(message, at: topicLocation)
            }
            return topic
        }
    }

    /// A `yyyy-mm-dd` date.
    func date(_ key: String, required: Bool = false, reporting diagnostics: inout Diagnostics) -> CalendarDate? {
        guard let text = string(key, required: required, reporting: &diagnostics) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            diagnostics.error("\(key) '\(text)' is not a date written as yyyy-mm-dd", at: location(of: key))
            return nil
        }
        return date
    }

    /// A web address for a link; only http and https, so that no content can put a `javascript:` link on a page.
    func webAddress(_ key: String, reporting diagnostics: inout Diagnostics) -> String? {
        guard let text = string(key, reporting: &diagnostics) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            diagnostics.error("'\(key)' must be an http or https address, such as https://example.org/report.pdf", at: location(of: key))
            return nil
        }
        return text
    }

    /// A whole number in a range (years, residents).
    func integer(_ node: Node, what: String, in range: ClosedRange<Int>, reporting diagnostics: inout Diagnostics) -> Int? {
        guard let text = node.scalar?.string.trimmed, let value = Int(text), range.contains(value) else {
            let shown = node.scalar?.string ?? "a list or mapping"
            diagnostics.error("\(what) '\(shown)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: file.location(of: node))
            return nil
        }
        return value
    }

    /// A nested mapping under `key`, if present.
    func mapping(_ key: String, reporting diagnostics: inout Diagnostics) -> YAMLMapping? {
        guard let node = self[key], !node.isNull else { return nil }
        return YAMLMapping(node, in: file, what: "'\(key)'", reporting: &diagnostics)
    }

    /// The items of a list under `key`, each a mapping.
    func mappings(_ key: String, reporting diagnostics: inout Diagnostics) -> [YAMLMapping] {
        guard let node = self[key], !node.isNull else { return [] }
        guard let sequence = node.sequence else {
            diagnostics.error("'\(key)' must be a list (each item starting with '- ')", at: location(of: key))
            return []
        }
        return sequence.compactMap { YAMLMapping($0, in: file, what: "each item of '\(key)'", reporting: &diagnostics) }
    }
}
