import AchykModel
import AchykPipeline
import AchykRender
@testable import AchykServe
import FlyingFox
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.timeLimit(.minutes(2))) struct PreviewServerTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the trilingual fixture to edit, and a live site over it.
    func makeSite() async throws -> (LiveSite, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content"), to: content)
        let theme = ThemeSource.folder(Self.repository.appendingPathComponent("Themes/default"), displayPath: "Themes/default")
        let site = LiveSite(options: BuildOptions(contentFolder: content, theme: theme, outputFolder: nil))
        let report = await site.rebuild()
        #expect(report.succeeded)
        return (site, content)
    }

    func get(_ path: String, from server: PreviewServer, method: HTTPMethod = .GET, headers: [HTTPHeader: String] = [.host: "127.0.0.1:1313"]) async -> (HTTPResponse, String) {
        let request = HTTPRequest(
            method: method, version: .http11, target: HTTPRequest.Target(path: path, query: ""), headers: HTTPHeaders(headers), body: HTTPBodySequence())
        let response = await server.respond(to: request)
        let body = (try? await response.bodyData) ?? Data()
        return (response, String(decoding: body, as: UTF8.self))
    }

    @Test func servesPagesFilesAndFoldersWithTheirTypes() async throws {
        let (site, _) = try await makeSite()
        let server = PreviewServer(site: site)
        let (home, homeBody) = await get("/ky/", from: server)
        #expect(home.statusCode == .ok)
        #expect(home.headers[.contentType] == "text/html; charset=utf-8")
        #expect(homeBody.contains("<html lang=\"ky\">"))
        #expect(homeBody.contains(PreviewServer.livePath))
        #expect(await get("/", from: server).1.contains("Кыргызча"))
        #expect(await get("/assets/style.css", from: server).0.headers[.contentType] == "text/css; charset=utf-8")
        #expect(await get("/ru/feed.xml", from: server).0.headers[.contentType] == "application/atom+xml; charset=utf-8")
        #expect(await get("/files/report.txt", from: server).1 == "A report.\n")
        let (redirect, _) = await get("/ky", from: server)
        #expect(redirect.statusCode == .movedPermanently)
        #expect(redirect.headers[.location] == "/ky/")
    }

    /// Found by a hostile review: a protocol-relative redirect, a body for HEAD, every method answered like GET.
    @Test func redirectsStayOnTheSiteHeadHasNoBodyAndOtherMethodsAreRefused() async throws {
        let (site, _) = try await makeSite()
        let server = PreviewServer(site: site)
        let (redirect, _) = await get("//ky", from: server)
        #expect(redirect.statusCode == .movedPermanently)
        #expect(redirect.headers[.location] == "/ky/")
        let (head, headBody) = await get("/ky/", from: server, method: .HEAD)
        #expect(head.statusCode == .ok)
        #expect(headBody.isEmpty)
        #expect(Int(head.headers[.contentLength] ?? "") ?? 0 > 1000)
        for method in [HTTPMethod.POST, .PUT, .DELETE] {
            let (refused, _) = await get("/ky/", from: server, method: method)
            #expect(refused.statusCode == .methodNotAllowed)
            #expect(refused.headers[HTTPHeader("Allow")] == "GET, HEAD")
        }
    }

    /// DNS rebinding: a page of another site that resolves its name to 127.0.0.1 sends its own host name.
    @Test(arguments: [("127.0.0.1:1313", true), ("localhost:1313", true), ("[::1]:1313", true), ("LOCALHOST", true),
                      ("evil.example:1313", false), ("127.0.0.1.evil.example", false), ("10.0.0.5:1313", false)])
    func onlyLoopbackHostNamesAreAnswered(host: String, answered: Bool) async throws {
        let (site, _) = try await makeSite()
        let (response, _) = await get("/ky/", from: PreviewServer(site: site), headers: [.host: host])
        #expect((response.statusCode == .ok) == answered)
        #expect((response.statusCode == .forbidden) == !answered)
    }

    @Test func theReloadSocketTakesOnlyPagesOfThePreview() async throws {
        let request = { (origin: String) in
            HTTPRequest(method: .GET, version: .http11, target: HTTPRequest.Target(path: PreviewServer.livePath, query: ""),
                        headers: HTTPHeaders([.host: "127.0.0.1:1313", HTTPHeader("Origin"): origin]), body: HTTPBodySequence())
        }
        let hosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        #expect(PreviewServer.isAllowed(request("http://127.0.0.1:1313"), hosts: hosts, origin: true))
        #expect(PreviewServer.isAllowed(request("http://localhost:1313"), hosts: hosts, origin: true))
        #expect(!PreviewServer.isAllowed(request("http://evil.example"), hosts: hosts, origin: true))
        #expect(!PreviewServer.isAllowed(request("https://127.0.0.1.evil.example"), hosts: hosts, origin: true))
        #expect(!PreviewServer.isAllowed(request("null"), hosts: hosts, origin: true))
    }

    @Test(arguments: [("localhost", "127.0.0.1"), ("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "0.0.0.0"), ("example.com", nil), ("1.2.3", nil), ("256.1.1.1", nil)])
    func hostNamesAreAddressesOrLocalhost(host: String, address: String?) {
        #expect(PreviewServer.ipv4Address(host) == address)
    }

    /// A file of `files/` is served as the build read it: replaced by a link to a secret after the build, it
    /// does not leak (a hostile review got /etc/passwd this way).
    @Test func aCopiedFileReplacedByALinkAfterTheBuildIsNotFollowed() async throws {
        let (site, content) = try await makeSite()
        let secret = content.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try "root:x:0:0\n".write(to: secret, atomically: true, encoding: .utf8)
        let file = content.appendingPathComponent("files/report.txt")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: secret)
        let (response, body) = await get("/files/report.txt", from: PreviewServer(site: site))
        #expect(response.statusCode == .ok)
        #expect(body == "A report.\n")
    }

    @Test func answersMissingPagesWithTheSites404() async throws {
        let (site, _) = try await makeSite()
        let (response, body) = await get("/ky/no-such-page/", from: PreviewServer(site: site))
        #expect(response.statusCode == .notFound)
        #expect(body.contains("Барак табылган жок"))
    }

    @Test(arguments: ["/../../etc/passwd", "/ky/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/ky/%2E%2E/x", "/a%00b"])
    func refusesPathsOutsideTheSite(path: String) async throws {
        let (site, _) = try await makeSite()
        let (response, body) = await get(path, from: PreviewServer(site: site))
        #expect(response.statusCode == .badRequest)
        #expect(!body.contains("root:"))
    }

    @Test func anEditIsServedAfterTheRebuildAndListenersAreTold() async throws {
        let (site, content) = try await makeSite()
        let server = PreviewServer(site: site)
        let updates = await site.listen()
        let before = await site.current.version
        try "---\ntitle: About us, edited\n---\nNew text.\n".write(to: content.appendingPathComponent("pages/about.en.md"), atomically: true, encoding: .utf8)
        await site.rebuild()
        #expect(await site.current.version == before + 1)
        #expect(await get("/en/about/", from: server).1.contains("About us, edited"))
        var iterator = updates.makeAsyncIterator()
        #expect(await iterator.next() == "reload \(before + 1)")
    }

    @Test func aFailedBuildKeepsTheLastGoodSiteAndShowsItsProblems() async throws {
        let (site, content) = try await makeSite()
        let server = PreviewServer(site: site)
        try "---\ntitle: Broken\noblast: nowhere\n---\n".write(to: content.appendingPathComponent("handbook/02-broken.en.md"), atomically: true, encoding: .utf8)
        let report = await site.rebuild()
        #expect(!report.succeeded)
        let (response, body) = await get("/en/about/", from: server)
        #expect(response.statusCode == .ok)
        #expect(body.contains("About us"))
        #expect(body.contains("id=\"achyk-problems\""))
        #expect(body.contains("handbook/02-broken.en.md:3: error: unknown oblast &#39;nowhere&#39;") || body.contains("handbook/02-broken.en.md:3: error: unknown oblast 'nowhere'"))
        // Fixing the file removes the overlay.
        try FileManager.default.removeItem(at: content.appendingPathComponent("handbook/02-broken.en.md"))
        await site.rebuild()
        #expect(!(await get("/en/about/", from: server).1.contains("achyk-problems")))
    }

    @Test func theBuiltSiteNeverCarriesTheReloadScript() async throws {
        let (site, _) = try await makeSite()
        for file in await site.current.files.values {
            if case .data(let data) = file.contents {
                #expect(!String(decoding: data, as: UTF8.self).contains(PreviewServer.livePath), "\(file.path)")
            }
        }
    }

    /// A listener on a free port, with `limits`, serving until the test ends.
    func listen(_ site: LiveSite, limits: PreviewListener.Limits = PreviewListener.Limits()) async throws -> (UInt16, Task<Void, Error>) {
        let port = Locked<UInt16?>(nil)
        let listener = PreviewListener(server: PreviewServer(site: site), limits: limits)
        let running = Task { try await listener.run(host: "127.0.0.1", port: 0) { taken in port.withLock { $0 = taken } } }
        for _ in 0..<100 where port.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(20)) }
        return (try #require(port.withLock { $0 }), running)
    }

    /// Over a real socket: a page, then the live-reload stream, which says "reload" after an edit.
    @Test func aBrowserConnectionGetsPagesAndReloadMessages() async throws {
        let (site, content) = try await makeSite()
        let (port, running) = try await listen(site)
        defer { running.cancel() }
        // Blocking socket calls run on a thread of their own: on the cooperative pool they could starve the server.
        let page = try await RawSocket.onThread { try RawSocket.request(port: port, "GET /en/about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") }
        #expect(page.hasPrefix("HTTP/1.1 200"))
        #expect(page.contains("<h1 lang=\"en\">About us</h1>"))

        let socket = try await RawSocket.onThread { try RawSocket.connect(port: port) }
        defer { close(socket) }
        try RawSocket.send(socket, "GET \(PreviewServer.livePath) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let head = try await RawSocket.onThread { try RawSocket.receive(socket, until: "\r\n\r\n") }
        #expect(head.hasPrefix("HTTP/1.1 200"))
        #expect(head.contains("Content-Type: text/event-stream"))
        for _ in 0..<50 where await site.listenerCount == 0 { try await Task.sleep(for: .milliseconds(20)) }
        try "---\ntitle: About, again\n---\n".write(to: content.appendingPathComponent("pages/about.en.md"), atomically: true, encoding: .utf8)
        await site.rebuild()
        let message = try await RawSocket.onThread { try RawSocket.receive(socket, until: "\n\n") }
        #expect(message.hasPrefix("data: reload "))
    }

    /// Found by a hostile review: FlyingFox's server took 20 s over a 200 KB address, with the time growing as the
    /// square of its length, and kept silent or slow connections open for ever. The listener reads within limits.
    @Test func longAddressesAndHeadsAreRefusedAtOnce() async throws {
        let (site, _) = try await makeSite()
        let (port, running) = try await listen(site)
        defer { running.cancel() }
        let started = ContinuousClock.now
        let long = try await RawSocket.onThread {
            try RawSocket.request(port: port, "GET /" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }
        #expect(long.hasPrefix("HTTP/1.1 414"))
        let headers = (0..<2_000).map { "X-Filler-\($0): \(String(repeating: "b", count: 40))\r\n" }.joined()
        let large = try await RawSocket.onThread {
            try RawSocket.request(port: port, "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n")
        }
        #expect(large.hasPrefix("HTTP/1.1 431"))
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aSilentOrSlowClientIsDroppedAfterTheHeadTime() async throws {
        let (site, _) = try await makeSite()
        var limits = PreviewListener.Limits()
        limits.headTime = .seconds(1)
        let (port, running) = try await listen(site, limits: limits)
        defer { running.cancel() }
        let socket = try await RawSocket.onThread { try RawSocket.connect(port: port) }
        defer { close(socket) }
        let started = ContinuousClock.now
        // A byte now and then, never a whole head (slowloris): the server closes the connection.
        var closed = false
        for _ in 0..<20 {
            try? RawSocket.send(socket, "G")
            try await Task.sleep(for: .milliseconds(300))
            var byte: UInt8 = 0
            if recv(socket, &byte, 1, Int32(MSG_DONTWAIT)) == 0 {
                closed = true
                break
            }
        }
        #expect(closed)
        #expect(ContinuousClock.now - started < .seconds(4))
    }
}

/// A blocking TCP client, enough to speak HTTP in a test.
enum RawSocket {
    struct Failure: Error {}

    /// Runs blocking work on a new thread and waits for it without holding a thread of the cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func connect(port: UInt16) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure() }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw Failure() }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        // MSG_NOSIGNAL: a write to a connection the server has dropped must fail, not kill the test process with SIGPIPE.
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure() }
    }

    static func receiveBytes(_ socket: Int32, count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1)
        while result.count < count {
            guard recv(socket, &buffer, 1, 0) == 1 else { throw Failure() }
            result.append(buffer[0])
        }
        return result
    }

    static func receive(_ socket: Int32, until marker: String) throws -> String {
        var text: [UInt8] = []
        while !String(decoding: text, as: UTF8.self).hasSuffix(marker) {
            text += try receiveBytes(socket, count: 1)
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func request(port: UInt16, _ text: String) throws -> String {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(socket, text)
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}

/// The preview server leaves half the process's descriptors free: libdispatch opens files under /proc to watch its
/// threads and ended the process when a flood had taken every descriptor (found from a core dump of a loaded run).
@Suite struct DescriptorShareTests {
    @Test func theServerKeepsHalfItsDescriptorsFree() {
        let allowed = PreviewListener.connectionLimit(256)
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        #expect(allowed >= 1 && allowed <= 256)
        if limit.rlim_cur != rlim_t.max { #expect(allowed <= Int(limit.rlim_cur) / 2 - 16 || allowed == 1) }
        #expect(PreviewListener.connectionLimit(4) <= 4)
    }
}

@Suite struct ContentWatcherTests {
    /// Waits for the watcher to report `path` (relative to `folder`), writing the file again every second: under a
    /// loaded machine the watch may not be in place yet when the first write happens. Bounded, so that a missed
    /// event fails the test instead of hanging the whole run.
    private func reported(_ path: String, in folder: URL, seen: Locked<Set<String>>, write: () throws -> Void) async throws -> Bool {
        for attempt in 0..<40 {
            if attempt % 5 == 0 { try write() }
            try await Task.sleep(for: .milliseconds(200))
            if ContentWatcher.relativePaths(seen.withLock { $0 }, in: folder)?.contains(path) == true { return true }
        }
        return false
    }

    @Test(.timeLimit(.minutes(1))) func aSavedFileIsReportedByItsPath() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("pages/about.en.md")
        try "one".write(to: file, atomically: false, encoding: .utf8)
        let watcher = ContentWatcher(folders: [folder.standardizedFileURL], interval: .milliseconds(50))
        let seen = Locked<Set<String>>([])
        let watching = Task { await watcher.watch { changed in seen.withLock { $0.formUnion(changed) } } }
        defer { watching.cancel() }
        // Written to a copy and renamed over, as editors do.
        #expect(try await reported("pages/about.en.md", in: folder, seen: seen) { try "two".write(to: file, atomically: true, encoding: .utf8) })
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("news"), withIntermediateDirectories: true)
        let news = folder.appendingPathComponent("news/2024-01-01-x.en.md")
        #expect(try await reported("news/2024-01-01-x.en.md", in: folder, seen: seen) { try "new".write(to: news, atomically: false, encoding: .utf8) },
                "a file in a folder created after the watch began is seen too")
    }
}
