import AchykModel
import AchykRender
import AchykSite
import FlyingFox
import Foundation

/// The HTTP side of `achyk serve`: serves the live site from memory, tells open pages to reload after each build,
/// and shows a build's problems over the page. The reload script and the problem overlay exist only here; the
/// built site never contains them.
public struct PreviewServer: Sendable {
    public static let livePath = "/__achyk/live"
    public static let versionPath = "/__achyk/version"

    let site: LiveSite

    public init(site: LiveSite) {
        self.site = site
    }

    /// A server bound to `host` (loopback unless asked otherwise) and `port` (0 picks a free one).
    public func makeServer(host: String = "127.0.0.1", port: UInt16) async throws -> HTTPServer {
        let address: sockaddr_in = try .inet(ip4: host, port: port)
        let server = HTTPServer(address: address, logger: .disabled)
        let site = self.site
        do {
            await server.appendRoute(HTTPRoute(methods: [.GET], path: Self.livePath), to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadMessages(site: site))))
            await server.appendRoute(HTTPRoute(methods: [.GET], path: Self.versionPath)) { _ in
                HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("\(await site.current.version)".utf8))
            }
            await server.appendRoute("*") { request in await respond(to: request) }
        }
        return server
    }

    /// Answers a request for a page or file of the site.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let state = await site.current
        // The target as sent: FlyingFox's `path` is already standardised, which drops the trailing slash that tells
        // a folder from a file and hides `..`.
        let requested = request.target.path(percentEncoded: true)
        guard let path = Self.outputPath(for: requested) else {
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("This address leads outside the site.\n".utf8))
        }
        if state.files.isEmpty {
            return html(ProblemPage.standalone(state.diagnostics), status: .serviceUnavailable, state: state)
        }
        if let file = state.files[path] {
            return serve(file, state: state, status: .ok)
        }
        if state.files[path + "/index.html"] != nil {
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: requested + "/"])
        }
        if let notFound = state.files[SitePaths.notFound] {
            return serve(notFound, state: state, status: .notFound)
        }
        return HTTPResponse(statusCode: .notFound)
    }

    /// The output path a request means; nil for a path that would leave the site (`..`, NUL).
    static func outputPath(for requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") || $0.contains("\\") }) else { return nil }
        let joined = segments.joined(separator: "/")
        if joined.isEmpty { return SitePaths.chooser }
        return decoded.hasSuffix("/") ? joined + "/index.html" : joined
    }

    private func serve(_ file: OutputFile, state: LiveSite.State, status: HTTPStatusCode) -> HTTPResponse {
        let data: Data
        switch file.contents {
        case .data(let bytes): data = bytes
        case .copy(let source): data = FileManager.default.contents(atPath: source) ?? Data()
        }
        let type = Self.contentType(of: file.path)
        guard type.hasPrefix("text/html") else {
            return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
        }
        return html(String(decoding: data, as: UTF8.self), status: status, state: state)
    }

    private func html(_ page: String, status: HTTPStatusCode, state: LiveSite.State) -> HTTPResponse {
        let overlay = state.latestFailed ? ProblemPage.overlay(state.diagnostics) : ""
        let body = LiveReload.inject(into: page, overlay: overlay)
        return HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(body.utf8))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "xml": path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "js": "text/javascript; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// Sends each open page a message after every build.
struct ReloadMessages: WSMessageHandler {
    let site: LiveSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await site.listen()
        return AsyncStream { continuation in
            let task = Task {
                for await update in updates { continuation.yield(.text(update)) }
                continuation.finish()
            }
            let drain = Task {
                for await _ in client {}
                task.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                task.cancel()
                drain.cancel()
            }
        }
    }
}
