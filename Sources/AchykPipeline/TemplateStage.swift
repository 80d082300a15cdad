import AchykModel
import AchykRender
import Foundation

/// Where the apply-templates stage puts each file as it is made.
protocol SiteSink: AnyObject {
    func write(_ file: OutputFile) throws
    /// Called once every file is written: the site becomes visible as a whole.
    func commit() throws
    /// Called instead of `commit` when the stage fails.
    func discard()
}

/// Keeps the site in memory, for `achyk serve`.
final class CollectingSink: SiteSink {
    private(set) var files: [String: OutputFile] = [:]

    func write(_ file: OutputFile) throws { files[file.path] = file }
    func commit() throws {}
    func discard() { files = [:] }
}

/// The apply-templates stage: runs the render jobs on all cores and streams each file into the sink (the staging
/// folder of a build) as it is made, then commits it. Without a sink (`check`) it renders and counts only.
struct TemplateStage {
    func run(_ jobs: [RenderJob], into staging: SiteSink?) async throws -> WrittenSite {
        do {
            var counts: [Language: Int] = [:]
            var fileCount = 0
            try await withThrowingTaskGroup(of: [OutputFile].self) { group in
                var pending = jobs.makeIterator()
                // Enough jobs in flight to keep every core busy, few enough that finished files do not pile up.
                let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
                for _ in 0..<width {
                    guard let job = pending.next() else { break }
                    group.addTask { job.run() }
                }
                while let files = try await group.next() {
                    for file in files {
                        try staging?.write(file)
                        fileCount += 1
                        if file.isHTMLPage, let language = Language(rawValue: String(file.path.prefix { $0 != "/" })), file.path.contains("/") {
                            counts[language, default: 0] += 1
                        }
                    }
                    if let job = pending.next() { group.addTask { job.run() } }
                }
            }
            try staging?.commit()
            return WrittenSite(fileCount: fileCount, pagesPerLanguage: counts)
        } catch {
            staging?.discard()
            throw error
        }
    }
}
