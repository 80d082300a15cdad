import AchykMarkdown
import AchykModel
import AchykPipeline
import AchykRender
import ArgumentParser
import Foundation
import Logging

@main
struct Achyk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "achyk",
        abstract: "Builds a trilingual (Kyrgyz, Russian, English) budget-transparency website from a content folder.",
        discussion: """
            Examples:
              achyk build                        build Content/ into Site/
              achyk check --content ~/my-site    validate without writing anything
              achyk serve                        preview at http://127.0.0.1:1313/ while editing
              achyk new case-study 26-new-village   start a new case study in every language
            """,
        version: AchykVersion.description,
        subcommands: [Build.self, Check.self, Serve.self, New.self],
        defaultSubcommand: Build.self)
}

enum AchykVersion {
    static let current = "0.1.0"

    /// `achyk --version`: achyk's version, the libcmark-gfm it runs with, and when the executable was built.
    static var description: String {
        "achyk \(current)\nlibcmark-gfm \(MarkdownConverter.libraryVersion)\nbuilt \(buildDate)"
    }

    /// The day the running executable was linked (its file's date, which a release's archive keeps), in UTC.
    static var buildDate: String {
        guard let date = try? FileManager.default.attributesOfItem(atPath: "/proc/self/exe")[.modificationDate] as? Date else { return "unknown" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// Options shared by every command that reads content.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder (site.yaml, pages/, news/, handbook/, …).")
    var content: String = "Content"

    @Option(help: "The theme folder. Default: Themes/default in this folder if it exists, else the built-in theme.")
    var theme: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print the time each build stage takes.")
    var verbose = false

    @Option(help: "Build as on this day (yyyy-mm-dd): which hearings are still to come. Default: today in Bishkek.")
    var now: String?

    /// `--now` as a day; validated before any command runs.
    var day: CalendarDate? { now.flatMap(CalendarDate.init(parsing:)) }

    func validate() throws {
        if let now, CalendarDate(parsing: now) == nil || now.count != 10 {
            throw ValidationError("--now must be a day written yyyy-mm-dd, such as 2026-12-07")
        }
    }

    var contentFolder: URL { URL(fileURLWithPath: content) }

    var themeSource: ThemeSource {
        if let theme { return .folder(URL(fileURLWithPath: theme), displayPath: theme) }
        let local = "Themes/default"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: local, isDirectory: &isFolder), isFolder.boolValue {
            return .folder(URL(fileURLWithPath: local), displayPath: local)
        }
        return .builtIn
    }

    func makeLogger() -> Logger {
        var logger = Logger(label: "achyk") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .info
        return logger
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder, replacing it only when the build succeeds.",
        discussion: """
            Examples:
              achyk build
              achyk build --content Content --output Site --base-url https://example.org/budget/
              achyk build --drafts --strict -v
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The output folder; it is replaced as a whole, and only if achyk made it.")
    var output: String = "Site"

    @Option(name: .customLong("base-url"), help: "The site's public address, overriding base_url in site.yaml.")
    var baseURL: String?

    @Option(help: "Seconds to wait for another build writing the same output folder to finish.")
    var wait: Int = 600

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must be 0 or more seconds") }
        if let baseURL, URL(string: baseURL)?.host == nil || !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http or https address, such as https://example.org/budget/")
        }
    }

    func run() async throws {
        let buildOptions = BuildOptions(
            contentFolder: options.contentFolder, theme: options.themeSource, outputFolder: URL(fileURLWithPath: output),
            baseURL: baseURL, includesDrafts: options.drafts, strict: options.strict, lockWait: .seconds(wait), now: options.day)
        let report = await SiteBuilder(logger: options.makeLogger()).build(buildOptions)
        try Summary(report: report, verb: "Built", destination: output, strict: options.strict).print()
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation of a build and write nothing; exits 1 when there are errors.",
        discussion: """
            Examples:
              achyk check
              achyk check --content ~/my-site --strict
            """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Also print, per section and language, how many pages are translated, shown by fallback or missing, and list them.")
    var translations = false

    @Option(name: .customLong("min-translated"), help: ArgumentHelp(
        "Fail when less than PERCENT of the pages and records of a language are written in it (implies --translations).", valueName: "PERCENT"))
    var minTranslated: Double?

    func validate() throws {
        if let minTranslated, !(0...100).contains(minTranslated) {
            throw ValidationError("--min-translated must be a percentage from 0 to 100")
        }
    }

    func run() async throws {
        let buildOptions = BuildOptions(
            contentFolder: options.contentFolder, theme: options.themeSource, outputFolder: nil,
            includesDrafts: options.drafts, strict: options.strict, now: options.day)
        let builder = SiteBuilder(logger: options.makeLogger())
        let report = await builder.build(buildOptions)
        var belowThreshold: [String] = []
        if translations || minTranslated != nil, let translationReport = builder.translationReport(buildOptions).0 {
            print(translationReport.text)
            if let minTranslated {
                for language in translationReport.languages where translationReport.percentTranslated(language) < minTranslated {
                    belowThreshold.append("\(language.rawValue): \(TranslationReport.percent(translationReport.percentTranslated(language))) translated, below --min-translated \(TranslationReport.percent(minTranslated))")
                }
            }
        }
        try Summary(report: report, verb: "Checked", destination: nil, strict: options.strict).print()
        if !belowThreshold.isEmpty {
            var standardError = FileHandle.standardError
            for line in belowThreshold { Swift.print(line, to: &standardError) }
            throw ExitCode(1)
        }
    }
}
