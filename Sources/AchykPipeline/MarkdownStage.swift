import Dispatch
import Foundation
import AchykMarkdown
import AchykModel
import AchykRender
import AchykSite

/// The Markdown stage: every body converted once, on all cores (parsing itself is serialised inside
/// `MarkdownConverter`), with links written from the site root made relative. Links to pages that do not exist,
/// or to headings a page does not have, are reported at their line.
struct MarkdownStage {
    /// Each converted body by source path, and the heading ids of each.
    struct Result: Sendable {
        var bodies: [String: String] = [:]
        var headingIDs: [String: Set<String>] = [:]
    }

    private struct PageResult: Sendable {
        let path: String
        let html: String
        let headingIDs: Set<String>
        let problems: [Diagnostic]
        let anchors: [AnchorLink]
    }

    /// A link from the site root with a `#fragment`, checked once every page's headings are known.
    private struct AnchorLink: Sendable {
        let target: String
        let fragment: String
        let url: String
        let location: SourceLocation
    }

    /// Converts every page, or only `some` (for `serve`), with the other pages' headings already known.
    func render(
        _ content: SiteContent, only some: [SourcePage]? = nil, knownHeadings: [String: Set<String>] = [:],
        linkTargets targets: Set<String>, reporting diagnostics: inout Diagnostics
    ) -> Result {
        let converter = MarkdownConverter(allowsRawHTML: content.settings.allowsRawHTML)
        let sitePaths = SitePaths(baseURL: content.settings.baseURL)
        // Every language version of a kind sits at the same depth, so one conversion serves each language that
        // shows this text, translated or as a fallback.
        let pages = (some.map { $0.map { ($0.key, $0) } } ?? content.pages.flatMap { group in group.versions.values.map { (group.key, $0) } })
            .sorted { $0.1.path < $1.1.path }
        let glossary = Self.glossaryLinkers(content)
        let results = Locked<[PageResult?]>(Array(repeating: nil, count: pages.count))
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let (key, page) = pages[index]
            let pagePath = sitePaths.page(key, in: page.language)
            var problems: [Diagnostic] = []
            var anchors: [AnchorLink] = []
            if let (line, message) = MarkdownLimits.problem(in: page.markdown) {
                let result = PageResult(
                    path: page.path, html: "", headingIDs: [],
                    problems: [.error(message, at: SourceLocation(page.path, line: page.bodyLine + line - 1))], anchors: [])
                results.withLock { $0[index] = result }
                return
            }
            let rendered = converter.convert(page.markdown) { link in
                guard let (target, relative) = SitePaths.rootLink(link.url, from: pagePath) else { return nil }
                let location = SourceLocation(page.path, line: page.bodyLine + link.line - 1)
                if !targets.contains(target) {
                    problems.append(.warning("link to \(link.url), which is not a page or file of this site", at: location))
                } else if let hash = link.url.firstIndex(of: "#") {
                    let fragment = String(link.url[link.url.index(after: hash)...])
                    anchors.append(AnchorLink(target: target, fragment: fragment, url: link.url, location: location))
                }
                return relative
            }
            var html = rendered.html
            if key.kind == .caseStudy, let (linker, glossaryKey) = glossary[page.language] {
                html = linker.link(html, glossaryHref: SitePaths.relative(from: pagePath, to: sitePaths.page(glossaryKey, in: page.language)))
            }
            let result = PageResult(path: page.path, html: html, headingIDs: Set(rendered.headings.map(\.id)), problems: problems, anchors: anchors)
            results.withLock { $0[index] = result }
        }
        var result = Result(bodies: [:], headingIDs: knownHeadings)
        var anchorLinks: [AnchorLink] = []
        for case let page? in results.withLock({ $0 }) {
            result.bodies[page.path] = page.html
            result.headingIDs[page.path] = page.headingIDs
            diagnostics.append(contentsOf: page.problems)
            anchorLinks += page.anchors
        }
        checkAnchors(anchorLinks, content: content, paths: sitePaths, headingIDs: result.headingIDs, reporting: &diagnostics)
        if some == nil {
            result.bodies.merge(renderRecordTexts(content, converter: converter, paths: sitePaths, targets: targets, reporting: &diagnostics)) { _, new in new }
        }
        return result
    }

    /// Per language, the terms of the glossary page shown in it (the page `glossary`), to link from case studies.
    static func glossaryLinkers(_ content: SiteContent) -> [Language: (GlossaryLinker, PageKey)] {
        guard let group = content.pages(of: .page).first(where: { $0.key.stem == "glossary" }) else { return [:] }
        var linkers: [Language: (GlossaryLinker, PageKey)] = [:]
        for language in content.settings.languages {
            guard let page = group.version(for: language, siteOrder: content.settings.languages) else { continue }
            linkers[language] = (GlossaryLinker(glossaryMarkdown: page.markdown), group.key)
        }
        return linkers
    }

    /// The Markdown of partnership records (`results`, `notes`), by `SitePaths.recordText` key.
    private func renderRecordTexts(
        _ content: SiteContent, converter: MarkdownConverter, paths: SitePaths, targets: Set<String>, reporting diagnostics: inout Diagnostics
    ) -> [String: String] {
        var bodies: [String: String] = [:]
        for record in content.partnerships {
            for (field, text) in [("results", record.results), ("notes", record.notes)] {
                for (language, markdown) in text.texts {
                    let pagePath = paths.partnership(record.id, in: language)
                    if let (_, message) = MarkdownLimits.problem(in: markdown) {
                        diagnostics.error("'\(field)': \(message)", at: SourceLocation(record.path))
                        continue
                    }
                    let rendered = converter.convert(markdown) { link in
                        guard let (target, relative) = SitePaths.rootLink(link.url, from: pagePath) else { return nil }
                        if !targets.contains(target) {
                            diagnostics.warning("link to \(link.url) in '\(field)', which is not a page or file of this site", at: SourceLocation(record.path))
                        }
                        return relative
                    }
                    bodies[SitePaths.recordText(record.path, field, language)] = rendered.html
                }
            }
        }
        return bodies
    }

    /// A fragment must name a heading of the text shown at the target; pages made only from templates are not checked.
    private func checkAnchors(
        _ links: [AnchorLink], content: SiteContent, paths: SitePaths, headingIDs: [String: Set<String>],
        reporting diagnostics: inout Diagnostics
    ) {
        guard !links.isEmpty else { return }
        var shownText: [String: String] = [:]
        for group in content.pages {
            for language in content.settings.languages {
                shownText[paths.page(group.key, in: language)] = group.version(for: language, siteOrder: content.settings.languages)?.path
            }
        }
        for link in links {
            guard let source = shownText[link.target], let ids = headingIDs[source], !link.fragment.isEmpty else { continue }
            let fragment = link.fragment.removingPercentEncoding ?? link.fragment
            if !ids.contains(fragment) {
                diagnostics.warning("link to \(link.url): the page has no heading with the id '\(fragment)'", at: link.location)
            }
        }
    }
}
