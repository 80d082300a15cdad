import Foundation
import AchykHTML
import AchykModel

/// What every chart has: an id unique on its page, a title and a description that says the main finding in words.
public struct ChartText: Hashable, Sendable {
    public let id: String
    public let title: String
    public let description: String
    /// The language of the labels.
    public let lang: String

    public init(id: String, title: String, description: String, lang: String) {
        self.id = id
        self.title = title
        self.description = description
        self.lang = lang
    }
}

/// How a series is drawn. Okabe–Ito colours, and never colour alone: the second series is an outline or hatched,
/// so that it stays apart in grayscale print and for readers who do not see the colours.
/// What a bar's look means, one meaning each across the whole site (docs/theme.md), with colours from the Okabe-Ito
/// palette that colour-blind readers tell apart, and patterns or outlines besides colour.
public enum SeriesStyle: Int, Hashable, Sendable {
    /// Solid blue: the figure itself (what was executed, else the plan); revenue beside spending.
    case solid = 0
    /// Vermillion outline on a pale fill: the approved plan.
    case outline = 1
    /// Orange with dark hatching: transfers from the republican budget.
    case hatched = 2
    /// Grey with a dark edge: the previous year.
    case previous = 3
    /// Bluish green: capital spending (buildings and equipment that last for years).
    case capital = 4
    /// Reddish purple: spending, beside revenue.
    case spending = 5
    /// Sky-blue dashed outline: no end year given (a partnership whose record has none).
    case ongoing = 6

    /// `patternID` is asked for only by the hatched style (it is built for each bar otherwise).
    func attributes(patternID: @autoclosure () -> String) -> String {
        switch self {
        case .solid: ##"fill="#0072B2""##
        case .outline: ##"fill="#FBE9DF" stroke="#D55E00" stroke-width="2""##
        case .hatched: ##"fill="url(#\##(patternID()))" stroke="#8F5F00" stroke-width="1""##
        case .previous: ##"fill="#BBBBBB" stroke="#555555" stroke-width="1""##
        case .capital: ##"fill="#009E73""##
        case .spending: ##"fill="#CC79A7""##
        case .ongoing: ##"fill="#DCEFFA" stroke="#56B4E9" stroke-width="2" stroke-dasharray="4 2""##
        }
    }
}

public struct LegendEntry: Hashable, Sendable {
    public let label: String
    public let style: SeriesStyle

    public init(label: String, style: SeriesStyle) {
        self.label = label
        self.style = style
    }
}

/// Builds the SVG markup of a chart; coordinates are in a fixed view box that the page scales to its width.
struct SVGWriter {
    static let width = 340.0
    static let fontSize = 13.0
    static let lineHeight = 16.0
    /// A generous estimate of a character's width at `fontSize`, so that text never runs out of the view box.
    static let characterWidth = 8.2

    private(set) var body = HTMLWriter(capacity: 4096)
    let text: ChartText

    init(_ text: ChartText) { self.text = text }

    var patternID: String { "\(text.id)-hatch" }

    mutating func add(_ markup: String) {
        body.raw(markup)
        body.put("\n")
    }

