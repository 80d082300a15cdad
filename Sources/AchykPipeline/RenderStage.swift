import AchykContent
import AchykModel
import AchykRender
import Foundation

/// Where the render stage puts each file as it is made. Jobs write their files themselves, from every
/// core at once, so `write` is safe to call concurrently (for different paths).
protocol SiteSink: AnyObject, Sendable {
    func write(_ file: OutputFile) throws
    /// Called once every file is written: the site becomes visible as a whole. Returns what went wrong after
    /// that (the old site could not be removed), which is worth a warning but does not undo the build.
    func commit() throws -> [String]
    /// Called instead of `commit` when the stage fails.
    func discard()
}

/// Keeps the site in memory, for `achyk serve`.
final class CollectingSink: SiteSink {
    private let collected = Locked<[String: OutputFile]>([:])

    var files: [String: OutputFile] { collected.withLock { $0 } }

    /// A file copied from the content folder is read now: the preview server answers only with what the build
    /// made, and never follows a path at request time (the file could meanwhile have become a link to anything).
    func write(_ file: OutputFile) throws {
        var file = file
        if case .stream(let stream) = file.contents { file = OutputFile(path: file.path, contents: .data(try stream.collected())) }
        if case .copy(let source) = file.contents {
            guard case .success(let data) = TextDecoding.contents(of: URL(fileURLWithPath: source).resolvingSymlinksInPath().path, limit: Self.fileLimit) else {
                throw OutputFolderError(message: "could not read \(source) for the preview")
            }
            file = OutputFile(path: file.path, contents: .data(data))
        }
        collected.withLock { [file] in $0[file.path] = file }
    }

    /// A file of `files/` larger than this is not previewed (it stays in the built site).
    static let fileLimit = 256 << 20
    func commit() throws -> [String] { [] }
    func discard() { collected.withLock { $0 = [:] } }
}

/// The render stage: runs the render jobs on all cores and streams each file into the sink (the staging
/// folder of a build) as it is made, then commits it. Without a sink (`check`) it renders and counts only.
///
/// `then` is work that runs beside the first jobs and gives the rest: the serial Markdown stage, and the jobs that
/// need its output. The Markdown stage keeps about one core busy; meanwhile the others make the pages that need no
/// Markdown. When it gives nil (its problems fail the build) nothing is committed.
struct RenderStage {
    /// `then` gave no jobs: the build stops, and the staging folder is discarded.
    struct Stopped: Error {}

    private enum Done: Sendable {
        /// The output paths a job wrote, its kind, and how long it took.
        case written([String], kind: String, duration: Duration)
        case later([RenderJob]?)
    }

    func run(_ jobs: [RenderJob], into staging: SiteSink?, then later: (@Sendable () -> [RenderJob]?)? = nil) async throws -> WrittenSite {
        do {
            var counts: [Language: Int] = [:]
            var fileCount = 0
            var timings: [String: (jobs: Int, time: Duration)] = [:]
            try await withThrowingTaskGroup(of: Done.self) { group in
                var pending = jobs[...]
                // Enough jobs in flight to keep every core busy, few enough that finished files do not pile up.
                let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
                var running = 0
                func topUp() {
                    while running < width, let job = pending.popFirst() {
                        group.addTask {
                            // Each job writes its own files: a serial write loop in the parent kept one core
                            // writing while the others waited for it on large sites.
                            let started = ContinuousClock.now
                            let files = try job.run()
                            for file in files { try staging?.write(file) }
                            return .written(files.map(\.path), kind: job.kind, duration: ContinuousClock.now - started)
                        }
                        running += 1
                    }
                }
                if let later { group.addTask { .later(later()) } }
                topUp()
                while let done = try await group.next() {
                    switch done {
                    case .later(let jobs):
                        guard let jobs else { throw Stopped() }
                        // First, so that a long job among them (a whole list) does not start last.
                        pending = jobs[...] + pending
                    case .written(let paths, let kind, let duration):
                        running -= 1
                        timings[kind, default: (0, .zero)].jobs += 1
                        timings[kind, default: (0, .zero)].time += duration
                        for path in paths {
                            fileCount += 1
                            if path.hasSuffix(".html"), let language = Language(rawValue: String(path.prefix { $0 != "/" })), path.contains("/") {
                                counts[language, default: 0] += 1
                            }
                        }
                    }
                    topUp()
                }
            }
            let warnings = try staging?.commit() ?? []
            return WrittenSite(
                fileCount: fileCount, pagesPerLanguage: counts, warnings: warnings,
                timings: timings.mapValues { RenderTiming(jobs: $0.jobs, seconds: $0.time.seconds) })
        } catch {
            staging?.discard()
            throw error
        }
    }
}
