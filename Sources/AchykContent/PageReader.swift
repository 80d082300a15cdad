import AchykModel
import Yams

/// Reads one Markdown file: its front matter, typed and checked, and its body.
struct PageReader {
    let settings: SiteSettings

    static let knownKeys: Set<String> = [
        "title", "summary", "date", "draft", "tagline", "oblast", "rayon", "settlements", "topics", "partnership",
        "municipality", "section", "as_of",
    ]

    func read(
        _ text: String, path: String, kind: PageKind, name: PageFileName, reporting diagnostics: inout Diagnostics
    ) -> SourcePage? {
        let location = SourceLocation(path)
        // A commentary belongs to its municipality's folder: `leilek/2023`.
        let key = kind == .budgetCommentary ? "\(path.split(separator: "/").dropFirst().first ?? "")/\(name.stem)" : name.stem
        let split: SplitMarkdownFile
        switch FrontMatterSplitter.split(text) {
        case .success(let value): split = value
        case .failure:
            diagnostics.error("the front matter opened by '---' on line 1 is never closed; add a '---' line after the last key", at: location)
            return nil
        }
        guard let yaml = split.frontMatter else {
            // A commentary on a budget year may be Markdown alone: its page has a title of its own.
            if kind == .budgetCommentary {
                return SourcePage(key: PageKey(kind, key), language: name.language, frontMatter: FrontMatter(title: ""), markdown: split.body, bodyLine: split.bodyLine, path: path)
            }
            diagnostics.error("no front matter: start the file with a '---' line, a 'title: ...' line and another '---' line", at: location)
            return nil
        }
        let file = YAMLFile(path: path, lineOffset: split.frontMatterLineOffset)
        guard let map = file.mapping(
            yaml, what: "the front matter", known: Self.knownKeys, ifEmpty: "the front matter is empty; it needs at least 'title'",
            reporting: &diagnostics)
        else { return nil }

        let title = map.string("title", required: kind != .budgetCommentary, reporting: &diagnostics) ?? (kind == .budgetCommentary ? "" : nil)
        let date = readDate(map, kind: kind, stem: name.stem, reporting: &diagnostics)
        let oblast = map.oblast(required: kind == .caseStudy, reporting: &diagnostics)
        let topics = map.topics(reporting: &diagnostics)
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
            partnership: map.identifier("partnership", reporting: &diagnostics),
            municipality: map.identifier("municipality", reporting: &diagnostics),
            section: readSection(map, kind: kind, reporting: &diagnostics),
            asOf: map["as_of"].flatMap { map.integer($0, what: "as_of (the year the case describes)", in: 1900...2100, reporting: &diagnostics) })
        guard title != nil, kind != .caseStudy || oblast != nil, kind != .news || date != nil else { return nil }
        return SourcePage(
            key: PageKey(kind, key), language: name.language, frontMatter: frontMatter, markdown: split.body,
            bodyLine: split.bodyLine, path: path)
    }

    private func readSection(_ map: YAMLMapping, kind: PageKind, reporting diagnostics: inout Diagnostics) -> String? {
        guard let section = map.string("section", reporting: &diagnostics) else { return nil }
        guard kind == .page else {
            diagnostics.warning("'section' belongs only in files under pages/; it is ignored here", at: map.location(of: "section"))
            return nil
        }
        guard FrontMatter.sections.contains(section) else {
            let choices = FrontMatter.sections.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.warning("section '\(section)' is not one of \(choices); the page is listed in no section", at: map.location(of: "section"))
            return nil
        }
        return section
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
}
