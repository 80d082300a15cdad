import AchykModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns file bytes into text, refusing binary files and invalid UTF-8 with a line to look at.
enum TextDecoding {
    /// A whole file's bytes, read with one `read` per chunk; nil when it cannot be opened.
    static func contents(of path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        var data = Data(count: max(expected, 0))
        var total = 0
        while true {
            if total == data.count { data.count += max(4096, data.count) }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            total += count
        }
        data.count = total
        return data
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
