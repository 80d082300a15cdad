import AchykModel
import AchykPipeline
import ArgumentParser
import Foundation

/// Prints a build's problems (sorted, on standard error) and its one summary line, and chooses the exit code.
struct Summary {
    let report: BuildReport
    let verb: String
    let destination: String?
    let strict: Bool

    /// Every problem of a run on standard error, sorted by path and line.
    static func printDiagnostics(of report: BuildReport) {
        var standardError = FileHandle.standardError
        for diagnostic in report.diagnostics.sorted { Swift.print(diagnostic, to: &standardError) }
    }

    func print() throws {
        var standardError = FileHandle.standardError
        Self.printDiagnostics(of: report)
        let warnings = report.diagnostics.warningCount
        let errors = report.diagnostics.errorCount
        let seconds = String(format: "%.2f", report.seconds)
        if let written = report.written {
            let perLanguage = Language.allCases.compactMap { language in written.pagesPerLanguage[language].map { "\(language.rawValue) \($0)" } }
            let pages = written.pagesPerLanguage.values.reduce(0, +)
            var line = "\(verb) \(pages) pages (\(perLanguage.joined(separator: ", "))), \(warnings) warning\(warnings == 1 ? "" : "s"), \(seconds) s"
            if let destination { line += " → \(destination)/" }
            Swift.print(line)
        } else {
            let reason = errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : "\(warnings) warning\(warnings == 1 ? "" : "s") with --strict"
            Swift.print("Failed: \(reason), \(warnings) warning\(warnings == 1 ? "" : "s"), \(seconds) s; nothing was written", to: &standardError)
            throw ExitCode(1)
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}
