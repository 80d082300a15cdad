import AchykBudget
import AchykContent
import AchykMarkdown
import AchykModel
import AchykRender
import AchykSite
import Foundation
import Logging

/// Runs the named stages in order: load → load theme → resolve translations → validate → compute budgets → map the
/// site → render Markdown → render pages and write.
///
/// Each stage takes values and returns values; only the write stage touches the output folder, and it replaces
/// the folder in one step once everything has been written, so a failed build leaves the old site as it was.
public struct SiteBuilder: Sendable {
    let logger: Logger

    public init(logger: Logger = Logger(label: "achyk")) {
        self.logger = logger
    }

    /// Builds the site into `options.outputFolder`, or, without one, renders it to check it and writes nothing.
    public func build(_ options: BuildOptions) async -> BuildReport {
        let logger = self.logger
        return await run(options) { output in
            try output?.beginWriting(wait: options.lockWait) {
                logger.info("waiting for another achyk build writing \(output?.target.path ?? "") to finish (at most \(options.lockWait.components.seconds) s)")
            }
        }.0
    }

    /// Builds the site into memory, for `achyk serve`; nil when the build failed.
    public func buildInMemory(_ options: BuildOptions) async -> (BuildReport, LiveBuild?) {
        var options = options
        options.outputFolder = nil
        let sink = CollectingSink()
        let (report, parts) = await run(options) { _ in sink }
        guard report.succeeded, let parts else { return (report, nil) }
        return (report, LiveBuild(
            files: sink.files, options: options, content: parts.content, names: parts.names, theme: parts.theme, markdown: parts.markdown,
            budgets: parts.budgets, diagnostics: report.diagnostics, siteMap: parts.siteMap,
            pagesPerLanguage: report.written?.pagesPerLanguage ?? [:], pagesByPath: LiveBuild.index(parts.content)))
    }

    /// What a successful build made, besides its files: kept by `serve` to redo part of it later.
    private typealias Parts = (content: SiteContent, theme: Theme, markdown: MarkdownStage.Result, budgets: [MunicipalityFigures], siteMap: SiteMap, names: NameCheck)

    private func run(
        _ options: BuildOptions, makeSink: (OutputFolder?) throws -> SiteSink?
    ) async -> (BuildReport, Parts?) {
        let clock = ContinuousClock()
        let start = clock.now
        func record(_ name: String, since stageStart: ContinuousClock.Instant) {
            Self.logTime(of: name, since: stageStart, to: logger)
        }
        func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let stageStart = clock.now
            defer { record(name, since: stageStart) }
            return try body()
        }
        func report(_ diagnostics: Diagnostics, _ written: WrittenSite?, _ parts: Parts? = nil) -> (BuildReport, Parts?) {
            (BuildReport(diagnostics: diagnostics, written: written, seconds: (clock.now - start).seconds), parts)
        }

        var diagnostics = Diagnostics()
        let loaded = stage("load") {
            ContentLoader(contentFolder: options.contentFolder, includesDrafts: options.includesDrafts).load(reporting: &diagnostics)
        }
        guard var loaded else { return report(diagnostics, nil) }
        if let baseURL = options.baseURL { loaded = loaded.with(baseURL: baseURL) }
        loaded = loaded.with(today: options.now ?? CalendarDate.todayInBishkek())
        let names = loaded.names
        // The output folder's own problems are found before any work, and reported with the content's.
        let outputLocation = SourceLocation(options.outputFolder?.path ?? "Site")
        let output = options.outputFolder.map { OutputFolder(url: $0, contentFolder: options.contentFolder, keeping: loaded.settings.keep) }
        do { try output?.checkIsReplaceable() } catch { diagnostics.error(error.message, at: outputLocation) }
        let theme = stage("load theme") { Theme.load(options.theme, languages: loaded.settings.languages, reporting: &diagnostics) }
        let resolved = stage("resolve translations") { TranslationResolver().resolve(loaded, reporting: &diagnostics) }
        stage("validate") { SiteValidator().validate(resolved, reporting: &diagnostics) }
        let budgets = stage("compute budgets") { BudgetStage().compute(resolved.budgets, reporting: &diagnostics) }
        let content = resolved.droppingBudgetTables()
        let siteMap = stage("map the site") { SiteMap(content: content, budgets: budgets, assets: theme.map { Array($0.assets.keys) } ?? []) }
        guard let theme, !diagnostics.failsBuild(strict: options.strict) else {
            // Markdown is converted even when there are errors already, so that its broken links are reported too.
            stage("render Markdown") { _ = MarkdownStage().render(content, linkTargets: siteMap.linkTargets, reporting: &diagnostics) }
            return report(diagnostics, nil)
        }

        // The Markdown stage runs beside the pages that need none of it (lists, most budget pages), then gives the rest.
        let markdownDone = Locked<(result: MarkdownStage.Result, diagnostics: Diagnostics)?>(nil)
        let (markdownLogger, strict) = (self.logger, options.strict)
        let early = SiteRenderer(content: content, theme: theme, bodies: [:], budgets: budgets, siteMap: siteMap)
        let stageStart = clock.now
        let outcome: Result<WrittenSite, Error>
        do {
            outcome = .success(try await RenderStage().run(early.jobs(needingMarkdown: false), into: try makeSink(output)) {
                let markdownStart = ContinuousClock.now
                var problems = Diagnostics()
                let markdown = MarkdownStage().render(content, linkTargets: siteMap.linkTargets, reporting: &problems)
                Self.logTime(of: "render Markdown", since: markdownStart, to: markdownLogger)
                markdownDone.withLock { $0 = (markdown, problems) }
                guard !problems.failsBuild(strict: strict) else { return nil }
                return SiteRenderer(content: content, theme: theme, bodies: markdown.bodies, budgets: budgets, siteMap: siteMap).jobs(needingMarkdown: true)
            })
        } catch {
            outcome = .failure(error)
        }
        record("render pages and write", since: stageStart)
        let markdown = markdownDone.withLock { $0 }
        if let markdown { diagnostics.append(contentsOf: markdown.diagnostics) }
        switch outcome {
        case .success(let written):
            for warning in written.warnings { diagnostics.warning(warning, at: outputLocation) }
            for (kind, timing) in written.timings.sorted(by: { $0.key < $1.key }) {
                logger.debug("render \(kind): \(timing.jobs) × \(String(format: "%.1f", timing.microsecondsPerJob)) µs")
            }
            guard let markdown else { return report(diagnostics, nil) }
            return report(diagnostics, written, (content, theme, markdown.result, budgets, siteMap, names))
        case .failure(is RenderStage.Stopped):
            break
        case .failure(let error as OutputFolderError):
            diagnostics.error(error.message, at: outputLocation)
        case .failure(let error as RenderError):
            diagnostics.error(error.description, at: outputLocation)
        case .failure(let error):
            diagnostics.error("could not write the site: \(error)", at: outputLocation)
        }
        return report(diagnostics, nil)
    }
}

extension SiteBuilder {
    /// A stage's time, for `achyk build -v`.
    static func logTime(of stage: String, since start: ContinuousClock.Instant, to logger: Logger) {
        logger.debug("\(stage): \(String(format: "%.3f", (ContinuousClock.now - start).seconds)) s")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
