import AchykMarkdown
import AchykModel
import AchykRender

/// The Markdown stage: every body converted once, serially (see `MarkdownConverter`), with links written from the
/// site root made relative, and links to pages that do not exist reported at their line.
struct MarkdownStage {
    func render(_ content: SiteContent, reporting diagnostics: inout Diagnostics) -> [String: String] {
        let converter = MarkdownConverter(allowsRawHTML: content.settings.allowsRawHTML)
        let paths = SitePaths(baseURL: content.settings.baseURL)
        let targets = SitePages(content: content).linkTargets
        var bodies: [String: String] = [:]
        for group in content.pages {
            for page in group.versions.values.sorted(by: { $0.path < $1.path }) {
                // Every language version of a kind sits at the same depth, so one conversion serves each language
                // that shows this text, translated or as a fallback.
                let pagePath = paths.page(group.key, in: page.language)
                var problems: [Diagnostic] = []
                let html = converter.convert(page.markdown) { link in
                    guard let (target, relative) = SitePaths.rootLink(link.url, from: pagePath) else { return nil }
                    if !targets.contains(target) {
                        problems.append(.warning("link to \(link.url), which is not a page or file of this site", at: SourceLocation(page.path, line: page.bodyLine + link.line - 1)))
                    }
                    return relative
                }
                diagnostics.append(contentsOf: problems)
                bodies[page.path] = html.html
            }
        }
        return bodies
    }
}
