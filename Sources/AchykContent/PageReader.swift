import AchykModel
import Yams

/// Reads one Markdown file: its front matter, typed and checked, and its body.
struct PageReader {
    let settings: SiteSettings

    static let knownKeys: Set<String> = [
        "title", "summary", "date", "draft", "tagline", "oblast", "rayon", "settlements", "topics", "partnership",
        "municipality",
    ]

    func read(
        _ text: String, path: String, kind: PageKind, name: PageFileName, reporting diagnostics: inout Diagnostics
    ) -> SourcePage? {
        let location = SourceLocation(path)
        let split: SplitMarkdownFile
        switch FrontMatterSplitter.split(text) {
        case .success(let value): split = value
        case .failure:
            diagnostics.error("the front matter opened by '---' on line 1 is never closed; add a '---' line after the last key", at: location)
            return nil
        }
        guard let yaml = split.frontMatter else {
            diagnostics.error("no front matter: start the file with a '---' line, a 'title: ...' line and another '---' line", at: location)
            return nil
        }
        let file = YAMLFile(path: path, lineOffset: split.frontMatterLineOffset)
        let errorsBefore = diagnostics.errorCount
        guard let root = file.parse(yaml, reporting: &diagnostics) else {
            if diagnostics.errorCount == errorsBefore {
                diagnostics.error("the front matter is empty; it needs at least 'title'", at: location)
            }
            return nil
        }
        guard let map = YAMLMapping(root, in: file, what: "the front matter", reporting: &diagnostics) else { return nil }
        map.reportUnknownKeys(known: Self.knownKeys, in: "the front matter", reporting: &diagnostics)

        let title = map.string("title", required: true, reporting: &diagnostics)
        let date = readDate(map, kind: kind, stem: name.stem, reporting: &diagnostics)
        let oblast = readOblast(map, required: kind == .caseStudy, reporting: &diagnostics)
        let topics = map.strings("topics", reporting: &diagnostics).compactMap { text, topicLocation -> Topic? in
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
        let frontMatter = FrontMatter(
            title: title ?? "",
            summary: map.string("summary", reporting: &diagnostics),
            date: date,
            isDraft: map.bool("draft", reporting: &diagnostics) ?? false,
            tagline: map.string("tagline", reporting: &diagnostics),
            oblast: oblast,
            rayon: map.string("rayon", reporting: &diagnostics),
            settlements: map.strings("settlements", reporting: &diagnostics).map(\.text),
            topics: topics,
            partnership: readID("partnership", map, reporting: &diagnostics),
            municipality: readID("municipality", map, reporting: &diagnostics))
        guard title != nil, kind != .caseStudy || oblast != nil, kind != .news || date != nil else { return nil }
        return SourcePage(
            key: PageKey(kind, name.stem), language: name.language, frontMatter: frontMatter, markdown: split.body,
            bodyLine: split.bodyLine, path: path)
    }

    private func readDate(_ map: YAMLMapping, kind: PageKind, stem: String, reporting diagnostics: inout Diagnostics) -> CalendarDate? {
        guard let text = map.string("date", required: kind == .news, reporting: &diagnostics) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            diagnostics.error("date '\(text)' is not a date written as yyyy-mm-dd", at: map.location(of: "date"))
            return nil
        }
        if kind == .news, let nameDate = NewsDate.fromStem(stem), nameDate != date {
            diagnostics.error("date \(date) does not match the date \(nameDate) at the start of the file name", at: map.location(of: "date"))
            return nil
        }
        return date
    }

    private func readOblast(_ map: YAMLMapping, required: Bool, reporting diagnostics: inout Diagnostics) -> Oblast? {
        guard let text = map.string("oblast", required: required, reporting: &diagnostics) else { return nil }
        guard let oblast = Oblast(rawValue: text) else {
            var message = "unknown oblast '\(text)'"
            if let suggestion = Suggestion.closest(to: text, in: Oblast.allCases.map(\.rawValue)) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; use one of \(Oblast.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            diagnostics.error(message, at: map.location(of: "oblast"))
            return nil
        }
        return oblast
    }

    private func readID(_ key: String, _ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> String? {
        guard let text = map.string(key, reporting: &diagnostics) else { return nil }
        guard Identifier.isValid(text) else {
            diagnostics.error("'\(key)' must be an id of lowercase letters a-z, digits and hyphens", at: map.location(of: key))
            return nil
        }
        return text
    }
}
