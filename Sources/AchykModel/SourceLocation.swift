/// A place in the content: a path relative to the content (or theme) folder and a 1-based physical line.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int

    public init(_ path: String, line: Int = 1) {
        self.path = path
        self.line = max(1, line)
    }

    /// The same file at another line.
    public func at(line: Int) -> SourceLocation { SourceLocation(path, line: line) }

    public var description: String { "\(path):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line) < (rhs.path, rhs.line)
    }
}
