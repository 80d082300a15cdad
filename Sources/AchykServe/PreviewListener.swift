import AchykModel
import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The HTTP side of `achyk serve`, on FlyingSocks' sockets. FlyingFox's own server reads a request line in time
/// that grows with the square of its length (its line reader compares the line's end through a generic `suffix`
/// that walks the whole line, for every byte: a 200 KB address took 20 s), and never gives up on a connection
/// that sends nothing or sends it a byte at a time. This reads each request head within limits of size and time,
/// answers it with `PreviewServer`, and closes the connection; the live-reload stream is the one connection kept.
public struct PreviewListener: Sendable {
    public struct Limits: Sendable {
        /// The request line (method, address, version).
        public var requestLine = 8 * 1024
        /// The request line and headers together.
        public var head = 32 * 1024
        /// For the whole head to arrive: a slow or silent client is dropped after it.
        public var headTime: Duration = .seconds(10)
        /// Connections served at once; more are closed at once.
        public var connections = 256
        /// Between two messages on a live-reload stream, so that a closed browser tab is noticed.
        public var heartbeat: Duration = .seconds(15)

        public init() {}
    }

    let server: PreviewServer
    let limits: Limits

    public init(server: PreviewServer, limits: Limits = Limits()) {
        self.server = server
        self.limits = limits
    }

    /// Listens on `host:port` (0 picks a free port), tells `listening` the port taken, and serves until cancelled.
    public func run(host: String, port: UInt16, listening: @Sendable (UInt16) -> Void) async throws {
        guard let ip = PreviewServer.ipv4Address(host) else { throw PreviewServerError.badHost(host) }
        let socket = try Socket(domain: AF_INET)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: sockaddr_in.inet(ip4: ip, port: port))
        try socket.listen()
        var taken = port
        if case .ip4(_, let actual) = try socket.sockname() { taken = actual }
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        let connectionLimit = Self.connectionLimit(limits.connections)
        listening(taken)
        let active = Locked(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    while !Task.isCancelled {
                        let client: AsyncSocket
                        do {
                            client = try await listener.accept()
                        } catch let error as SocketError where "\(error)".contains("errno: 24") || "\(error)".contains("errno: 23") {
                            // Out of file descriptors: refuse for a moment, never stop.
                            try await Task.sleep(for: .milliseconds(200))
                            continue
                        }
                        guard active.withLock({ count in
                            guard count < connectionLimit else { return false }
                            count += 1
                            return true
                        }) else {
                            try? client.close()
                            continue
                        }
                        connections.addTask {
                            await handle(client)
                            active.withLock { $0 -= 1 }
                        }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Connections served at once, within what the process may open: libdispatch opens files under /proc to watch
    /// its threads and ends the process when it cannot (a flood under `ulimit -n 256` did), so half the descriptors
    /// stay free for it and for builds. The soft limit is raised to the hard one first.
    static func connectionLimit(_ wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return wanted }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 16)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        let available = limit.rlim_cur == rlim_t.max ? UInt64(wanted) * 2 : UInt64(limit.rlim_cur)
        return max(1, min(wanted, Int(clamping: available / 2) - 16))
    }

    /// Why a request head was not read.
    enum HeadProblem: Error, Equatable {
        case lineTooLong, headTooLarge, malformed, closed, timedOut
    }

    private func handle(_ client: AsyncSocket) async {
        defer { try? client.close() }
        let head: [UInt8]
        do {
            head = try await withTimeout(limits.headTime) { try await readHead(client) }
        } catch let problem as HeadProblem {
            switch problem {
            case .lineTooLong: await send(status: "414 URI Too Long", to: client)
            case .headTooLarge: await send(status: "431 Request Header Fields Too Large", to: client)
            case .malformed: await send(status: "400 Bad Request", to: client)
            case .closed, .timedOut: break
            }
            return
        } catch {
            return
        }
        guard let request = Self.request(from: head) else {
            await send(status: "400 Bad Request", to: client)
            return
        }
        if request.path == PreviewServer.livePath, request.method == .GET {
            await stream(to: client, request: request)
            return
        }
        let response = await server.respond(to: request)
        await send(response, to: client)
    }

