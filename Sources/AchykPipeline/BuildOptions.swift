import AchykModel
import AchykRender
import Foundation

/// Everything a build depends on, passed explicitly: no stage reads the command line or the environment.
public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var theme: ThemeSource
    /// Nil for `achyk check`, which writes nothing.
    public var outputFolder: URL?
    public var baseURL: String?
    public var includesDrafts: Bool
    public var strict: Bool
    /// How long a build waits for another build of the same output folder to end before it gives up.
    public var lockWait: Duration
    /// The day to build for (`--now`): which hearings are still to come. Nil: today in Bishkek.
    public var now: CalendarDate?

    public init(
        contentFolder: URL, theme: ThemeSource, outputFolder: URL?, baseURL: String? = nil,
        includesDrafts: Bool = false, strict: Bool = false, lockWait: Duration = .seconds(600), now: CalendarDate? = nil
    ) {
        self.now = now
        self.contentFolder = contentFolder
        self.theme = theme
        self.outputFolder = outputFolder
        self.baseURL = baseURL
        self.includesDrafts = includesDrafts
        self.strict = strict
        self.lockWait = lockWait
    }
}

/// What a build did: its problems, what it wrote and how long it took (`-v` logs each stage).
public struct BuildReport: Sendable {
    public let diagnostics: Diagnostics
    /// Nil when the build stopped before writing.
    public let written: WrittenSite?
    public let seconds: Double

    public var succeeded: Bool { written != nil }
}

/// The files a build wrote (or would write, for `check`).
public struct WrittenSite: Hashable, Sendable {
    public let fileCount: Int
    public let pagesPerLanguage: [Language: Int]
    /// Problems after the new site was in place (an old site that could not be removed).
    public var warnings: [String] = []
    /// The render stage's jobs by kind (one job is one page in one language, with its charts): for `-v`.
    public var timings: [String: RenderTiming] = [:]

    public init(fileCount: Int, pagesPerLanguage: [Language: Int], warnings: [String] = [], timings: [String: RenderTiming] = [:]) {
        self.fileCount = fileCount
        self.pagesPerLanguage = pagesPerLanguage
        self.warnings = warnings
        self.timings = timings
    }
}

/// How many jobs of a kind ran and the time they took together (each on its thread, writing included).
public struct RenderTiming: Hashable, Sendable {
    public let jobs: Int
    public let seconds: Double

    public var microsecondsPerJob: Double { jobs == 0 ? 0 : seconds * 1_000_000 / Double(jobs) }
}
