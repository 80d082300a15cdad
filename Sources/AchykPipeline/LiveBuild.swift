import AchykBudget
import AchykContent
import AchykModel
import AchykRender
import AchykSite
import Foundation

/// A build held in memory by `achyk serve`, with what it takes to redo only part of it after an edit.
public struct LiveBuild: Sendable {
    /// The site's files by output path.
    public let files: [String: OutputFile]
    let options: BuildOptions
    let content: SiteContent
    /// `names.yaml`, to check a page read again.
    let names: NameCheck
    let theme: Theme
    let markdown: MarkdownStage.Result
    let budgets: [MunicipalityFigures]
    let diagnostics: Diagnostics
    /// Every page and file of the site; unchanged by edits of page bodies.
    public let siteMap: SiteMap
    let pagesPerLanguage: [Language: Int]
    /// Every page version by its source path, kept so that an edit does not index the whole site again.
    let pagesByPath: [String: SourcePage]

    static func index(_ content: SiteContent) -> [String: SourcePage] {
        Dictionary(content.pages.flatMap(\.versions.values).map { ($0.path, $0) }) { first, _ in first }
    }
}

extension SiteBuilder {
    /// Redoes only what an edit of page bodies affects: those pages in every language, and the feeds if news
    /// changed. Nil when the edit needs a whole build — a file added or removed, settings, the theme, or any
    /// change to a page's front matter or headings, which lists, menus and links elsewhere depend on.
    public func update(_ previous: LiveBuild, changedPaths: Set<String>) async -> (BuildReport, LiveBuild?)? {
        let start = ContinuousClock.now
        let byPath = previous.pagesByPath
        // Editors' short-lived files (a swap file, vim's "4913" probe) come and go between two looks: a path that
        // is neither a page of the site nor a file any more changed nothing.
        let folder = previous.options.contentFolder
        let changedPaths = changedPaths.filter {
            byPath[$0] != nil || FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        guard !changedPaths.isEmpty else {
            return (BuildReport(diagnostics: previous.diagnostics, written: WrittenSite(fileCount: previous.files.count, pagesPerLanguage: previous.pagesPerLanguage), seconds: 0), previous)
        }
        guard changedPaths.allSatisfy({ byPath[$0] != nil }) else { return nil }
        let loader = ContentLoader(contentFolder: previous.options.contentFolder, includesDrafts: previous.options.includesDrafts)

        var diagnostics = Diagnostics(previous.diagnostics.all.filter { !changedPaths.contains($0.location.path) })
        var replacements: [String: SourcePage] = [:]
        for path in changedPaths {
            var fileDiagnostics = Diagnostics()
            guard let page = loader.reloadPage(at: path, settings: previous.content.settings, names: previous.names, reporting: &fileDiagnostics),
                let old = byPath[path], page.key == old.key, page.language == old.language, page.frontMatter == old.frontMatter
            else { return nil }
            diagnostics.append(contentsOf: fileDiagnostics)
            replacements[path] = page
        }
        let changedKeys = Set(replacements.values.map(\.key))
        let content = previous.content.replacing(previous.content.pages.filter { changedKeys.contains($0.key) }.map { group in
            PageGroup(key: group.key, versions: group.versions.mapValues { replacements[$0.path] ?? $0 })
        })
        var markdown = MarkdownStage().render(
            content, only: Array(replacements.values), knownHeadings: previous.markdown.headingIDs, linkTargets: previous.siteMap.linkTargets,
            reporting: &diagnostics)
        for path in changedPaths where markdown.headingIDs[path] != previous.markdown.headingIDs[path] { return nil }
        var bodies = previous.markdown.bodies
        for (path, html) in markdown.bodies { bodies[path] = html }
        markdown.bodies = bodies

        func report(_ written: WrittenSite?) -> BuildReport {
            BuildReport(diagnostics: diagnostics, written: written, seconds: (ContinuousClock.now - start).seconds)
        }
        guard !diagnostics.failsBuild(strict: previous.options.strict) else { return (report(nil), nil) }
        let renderer = SiteRenderer(content: content, theme: previous.theme, bodies: markdown.bodies, budgets: previous.budgets, siteMap: previous.siteMap)
        let sink = CollectingSink()
        let keys = Set(replacements.values.map(\.key))
        guard (try? await RenderStage().run(renderer.jobs(forBodiesOf: keys), into: sink)) != nil else { return nil }
        var files = previous.files
        for (path, file) in sink.files { files[path] = file }
        let written = WrittenSite(fileCount: files.count, pagesPerLanguage: previous.pagesPerLanguage)
        let build = LiveBuild(
            files: files, options: previous.options, content: content, names: previous.names, theme: previous.theme, markdown: markdown, budgets: previous.budgets,
            diagnostics: diagnostics, siteMap: previous.siteMap, pagesPerLanguage: previous.pagesPerLanguage,
            pagesByPath: byPath.merging(replacements) { _, new in new })
        return (report(written), build)
    }
}