    // Texts and bars are written piece by piece into the body: a chart has dozens of them on each of thousands of
    // pages, and an interpolated string for each would be made and copied once more.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", weight: String? = nil) {
        body.put("<text x=\"")
        Self.append(x, to: &body)
        body.put("\" y=\"")
        Self.append(y, to: &body)
        body.put("\" text-anchor=\"")
        body.raw(anchor)
        body.put("\"")
        if let weight {
            body.put(" font-weight=\"")
            body.raw(weight)
            body.put("\"")
        }
        body.put(">")
        body.text(content)
        body.put("</text>\n")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, style: SeriesStyle, value: String? = nil) {
        body.put("<rect x=\"")
        Self.append(x, to: &body)
        body.put("\" y=\"")
        Self.append(y, to: &body)
        body.put("\" width=\"")
        Self.append(width, to: &body)
        body.put("\" height=\"")
        Self.append(height, to: &body)
        body.put("\" ")
        body.raw(style.attributes(patternID: patternID))
        if let value {
            body.put(" class=\"bar\" data-value=\"")
            body.raw(value)
            body.put("\"")
        }
        body.put("/>\n")
    }

    /// A legend of swatches and labels side by side while they fit, a label too long for a line wrapped under its
    /// swatch; returns the height it took.
    mutating func legend(_ entries: [LegendEntry], y: Double) -> Double {
        var x = 0.0
        var top = y
        body.put("<g class=\"legend\">\n")
        defer { body.put("</g>\n") }
        let limit = Int((Self.width - 18) / Self.characterWidth)
        for entry in entries {
            let lines = Self.wrap(entry.label, limit: limit)
            let width = 18 + Double(lines.map(\.count).max() ?? 0) * Self.characterWidth + 14
            if x > 0 && (x + width > Self.width || lines.count > 1) {
                x = 0
                top += Self.lineHeight + 4
            }
            rect(x: x, y: top + 2, width: 12, height: 12, style: entry.style)
            for (index, line) in lines.enumerated() {
                if index > 0 { top += Self.lineHeight }
                text(line, x: x + 18, y: top + 12)
            }
            x = lines.count > 1 ? Self.width : x + width
        }
        return top + Self.lineHeight + 8 - y
    }

    /// The whole SVG: `standalone` adds the XML declaration's namespace use for a file of its own.
    func svg(height: Double) -> String {
        let id = text.id
        let h = Self.format(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.format(Self.width)) \(h)" width="\(Self.format(Self.width))" height="\(h)" role="img" aria-labelledby="\(id)-title \(id)-desc" lang="\(text.lang)" class="chart-svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif" font-size="\(Self.format(Self.fontSize))" fill="#1a1a1a">
            <title id="\(id)-title">\(Escaping.escape(text.title))</title>
            <desc id="\(id)-desc">\(Escaping.escape(text.description))</desc>
            <defs><pattern id="\(patternID)" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#E69F00"/><rect width="2" height="6" fill="#5C3D00"/></pattern></defs>
            \(body.html)</svg>
            """
    }

    /// Numbers in coordinates: at most one decimal, no exponent, never NaN (by integer arithmetic: this runs for
    /// every coordinate of every chart).
    static func format(_ value: Double) -> String {
        var writer = HTMLWriter()
        append(value, to: &writer)
        return writer.html
    }

    static func append(_ value: Double, to writer: inout HTMLWriter) {
        guard value.isFinite, abs(value) < 1e15 else {
            writer.put("0")
            return
        }
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { writer.put("-") }
        writer.integer(abs(tenths) / 10)
        if tenths % 10 != 0 {
            writer.put(".")
            writer.integer(abs(tenths) % 10)
        }
    }

    private struct WrapKey: Hashable {
        let text: String
        let limit: Int
    }

    /// Labels wrapped before: the same function and source names come back on every budget page of a language.
    private static let wrapped = Locked<[WrapKey: [String]]>([:])
    private static let wrappedLimit = 20_000

    /// Words wrapped to lines of at most `limit` characters (a longer word gets a line of its own, cut if it must).
    /// `remember`: false for a text made for one page (a label with its amount), which would only fill the memory.
    package static func wrap(_ text: String, limit: Int, remember: Bool = true) -> [String] {
        // Most labels fit: a text of no more bytes than the limit has no more characters either (the words below
        // are joined by single spaces, so the text must already be so).
        if text.utf8.count <= limit, !text.isEmpty, Self.hasSingleSpacesOnlyBetweenWords(text) {
            return [text]
        }
        guard remember else { return wrapWords(text, limit: limit) }
        let key = WrapKey(text: text, limit: limit)
        if let lines = wrapped.withLock({ $0[key] }) { return lines }
        let lines = wrapWords(text, limit: limit)
        wrapped.withLock { cache in
            if cache.count < wrappedLimit { cache[key] = lines }
        }
        return lines
    }

    /// No space at either end and no two together: the text is its words joined by single spaces.
    private static func hasSingleSpacesOnlyBetweenWords(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }

    private static func wrapWords(_ text: String, limit: Int) -> [String] {
        // In Latin and Cyrillic text without combining marks (or CR LF) each scalar is one character, and scalars
        // are much cheaper to count and cut than characters, whose grapheme breaks must be found.
        let simple = text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (value < 0x300 && value != 0x0D) || (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value)
        }
        func length(_ word: String) -> Int { simple ? word.unicodeScalars.count : word.count }
        func head(_ word: String, _ count: Int) -> String {
            simple ? String(String.UnicodeScalarView(word.unicodeScalars.prefix(count))) : String(word.prefix(count))
        }
        func tail(_ word: String, after count: Int) -> String {
            simple ? String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(count))) : String(word.dropFirst(count))
        }
        let words = simple
            ? text.unicodeScalars.split(separator: " ").map { String(String.UnicodeScalarView($0)) }
            : text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var current = ""
        // Lengths counted once per word.
        var currentCount = 0
        for var word in words {
            var wordCount = length(word)
            while wordCount > limit {
                if !current.isEmpty { lines.append(current); current = ""; currentCount = 0 }
                lines.append(head(word, limit - 1) + "-")
                word = tail(word, after: limit - 1)
                wordCount -= limit - 1
            }
            if current.isEmpty {
                current = word
                currentCount = wordCount
            } else if currentCount + 1 + wordCount <= limit {
                current += " " + word
                currentCount += 1 + wordCount
            } else {
                lines.append(current)
                current = word
                currentCount = wordCount
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}

extension Double {
    /// A value's length on a bar scale: never negative, never NaN, zero when there is nothing to compare with.
    func scaled(by maximum: Double, to length: Double) -> Double {
        guard maximum > 0, isFinite, self > 0 else { return 0 }
        return Swift.min(self, maximum) / maximum * length
    }
}

public enum SVGChart {
    /// A chart as a file of its own (to download or embed): SVG 1.1 as validators read it, where ARIA attributes
    /// and `lang` are unknown; the `<title>` and `<desc>` that open it name and describe it, and `xml:lang` says
    /// their language.
    public static func standalone(_ svg: String) -> String {
        String(decoding: standaloneBytes(svg), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, as the file is written (without decoding them again into a string).
    public static func standaloneBytes(_ svg: String) -> [UInt8] {
        // The root element is the writer's own, so its attributes are known: they are cut out of its first line,
        // byte by byte (a chart is written for every page of a national site).
        var svg = svg
        return svg.withUTF8 { bytes -> [UInt8] in
            guard let end = bytes.firstIndex(of: UInt8(ascii: ">")) else { return Array(bytes) }
            var root = Array(bytes[..<end])
            // A plain search: the root element is a few hundred bytes (Foundation's `firstRange` took 5 % of a build).
            func find(_ pattern: [UInt8]) -> Int? {
                guard root.count >= pattern.count else { return nil }
                for start in 0...(root.count - pattern.count) where root[start] == pattern[0] {
                    var index = 1
                    while index < pattern.count, root[start + index] == pattern[index] { index += 1 }
                    if index == pattern.count { return start }
                }
                return nil
            }
            func remove(_ attribute: String, through close: UInt8?) {
                let pattern = Array(attribute.utf8)
                guard let start = find(pattern) else { return }
                var stop = start + pattern.count
                if let close, let found = root[stop...].firstIndex(of: close) { stop = found + 1 }
                root.removeSubrange(start..<stop)
            }
            remove(" role=\"img\"", through: nil)
            remove(" aria-labelledby=\"", through: UInt8(ascii: "\""))
            if let lang = find(Array(" lang=\"".utf8)) { root.replaceSubrange(lang..<lang + 7, with: Array(" xml:lang=\"".utf8)) }
            var output: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
            output.reserveCapacity(bytes.count + 64)
            output.append(contentsOf: root)
            output.append(contentsOf: bytes[end...])
            output.append(0x0A)
            return output
        }
    }
}
