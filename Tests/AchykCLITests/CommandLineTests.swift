import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs the `achyk` executable as a user would and checks its output streams and exit codes.
@Suite struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("achyk")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/achyk")
    }

    func achyk(_ arguments: [String], in folder: URL) throws -> Run {
        try run(Self.executable, arguments, in: folder)
    }

    /// Runs a program to its end and returns its exit status and both output streams.
    func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                   standardError: String(decoding: errData, as: UTF8.self))
    }

    func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A CSO's CI fails when a language falls below the share of translated pages it asks for.
    @Test func checkReportsTranslationsAndFailsBelowTheThreshold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/translations/Content").path
        let report = try achyk(["check", "--content", content, "--translations"], in: folder)
        #expect(report.status == 0)
        #expect(report.standardOutput.hasPrefix("Translations: translated / shown by fallback / missing\n"))
        #expect(report.standardOutput.contains("pages                 0 / 1 / 0     0 / 1 / 0     1 / 0 / 0\n"))
        let enough = try achyk(["check", "--content", content, "--min-translated", "50"], in: folder)
        #expect(enough.status == 0)
        let strict = try achyk(["check", "--content", content, "--min-translated", "60"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("ky: 50.0 % translated, below --min-translated 60.0 %\nen: 50.0 % translated, below --min-translated 60.0 %\n"))
        #expect(!strict.standardError.contains("ru:"))
        let wrong = try achyk(["check", "--content", content, "--min-translated", "120"], in: folder)
        #expect(wrong.status != 0 && wrong.standardError.contains("--min-translated must be a percentage from 0 to 100"))
    }

    @Test func buildEndsWithOneSummaryLine() throws {
        let folder = temporaryFolder()
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content").path
        let run = try achyk(["build", "--content", content, "--output", "out"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 48 pages (ky 16, ru 16, en 16), 0 warnings, ") == true)
        #expect(lines.first?.hasSuffix(" s → out/") == true)
        // No theme folder here: the built-in theme was used.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/assets/style.css").path))
    }

    @Test func problemsGoToStandardErrorSortedAndTheExitCodeIsOne() throws {
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/invalid/several-problems")
        let run = try achyk(["check", "--content", content.appendingPathComponent("Content").path], in: temporaryFolder())
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        let expected = try String(contentsOf: content.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropLast()) == expected.split(separator: "\n").map(String.init))
        #expect(lines.last?.hasPrefix("Failed: 2 errors, 5 warnings, ") == true)
    }

    @Test func checkWritesNothingAndStrictFailsOnWarnings() throws {
        let folder = temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/minimal/Content"), to: content)
        try "x".write(to: content.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let lenient = try achyk(["check"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.standardOutput.hasPrefix("Checked 5 pages (en 5), 1 warning, "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Content"])
        let strict = try achyk(["check", "--strict"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("notes.txt:1: warning: "))
    }

    @Test func aBadBaseURLIsRefusedBeforeAnythingIsRead() throws {
        let run = try achyk(["build", "--base-url", "example.org"], in: temporaryFolder())
        #expect(run.status != 0)
        #expect(run.standardError.contains("--base-url must be an absolute http or https address"))
    }

    @Test func helpShowsExamplesAndVersionIsPrinted() throws {
        let folder = temporaryFolder()
        for command in ["build", "check"] {
            let help = try achyk([command, "--help"], in: folder)
            #expect(help.standardOutput.contains("Examples:"))
            #expect(help.standardOutput.contains("achyk \(command)"))
        }
        // The version, the libcmark-gfm it runs with, and the day it was built.
        let version = try achyk(["--version"], in: folder).standardOutput.split(separator: "\n").map(String.init)
        #expect(version.count == 3)
        #expect(version.first?.wholeMatch(of: /achyk \d+\.\d+\.\d+/) != nil)
        #expect(version.dropFirst().first?.wholeMatch(of: /libcmark-gfm \d+\.\d+\.\d+\.gfm\.\d+/) != nil)
        #expect(version.last?.wholeMatch(of: /built \d{4}-\d{2}-\d{2}/) != nil)
    }

    @Test func newScaffoldsFilesAndRefusesToOverwrite() throws {
        let folder = temporaryFolder()
        let first = try achyk(["new", "case-study", "26-new-village"], in: folder)
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("Created Content/handbook/26-new-village.en.md"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content/handbook/26-new-village.ky.md").path))
        let again = try achyk(["new", "case-study", "26-new-village"], in: folder)
        #expect(again.status != 0)
        #expect(again.standardError.contains("already exists"))
        let record = try achyk(["new", "partnership", "Insan"], in: folder)
        #expect(record.status != 0)
        #expect(record.standardError.contains("is not a partnership id"))
    }
}

@Suite struct ConcurrentBuildTests {
    @Test func aSecondBuildWaitsThenGivesUpWithAClearMessage() throws {
        let cli = CommandLineTests()
        let folder = cli.temporaryFolder()
        let content = CommandLineTests.repository.appendingPathComponent("Tests/Fixtures/minimal/Content").path
        #expect(try cli.achyk(["build", "--content", content, "--output", "Site"], in: folder).status == 0)
        // Hold the lock as a running build would.
        let lock = open(folder.appendingPathComponent(".Site.achyk-lock").path, O_RDWR)
        #expect(lock >= 0)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let refused = try cli.achyk(["build", "--content", content, "--output", "Site", "--wait", "1"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("waiting for another achyk build writing"))
        #expect(refused.standardError.contains("another achyk build is writing"))
        #expect(refused.standardError.contains("(waited 1 s); wait for it to finish"))
        flock(lock, LOCK_UN)
        close(lock)
        #expect(try cli.achyk(["build", "--content", content, "--output", "Site"], in: folder).status == 0)
    }
}

/// Content that cannot be read, as an ordinary user meets it.
@Suite struct UnreadableContentTests {
    let cli = CommandLineTests()

    /// Found by a hostile review: an unreadable folder's pages vanished from the site with "0 warnings", and an
    /// unreadable site.yaml failed with no message. Run as an ordinary user (root reads everything).
    @Test func whatCannotBeReadIsAnErrorAtItsPath() throws {
        let folder = cli.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: CommandLineTests.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content"), to: content)
        chmod(folder.path, 0o777)
        chmod(content.appendingPathComponent("news").path, 0o000)
        chmod(content.appendingPathComponent("pages/about.ru.md").path, 0o000)
        chmod(content.appendingPathComponent("files/report.txt").path, 0o000)
        defer { chmod(content.appendingPathComponent("news").path, 0o755) }
        var arguments = ["build", "--content", "Content", "--output", "out"]
        if getuid() == 0 {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.executable.path] + arguments
        }
        let run = try getuid() == 0 ? runProgram("/usr/bin/setpriv", arguments, in: folder) : cli.achyk(arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("files/report.txt:1: error: the file cannot be read (Permission denied); check its permissions"))
        #expect(run.standardError.contains("news/:1: error: the folder cannot be read (Permission denied); check its permissions"))
        #expect(run.standardError.contains("pages/about.ru.md:1: error: the file cannot be read (Permission denied); check its permissions"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        chmod(content.appendingPathComponent("news").path, 0o755)
        chmod(content.appendingPathComponent("pages/about.ru.md").path, 0o644)
        chmod(content.appendingPathComponent("files/report.txt").path, 0o644)
        chmod(content.appendingPathComponent("site.yaml").path, 0o000)
        let settings = try getuid() == 0 ? runProgram("/usr/bin/setpriv", arguments, in: folder) : cli.achyk(arguments, in: folder)
        #expect(settings.status == 1)
        #expect(settings.standardError.contains("site.yaml:1: error: the file cannot be read (Permission denied); check its permissions"))
        #expect(!settings.standardError.contains("with --strict"))
    }

    /// A read-only folder in the old site (its owner's choice, or a copy from read-only media) no longer leaves the
    /// old site beside the new one for ever (found by a hostile review).
    @Test func anOldSiteWithAReadOnlyFolderIsRemoved() throws {
        let folder = cli.temporaryFolder()
        chmod(folder.path, 0o777)
        let content = CommandLineTests.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content").path
        var arguments = ["build", "--content", content, "--output", "out"]
        if getuid() == 0 {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.executable.path] + arguments
        }
        let build = { try getuid() == 0 ? runProgram("/usr/bin/setpriv", arguments, in: folder) : cli.achyk(arguments, in: folder) }
        #expect(try build().status == 0)
        chmod(folder.appendingPathComponent("out/en/news").path, 0o555)
        let second = try build()
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".out.achyk-lock", "out"])
    }

    func runProgram(_ path: String, _ arguments: [String], in folder: URL) throws -> CommandLineTests.Run {
        try cli.run(URL(fileURLWithPath: path), arguments, in: folder)
    }
}
