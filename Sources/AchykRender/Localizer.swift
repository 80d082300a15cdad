import AchykModel
import Foundation

/// Formats numbers, dates and counted nouns for one language with that language's own rules, never the machine's.
public struct Localizer: Sendable {
    public let language: Language
    public let strings: UIStrings
    /// Each UI string cut at its `{placeholders}` once: a citizen-budget page fills hundreds of them.
    private let parsed: [String: [Part]]
    /// The patterns every figure of a citizen-budget page goes through, kept apart from the table of all strings:
    /// looking a key up by its hash, hundreds of times a page, showed in profiles.
    private let amountSom: [Part]?, amountThousand: [Part]?, amountMillion: [Part]?, amountBillion: [Part]?, percentPattern: [Part]?

    private enum Part: Sendable {
        case text(String)
        case value(String)
    }

    public init(language: Language, strings: UIStrings) {
        self.language = language
        self.strings = strings
        self.parsed = strings.texts.mapValues(Self.parts)
        amountSom = parsed["amount_som"]
        amountThousand = parsed["amount_thousand"]
        amountMillion = parsed["amount_million"]
        amountBillion = parsed["amount_billion"]
        percentPattern = parsed["percent"]
    }

    /// A number in one of the figure patterns: `{n}` filled in.
    enum Figure {
        case som, thousand, million, billion, percent
    }

    func figure(_ figure: Figure, _ value: String) -> String {
        let (key, parts): (String, [Part]?) = switch figure {
        case .som: ("amount_som", amountSom)
        case .thousand: ("amount_thousand", amountThousand)
        case .million: ("amount_million", amountMillion)
        case .billion: ("amount_billion", amountBillion)
        case .percent: ("percent", percentPattern)
        }
        guard let parts else { return fill(strings.text(key), ["n": value]) }
        return join(parts) { $0 == "n" ? value : nil }
    }

    /// The UI string for `key`, with `{name}` placeholders filled in.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let parts = parsed[key] else { return fill(strings.text(key), values) }
        return join(parts) { values[$0] }
    }

    /// The same with one value, `{n}`, without a dictionary for it (amounts, shares and counts).
    func text(_ key: String, n value: String) -> String {
        guard let parts = parsed[key] else { return fill(strings.text(key), ["n": value]) }
        return join(parts) { $0 == "n" ? value : nil }
    }

    private func join(_ parts: [Part], _ value: (String) -> String?) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .value(let name): result += value(name) ?? "{\(name)}"
            }
        }
        return result
    }

    /// A template cut into its text and its placeholders, as `fill` reads it.
    private static func parts(_ template: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.utf8.firstIndex(of: 0x7B), let close = rest.utf8[open...].firstIndex(of: 0x7D) {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            parts.append(.value(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    /// A counted noun from a plural entry of the UI strings (`{n}` is the formatted number): "2 кейса".
    public func counted(_ key: String, _ count: Int) -> String {
        let forms = strings.plural(key)
        let category = PluralCategory.of(count, in: language)
        let form = forms[category] ?? forms[.other] ?? forms[.many] ?? "{n} \(key)"
        return fill(form, ["n": integer(count)])
    }

    // MARK: - Numbers

    /// Groups thousands: a no-break space in ky and ru, a comma in en.
    public func integer(_ value: Int) -> String {
        (value < 0 ? "−" : "") + grouped(String(value.magnitude))
    }

    /// A decimal with exactly `fractionDigits` digits after the language's decimal mark, rounded half away from zero.
    public func decimal(_ value: Decimal, fractionDigits: Int) -> String {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        let text = rounded.description
        let isNegative = text.hasPrefix("-") && rounded != 0
        let parts = text.drop { $0 == "-" }.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        let fraction = (parts.count > 1 ? String(parts[1]) : "").padding(toLength: fractionDigits, withPad: "0", startingAt: 0)
        return (isNegative ? "−" : "") + grouped(whole) + (fractionDigits > 0 ? decimalMark + fraction : "")
    }

    /// ASCII digits with the language's separator between groups of three.
    func grouped(_ digits: String) -> String {
        let count = digits.utf8.count
        guard count > 3 else { return digits }
        let separator = groupSeparator
        var result = ""
        result.reserveCapacity(count + (count / 3) * separator.utf8.count)
        var index = 0
        for byte in digits.utf8 {
            if index > 0 && (count - index) % 3 == 0 { result += separator }
            result.unicodeScalars.append(Unicode.Scalar(byte))
            index += 1
        }
        return result
    }

    var groupSeparator: String { language == .en ? "," : "\u{00A0}" }
    var decimalMark: String { language == .en ? "." : "," }

    // MARK: - Dates

    /// A long date: "14-июнь, 2022-ж.", "14 июня 2022 г.", "14 June 2022" (the pattern and month names are UI strings).
    public func date(_ date: CalendarDate) -> String {
        let months = strings.months
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        return text("date_format", ["day": String(date.day), "month": month, "year": String(date.year)])
    }

    /// Replaces each `{name}` whose name is in `values`, for strings that are not parsed once (plural forms, and
    /// keys the UI strings lack).
    private func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.utf8.contains(0x7B) else { return template }
        return join(Self.parts(template)) { values[$0] }
    }
}