    /// The bytes up to the blank line that ends the head; the size limits are checked as bytes arrive, so a long
    /// line costs the time to read it and no more.
    func readHead(_ client: AsyncSocket) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        var searched = 0
        var lineEnd: Int?
        while true {
            let chunk = try await client.read(atMost: 4096)
            if chunk.isEmpty { throw HeadProblem.closed }
            bytes += chunk
            if lineEnd == nil {
                lineEnd = bytes.firstIndex(of: 0x0A)
                if lineEnd == nil, bytes.count > limits.requestLine { throw HeadProblem.lineTooLong }
                if let end = lineEnd, end > limits.requestLine { throw HeadProblem.lineTooLong }
            }
            // The head ends at an empty line; only the new bytes (and three before them) are looked at.
            var index = max(3, searched)
            while index < bytes.count {
                if bytes[index] == 0x0A, bytes[index - 1] == 0x0D, bytes[index - 2] == 0x0A, bytes[index - 3] == 0x0D {
                    return Array(bytes[...index])
                }
                if bytes[index] == 0x0A, bytes[index - 1] == 0x0A { return Array(bytes[...index]) }
                index += 1
            }
            searched = bytes.count
            if bytes.count > limits.head { throw HeadProblem.headTooLarge }
        }
    }

    /// A request from its head: method, target and headers (a request to the preview has no body).
    static func request(from head: [UInt8]) -> HTTPRequest? {
        guard let text = String(validating: head, as: UTF8.self) else { return nil }
        // "\r\n" is one Character in Swift: split on any line break.
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else { return nil }
        var headers: [HTTPHeader: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers[HTTPHeader(String(line[..<colon]).trimmingCharacters(in: .whitespaces))] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        let target = String(parts[1])
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        return HTTPRequest(
            method: HTTPMethod(String(parts[0])), version: HTTPVersion(String(parts[2])),
            target: HTTPRequest.Target(path: path, query: query), headers: HTTPHeaders(headers), body: HTTPBodySequence())
    }

    private func send(status: String, to client: AsyncSocket) async {
        let text = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(status.utf8.count + 1)\r\nConnection: close\r\n\r\n\(status)\n"
        try? await client.write(Data(text.utf8))
    }

    private func send(_ response: HTTPResponse, to client: AsyncSocket) async {
        let body = (try? await response.bodyData) ?? Data()
        var head = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in response.headers where name != .contentLength && name != .connection {
            head += "\(name.rawValue): \(value)\r\n"
        }
        head += "Content-Length: \(response.headers[.contentLength] ?? String(body.count))\r\nConnection: close\r\n\r\n"
        try? await client.write(Data(head.utf8) + body)
    }

    /// The live-reload stream (Server-Sent Events): a message after every build, a comment between them to
    /// notice a closed tab. Only for pages of the preview (`Host`, `Origin`).
    private func stream(to client: AsyncSocket, request: HTTPRequest) async {
        guard PreviewServer.isAllowed(request, hosts: server.allowedHosts, origin: true) else {
            await send(status: "403 Forbidden", to: client)
            return
        }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        guard (try? await client.write(Data(head.utf8))) != nil else { return }
        let messages = await server.site.listen()
        let heartbeat = limits.heartbeat
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await message in messages {
                    guard (try? await client.write(Data("data: \(message)\n\n".utf8))) != nil else { return }
                }
            }
            group.addTask {
                while (try? await Task.sleep(for: heartbeat)) != nil {
                    guard (try? await client.write(Data(": still here\n\n".utf8))) != nil else { return }
                }
            }
            // Either ends when the browser has gone.
            await group.next()
            group.cancelAll()
        }
    }

    private func withTimeout<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw HeadProblem.timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw HeadProblem.closed }
            return first
        }
    }
}
