/// Periods on a shared scale of years: one row per item, its label above a bar from the first to the last year.
public struct TimelineChart: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public let label: String
        public let start: Int
        /// Nil while it goes on: the bar runs to the end of the scale, open-ended.
        public let end: Int?
        public let text: String

        public init(label: String, start: Int, end: Int?, text: String) {
            self.label = label
            self.start = start
            self.end = end
            self.text = text
        }
    }

    public let text: ChartText
    public let rows: [Row]
    /// Says which bars have ended and which go on; shown when both kinds are drawn.
    public let legend: [LegendEntry]

    public init(text: ChartText, rows: [Row], legend: [LegendEntry] = []) {
        self.text = text
        self.rows = rows
        self.legend = legend
    }

    static let barHeight = 12.0

    /// The first year of the scale and the number of years it spans.
    public var scale: (first: Int, years: Int) {
        let first = rows.map(\.start).min() ?? 0
        let last = rows.map { $0.end ?? $0.start }.max() ?? first
        return (first, max(1, last - first + 1))
    }

    public func svg() -> String {
        var writer = SVGWriter(text)
        let (first, years) = scale
        let perYear = SVGWriter.width / Double(years)
        writer.text(String(first), x: 0, y: 12)
        writer.text(String(first + years - 1), x: SVGWriter.width, y: 12, anchor: "end")
        var y = 22.0
        if !legend.isEmpty { y += writer.legend(legend, y: y) - 6 }
        let limit = Int(SVGWriter.width / SVGWriter.characterWidth)
        for row in rows {
            for line in SVGWriter.wrap("\(row.label) (\(row.text))", limit: limit, remember: false) {
                y += SVGWriter.lineHeight
                writer.text(line, x: 0, y: y - 4)
            }
            let start = Double(row.start - first) * perYear
            let length = Double((row.end ?? (first + years - 1)) - row.start + 1) * perYear
            writer.rect(x: start, y: y, width: max(0, min(length, SVGWriter.width - start)), height: Self.barHeight,
                        style: row.end == nil ? .ongoing : .solid, value: String((row.end ?? (first + years - 1)) - row.start + 1))
            y += Self.barHeight + 8
        }
        return writer.svg(height: y + 4)
    }
}
