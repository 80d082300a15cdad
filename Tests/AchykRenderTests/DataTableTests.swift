import AchykHTML
@testable import AchykRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct DataTableTests {
    /// axe's scrollable-region-focusable: a table that scrolls sideways on a phone must be reachable by keyboard.
    @Test func aDataTableScrollsInABoxThatTakesFocusAndIsNamedByItsCaption() throws {
        var writer = HTMLWriter()
        DataTable(
            caption: "Money <reported>", columns: ["Currency", "Money"], rows: [[.header("KGS"), .number("1,000 som")]],
            numericColumns: [1]
        ).write(to: &writer)
        let html = writer.html
        let document = try XMLDocument(xmlString: html, options: [])
        let box = try #require(document.rootElement())
        #expect(box.attribute(forName: "class")?.stringValue == "table-scroll")
        #expect(box.attribute(forName: "tabindex")?.stringValue == "0")
        #expect(box.attribute(forName: "role")?.stringValue == "group")
        #expect(box.attribute(forName: "aria-label")?.stringValue == "Money <reported>")
        let caption = try #require(try box.nodes(forXPath: "table/caption").first)
        #expect(caption.stringValue == "Money <reported>")
    }

}

/// On paper a chart is left out and its table folded: the main figures go into a short list instead.
@Suite struct PrintedFiguresTests {
    @Test func theFirstLinesAndTheTotalsAreListed() {
        let table = DataTable(
            caption: "Spending", columns: ["Code", "Item", "Amount"],
            rows: [
                [.code("709"), .header("Education"), .number("10")], [.code("701"), .header("Services"), .number("8")],
                [.code("706"), .header("Housing"), .number("5")], [.code(" "), .header("Not named"), .number("—")],
                [.code(""), .header("Expenditure"), .number("23")],
            ],
            numericColumns: [2], codeColumn: 0)
        let list = table.shortList(limit: 2)
        #expect(list.map(\.label) == ["Education", "Services", "Expenditure"])
        #expect(list.map(\.figure) == ["10", "8", "23"])
    }
}
