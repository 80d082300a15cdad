// Renders the same page with Plot 0.14.0 and with HTMLWriter on one thread, in blocks that alternate between the two,
// and prints the median time per page of each and their ratio. Every page has its own number (in its title,
// description, addresses and facts), so no two renderings in a row are the same.
//
//   plot-vs-writer                   the benchmark
//   plot-vs-writer --print plot      the first page as Plot writes it (or `--print writer`)
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

func format(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--print" {
    switch arguments.dropFirst().first {
    case "plot": print(renderWithPlot(Page.sample(number: 0)))
    case "writer": print(renderWithWriter(Page.sample(number: 0)))
    default: print("usage: plot-vs-writer [--print plot|writer]")
    }
    exit(0)
}

// The check, which also warms both ways up: the same HTML for every page of the first round.
for number in 0..<pagesPerRound {
    let comparison = HTMLComparison(renderWithPlot(Page.sample(number: number)), renderWithWriter(Page.sample(number: number)))
    guard comparison.sameHTML else {
        let (plot, writer) = comparison.firstDifference ?? ("", "")
        print("page \(number): not the same HTML\n  Plot:       \(plot)\n  HTMLWriter: \(writer)")
        exit(1)
    }
}
let plotHTML = renderWithPlot(Page.sample(number: 0))
let writerHTML = renderWithWriter(Page.sample(number: 0))
let comparison = HTMLComparison(plotHTML, writerHTML)

print("plot-vs-writer: \(rounds) rounds of \(pagesPerRound) pages each way, alternating; one thread")
print("page size: Plot \(plotHTML.utf8.count) bytes, HTMLWriter \(writerHTML.utf8.count) bytes "
    + "(UTF-8; \(writerHTML.count) characters; the body inserted as it is: \(Page.bodyHTML.utf8.count) bytes)")
print("check, \(pagesPerRound) pages: the same HTML both ways (\(comparison.tokenCount) tokens a page), "
    + (comparison.byteIdentical ? "byte-identical" : "not byte-identical; a page has"))
if !comparison.byteIdentical {
    print("  \(comparison.selfClosingDifferences) void elements that Plot closes with \"/>\" and HTMLWriter with \">\"")
    print("  \(comparison.textSpellings) texts spelled with other entities (Plot leaves \" and ' as they are in text)")
    print("  \(comparison.attributeSpellings) tags whose attribute values are spelled with other entities")
}

let clock = ContinuousClock()
var renderedBytes = 0
for round in 0..<rounds {
    let pages = (0..<pagesPerRound).map { Page.sample(number: round * pagesPerRound + $0) }
    for index in round.isMultiple(of: 2) ? [0, 1] : [1, 0] {
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
    let name = way.name.padding(toLength: 12, withPad: " ", startingAt: 0)
    let roundMedians = way.roundMedians.map { format($0) }.joined(separator: " ")
    print("\(name) median \(format(median(way.microseconds))) µs/page over \(way.microseconds.count) pages "
        + "(round medians: \(roundMedians))")
}
let ratio = median(ways[0].microseconds) / median(ways[1].microseconds)
print("ratio Plot / HTMLWriter: \(format(ratio, digits: 1))×  (rendered \(renderedBytes / 1_000_000) MB in all)")
