/// A place in the content: a path relative to the content (or theme) folder and a 1-based physical line, or in a
/// workbook, a cell (`Sheet1!C14`, whose row is the line).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    /// A workbook's cell, shown instead of the line.
    public let cell: String?

    public init(_ path: String, line: Int = 1, cell: String? = nil) {
        self.path = path
        self.line = max(1, line)
        self.cell = cell
    }

    /// The same file at another line.
    public func at(line: Int) -> SourceLocation { SourceLocation(path, line: line) }

    /// The line, or the workbook's cell: what follows the path in a message.
    public var place: String { cell ?? String(line) }

    public var description: String { "\(path):\(place)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.cell ?? "") < (rhs.path, rhs.line, rhs.cell ?? "")
    }
}
