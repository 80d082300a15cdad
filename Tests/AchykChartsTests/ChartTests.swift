@testable import AchykCharts
import AchykTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Charts are well-formed SVG, accessible, with bars proportional to their values and nothing outside the view box.
@Suite struct ChartTests {
    static let text = ChartText(id: "chart-x", title: "Расходы <по> назначению", description: "Образование & культура", lang: "ru")

    struct Box {
        let x, y, width, height: Double
        let value: Double?
    }

    func parse(_ svg: String) throws -> (root: XMLElement, width: Double, height: Double, bars: [Box], texts: [XMLElement]) {
        let document = try XMLDocument(xmlString: svg, options: [])
        let root = try #require(document.rootElement())
        let viewBox = try #require(root.attr("viewBox")?.stringValue).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox.count == 4)
        func number(_ element: XMLElement, _ name: String) -> Double { Double(element.attr(name)?.stringValue ?? "") ?? .nan }
        let rects = try root.nodes(forXPath: "//*[local-name()='rect']").compactMap { $0 as? XMLElement }
        let bars = rects.filter { $0.attr("class")?.stringValue == "bar" }.map {
            Box(x: number($0, "x"), y: number($0, "y"), width: number($0, "width"), height: number($0, "height"), value: Double($0.attr("data-value")?.stringValue ?? ""))
        }
        let texts = try root.nodes(forXPath: "//*[local-name()='text']").compactMap { $0 as? XMLElement }
        return (root, viewBox[2], viewBox[3], bars, texts)
    }

    func checkAccessible(_ root: XMLElement) throws {
        #expect(root.attr("role")?.stringValue == "img")
        #expect(root.attr("aria-labelledby")?.stringValue == "chart-x-title chart-x-desc")
        let title = try root.nodes(forXPath: "*[local-name()='title']").first
        let desc = try root.nodes(forXPath: "*[local-name()='desc']").first
        #expect(title?.stringValue == "Расходы <по> назначению")
        #expect(desc?.stringValue == "Образование & культура")
        #expect((title as? XMLElement)?.attr("id")?.stringValue == "chart-x-title")
    }

    /// Every bar inside the view box, no NaN, and every text's estimated extent inside it too.
    func checkInside(_ chart: (root: XMLElement, width: Double, height: Double, bars: [Box], texts: [XMLElement])) {
        for bar in chart.bars {
            #expect(bar.x.isFinite && bar.y.isFinite && bar.width.isFinite && bar.height.isFinite)
            #expect(bar.width >= 0 && bar.height >= 0)
            #expect(bar.x >= 0 && bar.x + bar.width <= chart.width + 0.05)
            #expect(bar.y >= 0 && bar.y + bar.height <= chart.height + 0.05)
        }
        for text in chart.texts {
            let x = Double(text.attr("x")?.stringValue ?? "") ?? .nan
            let y = Double(text.attr("y")?.stringValue ?? "") ?? .nan
            let length = Double((text.stringValue ?? "").count) * SVGWriter.characterWidth
            let anchor = text.attr("text-anchor")?.stringValue
            let start = anchor == "middle" ? x - length / 2 : anchor == "end" ? x - length : x
            #expect(start >= -0.05 && start + length <= chart.width + 0.05, "'\(text.stringValue ?? "")' runs out of the view box")
            #expect(y > 0 && y <= chart.height)
        }
    }

