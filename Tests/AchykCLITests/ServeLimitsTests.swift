import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `achyk serve` with few file descriptors, flooded with idle connections: it refuses new ones for a moment and
/// goes on serving (a hostile review ended it with "Accept(24): Too many open files").
@Suite struct ServeLimitsTests {
    @Test(.timeLimit(.minutes(1))) func runningOutOfDescriptorsDoesNotEndTheServer() async throws {
        let folder = CommandLineTests().temporaryFolder()
        let content = CommandLineTests.repository.appendingPathComponent("Tests/Fixtures/trilingual/Content")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--nofile=64", CommandLineTests.executable.path, "serve", "--content", content.path, "--port", "0"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        // Kept in a file, so that a failure says why the server ended.
        let log = folder.appendingPathComponent("serve-stderr.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { process.terminate() }
        let port = try #require(Self.port(from: output.fileHandleForReading))

        var sockets: [Int32] = []
        for _ in 0..<120 {
            guard let socket = Self.connect(port) else { break }
            sockets.append(socket)
        }
        // Held for seconds: libdispatch looks at its threads through /proc about once a second, and ended the
        // process when every descriptor was taken.
        try await Task.sleep(for: .seconds(3))
        for socket in sockets { close(socket) }
        try await Task.sleep(for: .seconds(2))
        let reason = { (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2000)) } ?? "" }
        #expect(process.isRunning, "status \(process.isRunning ? 0 : process.terminationStatus); stderr: \(reason())")
        #expect(Self.get("/en/", port: port)?.hasPrefix("HTTP/1.1 200") == true, "stderr: \(reason())")
    }

    /// The port from "Serving … at http://127.0.0.1:PORT/".
    static func port(from handle: FileHandle) -> UInt16? {
        var text = ""
        while !text.contains("Serving") || !text.contains("\n") {
            let data = handle.availableData
            if data.isEmpty { return nil }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: "127.0.0.1:") else { return nil }
        return UInt16(text[range.upperBound...].prefix { $0.isNumber })
    }

    static func connect(_ port: UInt16) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    /// The first line of the answer to a GET.
    static func get(_ path: String, port: UInt16) -> String? {
        guard let socket = connect(port) else { return nil }
        defer { close(socket) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }
}
