/// One record of a CSV file: its fields and the physical line it starts on.
struct CSVRecord: Hashable, Sendable {
    let line: Int
    let fields: [String]
}

/// Splits CSV text (RFC 4180) into records, one at a time, knowing the physical line of each.
///
/// Ours rather than SwiftCSV's or CSV.swift's: both parse a whole file into rows and neither tells on which line a
/// row starts, which every message about a budget file needs (a quoted field may hold line breaks, so the n-th row
/// is not the n-th line). Decoding, amounts and validation are ours anyway.
///
/// Lenient where spreadsheets are sloppy: a quote inside an unquoted field is kept as a character, text after a
/// closing quote is kept, and lines may end in LF, CRLF or a lone CR.
struct CSVTokenizer: IteratorProtocol {
    enum Failure: Error, Equatable {
        /// A quoted field is never closed; the line where it opened.
        case unclosedQuote(line: Int)
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    private var line = 1
    private(set) var failure: Failure?

    init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    private static let quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    /// The next record; nil at the end of the text or after a failure (see `failure`).
    mutating func next() -> CSVRecord? {
        guard failure == nil, position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteLine = line
        var fieldStarted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inQuotes {
                if byte == Self.quote {
                    if position < bytes.count, bytes[position] == Self.quote {
                        field.append(Self.quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == Self.lineFeed || (byte == Self.carriageReturn && (position >= bytes.count || bytes[position] != Self.lineFeed)) {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case Self.quote where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case delimiter:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            case Self.lineFeed, Self.carriageReturn:
                if byte == Self.carriageReturn, position < bytes.count, bytes[position] == Self.lineFeed { position += 1 }
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return CSVRecord(line: startLine, fields: fields)
            default:
                field.append(byte)
                fieldStarted = true
            }
        }
        if inQuotes {
            failure = .unclosedQuote(line: quoteLine)
            return nil
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(line: startLine, fields: fields)
    }
}
