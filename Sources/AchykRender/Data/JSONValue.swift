import AchykModel

/// A JSON value whose objects keep their keys in the order written, so that every build writes the same bytes.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case string(String)
    /// Written as given: amounts in som and fixed-precision fractions are formatted by their owners.
    case number(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func amount(_ amount: Amount?) -> JSONValue { amount.map { .number($0.plainSom) } ?? .null }

    static func integer(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }

    /// A share or rate to six decimals, trailing zeros dropped; nil (a zero denominator) is null.
    static func fraction(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        let scaled = (value * 1_000_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        var text = String(magnitude / 1_000_000)
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return .number((negative && magnitude != 0 ? "-" : "") + text)
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two spaces, as people open these files too.
    func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closing)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { pad + Self.quoted($0.0) + ": " + $0.1.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closing)}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
