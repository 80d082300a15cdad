import AchykModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns file bytes into text, refusing binary files and invalid UTF-8 with a line to look at.
package enum TextDecoding {
    /// Why a file's bytes could not be had.
    package enum ReadError: Error, Equatable {
        /// The system's reason (permission denied, a folder where a file was expected…).
        case unreadable(String)
        /// Larger than the limit: not read at all.
        case tooLarge(bytes: Int)

        /// The message for `path:1: error: …`.
        package func message(limit: Int) -> String {
            switch self {
            case .unreadable(let reason): "the file cannot be read (\(reason)); check its permissions"
            case .tooLarge(let bytes): "the file is \(bytes >> 20) MB; content files over \(limit >> 20) MB are not read (is this the right file?)"
            }
        }
    }

    /// The largest Markdown or YAML file read: a handbook case is tens of kilobytes.
    package static let textLimit = 8 << 20

    /// A whole file's bytes, at most `limit` of them: a larger file is refused before any of it is read, and a
    /// file that grows while it is read is cut off at the limit and refused.
    package static func contents(of path: String, limit: Int = textLimit) -> Result<Data, ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        let expected = Int(info.st_size)
        guard expected <= limit else { return .failure(.tooLarge(bytes: expected)) }
        var data = Data(count: max(expected, 0))
        var total = 0
        while true {
            if total == data.count {
                guard data.count <= limit else { return .failure(.tooLarge(bytes: data.count)) }
                data.count += max(4096, min(data.count, limit + 1 - data.count))
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failure(.unreadable(String(cString: strerror(errno)))) }
            guard count > 0 else { break }
            total += count
        }
        guard total <= limit else { return .failure(.tooLarge(bytes: total)) }
        data.count = total
        return .success(data)
    }

    static func utf8Text(_ data: Data, path: String, reporting diagnostics: inout Diagnostics) -> String? {
        let nulOffset = data.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        if let nulOffset {
            let line = data.prefix(nulOffset).count { $0 == 0x0A } + 1
            diagnostics.error("the file holds a NUL byte, so it is not a text file (was a binary file given a text name?)", at: SourceLocation(path, line: line))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidLine(data)
            diagnostics.error("the file is not valid UTF-8; save it as UTF-8", at: SourceLocation(path, line: line))
            return nil
        }
        return text
    }

    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}
