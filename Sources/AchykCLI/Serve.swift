import AchykModel
import AchykPipeline
import AchykServe
import ArgumentParser
import FlyingFox
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
        let buildOptions = BuildOptions(
            contentFolder: options.contentFolder, theme: options.themeSource, outputFolder: nil,
            includesDrafts: options.drafts, strict: options.strict)
        guard PreviewServer.ipv4Address(host) != nil else { throw ValidationError(PreviewServerError.badHost(host).description) }
        let site = LiveSite(options: buildOptions, builder: SiteBuilder(logger: options.makeLogger()))
        report(await site.rebuild())
        let preview = PreviewServer(site: site, host: host)
        let server = try await preview.makeServer(host: host, port: port)
        // Listening first, so that "Serving" is printed only once it is so, with the port actually taken (0 picks one).
        let running = Task { [host] in
            try await Self.keepServing(server) { port in try await preview.makeServer(host: host, port: port) }
        }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            let reason = await { () async -> String in
                do { try await running.value } catch { return "\(error)" }
                return "\(error)"
            }()
            throw ValidationError("could not listen on \(host):\(port) (\(reason)); is another server using the port? choose another with --port")
        }
        var listening = port
        if case .ip4(_, let actual)? = await server.listeningAddress { listening = actual }
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
        print("Serving \(options.content) at http://\(host):\(listening)/ — edits rebuild and reload the browser; Ctrl-C stops.")
        fflush(nil)
        try await running.value
    }

    /// Runs the server, and runs it again when it stops because the process ran out of file descriptors (too many
    /// connections at once, idle or not): new connections are refused for a moment, and serving goes on.
    static func keepServing(_ first: HTTPServer, makeServer: (UInt16) async throws -> HTTPServer) async throws {
        var server = first
        var port: UInt16 = 0
        while true {
            let current = server
            // The port actually taken, read while the server listens (it is gone once `run` has thrown).
            let listening = Task { () -> UInt16 in
                try? await current.waitUntilListening(timeout: 30)
                if case .ip4(_, let taken)? = await current.listeningAddress { return taken }
                return 0
            }
            do {
                try await current.run()
                return
            } catch let error as SocketError where "\(error)".contains("errno: 24") || "\(error)".contains("errno: 23") {
                let taken = await listening.value
                if taken != 0 { port = taken }
                var standardError = FileHandle.standardError
                Swift.print("Too many connections at once (\(error)); new ones are refused for a moment.", to: &standardError)
            }
            // The old server's connections close as its tasks end; a new one listens on the same port.
            try await Task.sleep(for: .seconds(1))
            server = try await makeServer(port)
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
