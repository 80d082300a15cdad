// Renders the same page with Plot 0.14.0 and with HTMLWriter, on one thread, in alternating blocks, and prints the
// median time per page of each way and their ratio. Every page has its own number, so no output is the same.
import Foundation

let rounds = 5
let pagesPerRound = 4_000

struct Way {
    var name: String
    var render: (Page) -> String
    var microseconds: [Double] = []
    var roundMedians: [Double] = []
}

var ways = [
    Way(name: "Plot 0.14.0", render: renderWithPlot),
    Way(name: "HTMLWriter", render: renderWithWriter),
]

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

// `plot-vs-writer --print plot` (or `writer`) prints the first page as that way writes it, and nothing else.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--print",
    let way = ways.first(where: { $0.name.lowercased().hasPrefix(CommandLine.arguments[2]) }) {
    print(way.render(Page.sample(number: 0)))
    exit(0)
}

// The check: both ways write the same HTML for every page of the first round (which also warms both up).
let firstPage = Page.sample(number: 0)
let plotHTML = renderWithPlot(firstPage)
let writerHTML = renderWithWriter(firstPage)
let comparison = HTMLComparison(plotHTML, writerHTML)
for number in 0..<pagesPerRound {
    let page = Page.sample(number: number)
    let pageComparison = HTMLComparison(renderWithPlot(page), renderWithWriter(page))
    guard pageComparison.sameHTML else {
        let (plot, writer) = pageComparison.firstDifference ?? ("", "")
        print("page \(number): not the same HTML\n  Plot:       \(plot)\n  HTMLWriter: \(writer)")
        exit(1)
    }
}

print("plot-vs-writer: \(rounds) rounds of \(pagesPerRound) pages each way, alternating; one thread")
print("page size: Plot \(plotHTML.utf8.count) bytes, HTMLWriter \(writerHTML.utf8.count) bytes "
    + "(UTF-8; \(writerHTML.count) characters, of which body \(Page.bodyHTML.utf8.count) bytes)")
print("check, \(pagesPerRound) pages: same HTML both ways (\(comparison.tokenCount) tokens a page), "
    + (comparison.byteIdentical ? "byte-identical" : "not byte-identical: a page has"))
if !comparison.byteIdentical {
    print("  \(comparison.selfClosingDifferences) void elements that Plot closes with \"/>\" and HTMLWriter with \">\"")
    print("  \(comparison.textSpellings) texts spelled with other entities (Plot leaves \" and ' as they are)")
    print("  \(comparison.attributeSpellings) tags whose attribute values are spelled with other entities")
}

let clock = ContinuousClock()
var renderedBytes = 0
for round in 0..<rounds {
    let pages = (0..<pagesPerRound).map { Page.sample(number: round * pagesPerRound + $0) }
    let order = round.isMultiple(of: 2) ? ways.indices.map { $0 } : ways.indices.reversed()
    for index in order {
        let render = ways[index].render
        var times: [Double] = []
        times.reserveCapacity(pagesPerRound)
        for page in pages {
            let start = clock.now
            let html = render(page)
            let elapsed = start.duration(to: clock.now)
            renderedBytes &+= html.utf8.count
            times.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
        }
        ways[index].microseconds += times
        ways[index].roundMedians.append(median(times))
    }
}

for way in ways {
    let rounds = way.roundMedians.map(format).joined(separator: " ")
    print("\(way.name.padding(toLength: 12, withPad: " ", startingAt: 0)) median \(format(median(way.microseconds))) µs/page"
        + " over \(way.microseconds.count) pages (round medians: \(rounds))")
}
let ratio = median(ways[0].microseconds) / median(ways[1].microseconds)
print("ratio Plot / HTMLWriter: \(String(format: "%.1f", ratio))×   (rendered \(renderedBytes / 1_000_000) MB in all)")
