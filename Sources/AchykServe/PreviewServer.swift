import AchykModel
import AchykRender
import AchykSite
import FlyingFox
import Foundation

/// What `achyk serve` answers: the live site from memory, the build's version, and a build's problems over the
/// page (`PreviewListener` speaks HTTP). The reload script and the problem overlay exist only here; the
/// built site never contains them.
public struct PreviewServer: Sendable {
    public static let livePath = "/__achyk/live"
    public static let versionPath = "/__achyk/version"

    let site: LiveSite
    /// The host names a request may give in `Host` (and a WebSocket in `Origin`): loopback names and the address
    /// served on. Anything else is refused, so that a web page cannot reach the preview by DNS rebinding.
    let allowedHosts: Set<String>

    public init(site: LiveSite, host: String = "127.0.0.1") {
        self.site = site
        self.allowedHosts = ["localhost", "127.0.0.1", "[::1]", host.lowercased()]
    }

    /// The IPv4 address to listen on: `localhost` is 127.0.0.1; other names are not looked up.
    public static func ipv4Address(_ host: String) -> String? {
        if host.lowercased() == "localhost" { return "127.0.0.1" }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ part in UInt8(part) != nil && !part.isEmpty && part.allSatisfy(\.isASCII) }) else { return nil }
        return host
    }

    static let refused = HTTPResponse(
        statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
        body: Data("achyk serve answers only requests to this computer's preview address.\n".utf8))

    /// Whether the request names an allowed host in `Host`, and, for a WebSocket (`origin`), comes from a page
    /// of an allowed host. A browser always sends both, so a request without them comes from no web page (an
    /// HTTP/1.0 tool) and is answered.
    static func isAllowed(_ request: HTTPRequest, hosts: Set<String>, origin: Bool = false) -> Bool {
        func hostName(_ value: String) -> String {
            // Without the port; an IPv6 address keeps its brackets.
            if value.hasPrefix("["), let end = value.firstIndex(of: "]") { return String(value[...end]).lowercased() }
            return String(value.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
        }
        if let host = request.headers[.host], !hosts.contains(hostName(host)) { return false }
        guard origin, let value = request.headers[HTTPHeader("Origin")] else { return true }
        guard let url = URL(string: value), url.scheme == "http",
            let originHost = url.host.map({ url.host?.contains(":") == true ? "[\($0)]" : $0 })
        else { return false }
        return hosts.contains(originHost.lowercased())
    }

    /// Answers a request for a page or file of the site.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard Self.isAllowed(request, hosts: allowedHosts) else { return Self.refused }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"], body: Data())
        }
        let response = await respondToGET(request)
        guard request.method == .HEAD else { return response }
        // The same status and headers, without the body.
        var headers = response.headers
        headers[.contentLength] = String((try? await response.bodyData)?.count ?? 0)
        return HTTPResponse(statusCode: response.statusCode, headers: headers, body: Data())
    }

    private func respondToGET(_ request: HTTPRequest) async -> HTTPResponse {
        if request.target.path(percentEncoded: true) == Self.versionPath {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data("\(await site.current.version)".utf8))
        }
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
            // From the normalised path, never the target as sent: `//en` would redirect to the host `en`.
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/" + path + "/"])
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
        // Never here: the preview's build reads copied files into memory and joins streams.
        case .copy, .stream: data = Data()
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

/// A problem with the address `achyk serve` was asked to listen on.
public enum PreviewServerError: Error, CustomStringConvertible {
    case badHost(String)

    public var description: String {
        switch self {
        case .badHost(let host): "--host '\(host)' is not an IPv4 address; use 127.0.0.1 (this computer), 0.0.0.0 (every network) or an address of this computer"
        }
    }
}
