import AchykHTML
import Foundation

/// One file of the built site, as a value: rendering never touches the disk.
public struct OutputFile: Hashable, Sendable {
    public enum Contents: Hashable, Sendable {
        case data(Data)
        /// A file copied as it is from the content folder.
        case copy(fromPath: String)
        /// Bytes made piece by piece while the file is written: a file too large to hold whole.
        case stream(ByteStream)
    }

    /// Relative to the site root, with `/` separators.
    public let path: String
    public let contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: .data(Data(text.utf8)))
    }

    /// A page as an `HTMLWriter` wrote it.
    init(path: String, html: HTMLWriter) {
        self.init(path: path, contents: .data(Data(html.bytes)))
    }

    public var isHTMLPage: Bool { path.hasSuffix(".html") }
}

/// Bytes made piece by piece, each handed to the writer as it is made: the normalized table of a budget of hundreds of
/// thousands of lines was 55 MB held whole until written.
public struct ByteStream: Hashable, Sendable {
    private final class Identity: Sendable {}
    private let identity = Identity()
    /// Calls `write` with each piece, in order.
    public let produce: @Sendable (_ write: (Data) throws -> Void) throws -> Void

    public init(_ produce: @escaping @Sendable (_ write: (Data) throws -> Void) throws -> Void) {
        self.produce = produce
    }

    /// Every piece, joined (for the preview server, which keeps the site in memory).
    public func collected() throws -> Data {
        var data = Data()
        try produce { data.append($0) }
        return data
    }

    public static func == (lhs: ByteStream, rhs: ByteStream) -> Bool { lhs.identity === rhs.identity }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(identity)) }
}

/// A piece of rendering work that can run on any core; it returns files and writes nothing.
public struct RenderJob: Sendable {
    public let name: String
    /// What the job makes, for the stage's timings by kind (`achyk build -v`): "case studies", "lists"…
    public let kind: String
    public let run: @Sendable () throws -> [OutputFile]

    public init(name: String, kind: String = "other files", run: @escaping @Sendable () throws -> [OutputFile]) {
        self.name = name
        self.kind = kind
        self.run = run
    }
}
