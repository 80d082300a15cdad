/// One category of a bar chart: a label, and one bar per series.
public struct BarGroup: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public let value: Double
        /// The value as the reader reads it, in their language ("4,2 млн").
        public let text: String
        public let style: SeriesStyle

        public init(value: Double, text: String, style: SeriesStyle) {
            self.value = value
            self.text = text
            self.style = style
        }
    }

    public let label: String
    public let bars: [Bar]

    public init(label: String, bars: [Bar]) {
        self.label = label
        self.bars = bars
    }
}

/// Horizontal bars for categories: each label above its bars, so that long labels wrap instead of overlapping,
/// and the value after each bar.
public struct BarChart: Hashable, Sendable {
    public let text: ChartText
    public let groups: [BarGroup]
    /// Shown when there is more than one series.
    public let legend: [LegendEntry]

    public init(text: ChartText, groups: [BarGroup], legend: [LegendEntry]) {
        self.text = text
        self.groups = groups
        self.legend = legend
    }

    static let barHeight = 14.0
    static let barGap = 3.0
    static let groupGap = 10.0

    public func svg() -> String {
        var writer = SVGWriter(text)
        var y = 0.0
        if !legend.isEmpty { y += writer.legend(legend, y: y) }
        // Values are digits, letters and spaces, whose scalars are their characters; counting scalars skips grapheme breaks.
        let longestValue = groups.flatMap(\.bars).map(\.text.unicodeScalars.count).max() ?? 0
        let valueSpace = Double(longestValue) * SVGWriter.characterWidth + 8
        let length = max(40, SVGWriter.width - valueSpace)
        let maximum = groups.flatMap(\.bars).map(\.value).max() ?? 0
        let limit = Int(SVGWriter.width / SVGWriter.characterWidth)
        for group in groups {
            for line in SVGWriter.wrap(group.label, limit: limit) {
                y += SVGWriter.lineHeight
                writer.text(line, x: 0, y: y - 4)
            }
            y += 2
            for bar in group.bars {
                let width = bar.value.scaled(by: maximum, to: length)
                writer.rect(x: 0, y: y, width: width, height: Self.barHeight, style: bar.style, value: SVGWriter.format(bar.value))
                writer.text(bar.text, x: width + 5, y: y + Self.barHeight - 2.5)
                y += Self.barHeight + Self.barGap
            }
            y += Self.groupGap
        }
        return writer.svg(height: max(y, 20))
    }
}

/// Columns for years, one per series in each year, with the year below and a scale line at the top value.
public struct ColumnChart: Hashable, Sendable {
    public struct Year: Hashable, Sendable {
        public let label: String
        public let values: [Double]

        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    public let text: ChartText
    public let years: [Year]
    public let styles: [SeriesStyle]
    public let legend: [LegendEntry]
    /// The top of the scale, as the reader reads it.
    public let maximumText: String

    public init(text: ChartText, years: [Year], styles: [SeriesStyle], legend: [LegendEntry], maximumText: String) {
        self.text = text
        self.years = years
        self.styles = styles
        self.legend = legend
        self.maximumText = maximumText
    }

    public func svg() -> String {
        var writer = SVGWriter(text)
        var top = writer.legend(legend, y: 0)
        writer.text(maximumText, x: 0, y: top + 11)
        top += 18
        let plotHeight = 150.0
        let bottom = top + plotHeight
        let maximum = years.flatMap(\.values).max() ?? 0
        writer.add(##"<line x1="0" y1="\##(SVGWriter.format(top))" x2="\##(SVGWriter.format(SVGWriter.width))" y2="\##(SVGWriter.format(top))" stroke="#767676" stroke-dasharray="3 3"/>"##)
        writer.add(##"<line x1="0" y1="\##(SVGWriter.format(bottom))" x2="\##(SVGWriter.format(SVGWriter.width))" y2="\##(SVGWriter.format(bottom))" stroke="#1a1a1a"/>"##)
        let slot = SVGWriter.width / Double(max(1, years.count))
        let series = max(1, years.map(\.values.count).max() ?? 1)
        let columnWidth = min(28, (slot - 8) / Double(series))
        for (index, year) in years.enumerated() {
            let groupWidth = columnWidth * Double(year.values.count)
            var x = Double(index) * slot + (slot - groupWidth) / 2
            for (seriesIndex, value) in year.values.enumerated() {
                let height = value.scaled(by: maximum, to: plotHeight)
                let style = styles.indices.contains(seriesIndex) ? styles[seriesIndex] : .solid
                writer.rect(x: x + 1, y: bottom - height, width: max(0, columnWidth - 2), height: height, style: style, value: SVGWriter.format(value))
                x += columnWidth
            }
            writer.text(year.label, x: Double(index) * slot + slot / 2, y: bottom + 16, anchor: "middle")
        }
        return writer.svg(height: bottom + 24)
    }
}
