/// One problem found in the content or the theme, printed as `path:line: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case warning, error
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `path:line: error: message`, with control characters of the path and message made visible.
    public var description: String { "\(location.path.escapingControlCharacters):\(location.place.escapingControlCharacters): \(severity.rawValue): \(message.escapingControlCharacters)" }
}

/// Every problem of a run, collected so that they are all reported together.
public struct Diagnostics: Hashable, Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ all: [Diagnostic] = []) { self.all = all }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { all += other.all }
    public mutating func append(contentsOf others: [Diagnostic]) { all += others }

    public mutating func error(_ message: String, at location: SourceLocation) {
        append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        append(.warning(message, at: location))
    }

    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// Whether the run must stop before writing: any error, or any warning under `--strict`.
    public func failsBuild(strict: Bool) -> Bool {
        hasErrors || (strict && warningCount > 0)
    }

    /// Sorted by path and line (then severity and text, so the order never depends on timing), without repeats.
    public var sorted: [Diagnostic] {
        Array(Set(all)).sorted {
            ($0.location, $0.severity == .error ? 0 : 1, $0.message) < ($1.location, $1.severity == .error ? 0 : 1, $1.message)
        }
    }
}

extension String {
    /// The text with every character that could act on a terminal made visible: control characters (an ESC
    /// sequence repaints the screen, a newline in a file name forges a line of its own) and the bidirectional
    /// overrides that reorder what is shown. Used for every path and message achyk prints.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            guard Self.needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
