import AchykModel
import AchykPipeline
import AchykRender
import Foundation

/// The site as `achyk serve` holds it: the last good build in memory, the problems of the latest build, and the
/// browsers waiting to be told to reload.
public actor LiveSite {
    public struct State: Sendable {
        /// The files of the last build that succeeded, by output path.
        public let files: [String: OutputFile]
        /// The problems of the latest build; when it failed, pages show them over the last good site.
        public let diagnostics: [Diagnostic]
        public let latestFailed: Bool
        /// Counts builds, so that a page can tell whether it is current.
        public let version: Int
    }

    private let options: BuildOptions
    private let builder: SiteBuilder
    private(set) var state = State(files: [:], diagnostics: [], latestFailed: false, version: 0)
    /// The last good build, kept so that an edit of page bodies redoes only those pages.
    private var lastBuild: LiveBuild?
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    public init(options: BuildOptions, builder: SiteBuilder = SiteBuilder()) {
        var options = options
        options.outputFolder = nil
        self.options = options
        self.builder = builder
    }

    public var current: State { state }

    /// Builds again; on success the new site replaces the old one, on failure the old one stays and its pages
    /// carry the problems. Every listening browser is told to reload either way.
    ///
    /// - Parameter changedPaths: the content files that changed, relative to the content folder, when known:
    ///   an edit of page bodies then redoes only those pages. Nil rebuilds everything.
    @discardableResult
    public func rebuild(changedPaths: Set<String>? = nil) async -> BuildReport {
        var outcome: (BuildReport, LiveBuild?)?
        if let changedPaths, let lastBuild, !state.latestFailed {
            outcome = await builder.update(lastBuild, changedPaths: changedPaths)
        }
        let report: BuildReport
        let build: LiveBuild?
        if let outcome { (report, build) = outcome } else { (report, build) = await builder.buildInMemory(options) }
        if let build { lastBuild = build }
        let problems = report.diagnostics.sorted
        state = State(
            files: build?.files ?? state.files, diagnostics: problems, latestFailed: build == nil, version: state.version + 1)
        for listener in listeners.values { listener.yield("reload \(state.version)") }
        return report
    }

    /// A stream of "reload" messages for one browser page.
    public func listen() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.stopListening(id) }
        }
        return stream
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    public var listenerCount: Int { listeners.count }
}
