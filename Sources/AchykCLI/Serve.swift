import AchykModel
import AchykPipeline
import AchykServe
import ArgumentParser
import FlyingSocks
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into memory, serve it for preview, and rebuild and reload the browser on every edit.",
        discussion: """
            The site is served from memory; nothing is written. Pages reload by themselves after each build, and
            when a build fails they show its problems over the last good version.

            Examples:
              achyk serve                      http://127.0.0.1:1313/
              achyk serve --port 8080 --drafts
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The port to listen on.")
    var port: UInt16 = 1313

    @Option(help: "The address to listen on; the default only accepts this computer.")
    var host: String = "127.0.0.1"

    func run() async throws {
        // A server whose terminal or log pipe goes away (`achyk serve | tee log`, then ^C on tee) must not die of
        // SIGPIPE; its sockets already send with MSG_NOSIGNAL.
        signal(SIGPIPE, SIG_IGN)
        let buildOptions = BuildOptions(
            contentFolder: options.contentFolder, theme: options.themeSource, outputFolder: nil,
            includesDrafts: options.drafts, strict: options.strict, now: options.day)
        guard PreviewServer.ipv4Address(host) != nil else { throw ValidationError(PreviewServerError.badHost(host).description) }
        let site = LiveSite(options: buildOptions, builder: SiteBuilder(logger: options.makeLogger()))
        report(await site.rebuild())
        let listener = PreviewListener(server: PreviewServer(site: site, host: host))
        var watched = [options.contentFolder.standardizedFileURL]
        if case .folder(let theme, _) = options.themeSource { watched.append(theme) }
        let watcher = ContentWatcher(folders: watched, interval: .milliseconds(100))
        let watching = Task {
            await watcher.watch { changed in
                let paths = ContentWatcher.relativePaths(changed, in: options.contentFolder)
                self.report(await site.rebuild(changedPaths: paths))
            }
        }
        defer { watching.cancel() }
        let (content, host) = (options.content, host)
        do {
            // "Serving" once it is so, with the port actually taken (0 picks one).
            try await listener.run(host: host, port: port) { taken in
                print("Serving \(content) at http://\(host):\(taken)/ — edits rebuild and reload the browser; Ctrl-C stops.")
                fflush(nil)
            }
        } catch let error as SocketError {
            throw ValidationError("could not listen on \(host):\(port) (\(error)); is another server using the port? choose another with --port")
        }
    }

    private func report(_ report: BuildReport) {
        var standardError = FileHandle.standardError
        Summary.printDiagnostics(of: report)
        let milliseconds = Int(report.seconds * 1000)
        if let written = report.written {
            let pages = written.pagesPerLanguage.values.reduce(0, +)
            Swift.print("Built \(pages) pages, \(report.diagnostics.warningCount) warnings, \(milliseconds) ms")
        } else {
            Swift.print("Build failed: \(report.diagnostics.errorCount) errors; still serving the last good site (\(milliseconds) ms)", to: &standardError)
        }
        // The terminal may be a pipe or a log file: show each build as it happens.
        fflush(nil)
    }
}
