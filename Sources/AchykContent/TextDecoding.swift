import AchykModel
import Foundation

/// Turns file bytes into text, refusing binary files and invalid UTF-8 with a line to look at.
enum TextDecoding {
    static func utf8Text(_ data: Data, path: String, reporting diagnostics: inout Diagnostics) -> String? {
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].count { $0 == 0x0A } + 1
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