    /// No two texts' estimated boxes overlap, and no text lies over a bar: every label stays readable.
    func checkNoOverlap(_ chart: (root: XMLElement, width: Double, height: Double, bars: [Box], texts: [XMLElement])) {
        struct Rect { let x0, y0, x1, y1: Double; let name: String }
        let texts: [Rect] = chart.texts.map { text in
            let x = Double(text.attr("x")?.stringValue ?? "") ?? .nan
            let y = Double(text.attr("y")?.stringValue ?? "") ?? .nan
            let length = Double((text.stringValue ?? "").count) * SVGWriter.characterWidth
            let anchor = text.attr("text-anchor")?.stringValue
            let start = anchor == "middle" ? x - length / 2 : anchor == "end" ? x - length : x
            // From the cap height above the baseline to the descenders below it.
            return Rect(x0: start, y0: y - SVGWriter.fontSize * 0.8, x1: start + length, y1: y + SVGWriter.fontSize * 0.2, name: text.stringValue ?? "")
        }
        func overlap(_ a: Rect, _ b: Rect) -> Bool { min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 && min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 }
        for (index, a) in texts.enumerated() {
            for b in texts[(index + 1)...] { #expect(!overlap(a, b), "'\(a.name)' overlaps '\(b.name)'") }
            for bar in chart.bars where bar.width > 0 {
                let box = Rect(x0: bar.x, y0: bar.y, x1: bar.x + bar.width, y1: bar.y + bar.height, name: "bar")
                #expect(!overlap(a, box), "'\(a.name)' lies over a bar")
            }
        }
    }

    @Test func noLabelOverlapsAnotherOrABar() throws {
        let long = "Мамлекеттик башкаруу секторунун башка бирдиктеринен учурдагы трансферттер"
        let chart = BarChart(
            text: Self.text,
            groups: [
                BarGroup(label: long, bars: [.init(value: 100, text: "12,1 млн сом", style: .outline), .init(value: 90, text: "10,7 млн сом · 88,6 %", style: .solid)]),
                BarGroup(label: "Образование", bars: [.init(value: 3, text: "694 тыс. сом · 1,9 %", style: .outline), .init(value: 2, text: "1 %", style: .solid)]),
                BarGroup(label: "Башка", bars: [.init(value: 0, text: "0 сом", style: .outline), .init(value: 50, text: "5,45 млн сом", style: .solid)]),
            ],
            legend: [LegendEntry(label: "Бекитилген план (жергиликтүү кеңеш бекиткен)", style: .outline), LegendEntry(label: "Аткарылган", style: .solid)])
        let parsed = try parse(chart.svg())
        checkInside(parsed)
        checkNoOverlap(parsed)
        let timeline = try parse(TimelineChart(
            text: Self.text,
            rows: (0..<5).map { .init(label: "\(long) \($0)", start: 1995 + $0, end: $0 == 4 ? nil : 2006, text: "1995–2006") },
            legend: [LegendEntry(label: "Аяктаган", style: .solid), LegendEntry(label: "Аяктаган жылы көрсөтүлгөн эмес", style: .ongoing)]).svg())
        checkInside(timeline)
        checkNoOverlap(timeline)
        // The check itself finds a label written over another and one over a bar.
        let crowded = try parse(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 340 40"><text x="0" y="12">Education</text><text x="20" y="14">Roads</text><rect class="bar" x="0" y="20" width="100" height="10" data-value="1"/><text x="10" y="29">over</text></svg>"#)
        withKnownIssue { checkNoOverlap(crowded) }
    }

    func bars(_ values: [Double], labels: [String]? = nil) -> BarChart {
        BarChart(
            text: Self.text,
            groups: values.enumerated().map { index, value in
                BarGroup(label: labels?[index] ?? "Статья \(index)", bars: [.init(value: value, text: "\(value) млн сом", style: .solid)])
            }, legend: [])
    }

    /// Label wrapping keeps every word in order, lines within the limit (long words hyphenated), single spaces.
    @Test(arguments: 0..<200) func wrappingKeepsTheWordsAndTheLimit(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяөүңABCxyz")
        let words = (0..<Int.random(in: 0...8, using: &random)).map { _ in
            String((0..<Int.random(in: 1...14, using: &random)).map { _ in letters.randomElement(using: &random)! })
        }
        let spaces = { (random: inout SeededGenerator) in String(repeating: " ", count: Int.random(in: 0...2, using: &random)) }
        var text = spaces(&random)
        for word in words { text += word + " " + spaces(&random) }
        let limit = Int.random(in: 4...30, using: &random)
        let lines = SVGWriter.wrap(text, limit: limit)
        #expect(lines.allSatisfy { $0.count <= limit }, "\(lines) over \(limit)")
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") && !$0.contains("  ") })
        let rejoined = lines.joined(separator: " ").replacingOccurrences(of: "- ", with: "")
        #expect(rejoined == words.joined(separator: " "), "\(lines) from \(text.debugDescription)")
    }

    /// A combining accent is part of its letter's character: the wrap counts and cuts characters, not scalars.
    @Test func wrappingCountsCharactersWhereMarksCombine() {
        let word = "ударе\u{301}ние"  // 8 characters, 9 scalars
        #expect(SVGWriter.wrap("\(word) \(word)", limit: 8) == [word, word])
        #expect(SVGWriter.wrap("\(word)\(word)", limit: 8) == ["ударе\u{301}ни-", "еударе\u{301}н-", "ие"])
    }

    @Test func barLengthsAreProportionalToValues() throws {
        let chart = try parse(bars([40, 10, 25.5, 0]).svg())
        try checkAccessible(chart.root)
        checkInside(chart)
        #expect(chart.bars.count == 4)
        let scale = chart.bars[0].width / 40
        #expect(scale > 0)
        for bar in chart.bars {
            // Coordinates keep one decimal.
            #expect(abs(bar.width - (bar.value ?? 0) * scale) <= 0.1)
        }
        #expect(chart.texts.contains { $0.stringValue == "25.5 млн сом" })
    }

    @Test func longLabelsWrapInsteadOfRunningOut() throws {
        let label = "Государственные службы общего назначения, исполнительные и законодательные органы, финансовые и фискальные вопросы"
        let chart = try parse(bars([5, 3], labels: [label, "Образование"]).svg())
        checkInside(chart)
        let lines = chart.texts.compactMap(\.stringValue).filter { label.contains($0) && $0.count > 3 }
        #expect(lines.count >= 3)
        #expect(lines.joined(separator: " ") == label)
    }

    @Test func oneBarZeroValuesAndNegativeValuesStaySensible() throws {
        for values in [[7.0], [0.0, 0.0], [-5.0, 10.0], [-3.0]] {
            let chart = try parse(bars(values).svg())
            checkInside(chart)
            #expect(chart.bars.count == values.count)
            #expect(chart.bars.allSatisfy { $0.width >= 0 })
            #expect(!bars(values).svg().contains("NaN"))
        }
    }

    @Test func groupedBarsShareOneScaleAndHaveALegend() throws {
        let chart = BarChart(
            text: Self.text,
            groups: [BarGroup(label: "Образование", bars: [.init(value: 100, text: "100", style: .outline), .init(value: 50, text: "50", style: .solid)])],
            legend: [LegendEntry(label: "Утверждено", style: .outline), LegendEntry(label: "Исполнено", style: .solid)])
        let parsed = try parse(chart.svg())
        checkInside(parsed)
        #expect(abs(parsed.bars[0].width - 2 * parsed.bars[1].width) <= 0.1)
        #expect(parsed.texts.contains { $0.stringValue == "Утверждено" })
        // One legend, as a group a reader of the SVG (or a test) can find.
        #expect(chart.svg().components(separatedBy: "<g class=\"legend\">").count - 1 == 1)
    }

    @Test func aTimelineSaysWhichBarsGoOn() throws {
        let chart = TimelineChart(
            text: Self.text,
            rows: [.init(label: "A", start: 2001, end: 2003, text: "2001–2003"), .init(label: "B", start: 2002, end: nil, text: "2002–")],
            legend: [LegendEntry(label: "Ended", style: .solid), LegendEntry(label: "Still going on", style: .ongoing)])
        let svg = chart.svg()
        let parsed = try parse(svg)
        checkInside(parsed)
        #expect(svg.components(separatedBy: "<g class=\"legend\">").count - 1 == 1)
        #expect(svg.contains("stroke-dasharray=\"4 2\""))
        #expect(parsed.texts.contains { $0.stringValue == "Still going on" })
    }

    @Test func columnsForYearsAreProportionalAndInside() throws {
        let chart = ColumnChart(
            text: Self.text,
            years: (2016...2025).map { ColumnChart.Year(label: String($0), values: [Double($0 - 2015) * 10, Double($0 - 2015) * 9]) },
            styles: [.solid, .outline], legend: [LegendEntry(label: "Доходы", style: .solid), LegendEntry(label: "Расходы", style: .outline)],
            maximumText: "100 млн сом")
        let parsed = try parse(chart.svg())
        checkInside(parsed)
        #expect(parsed.bars.count == 20)
        let scale = parsed.bars[0].height / 10
        for bar in parsed.bars { #expect(abs(bar.height - (bar.value ?? 0) * scale) <= 0.1) }
    }
}

extension XMLElement {
    /// An attribute by name (swift-corelibs-foundation's `attribute(forName:)` misses them on namespaced elements).
    func attr(_ name: String) -> XMLNode? { attributes?.first { $0.name == name } }
}
