@testable import AchykRender
import Testing

/// The table of contents of a long page, from the headings of its converted body.
@Suite struct ContentsTests {
    @Test func secondLevelHeadingsAreListedWithTheirIdsAndTextWithoutTags() {
        let body = "<h2 id=\"a\">A &amp; b</h2>\n<p>x</p>\n<h3 id=\"c\">C</h3>\n<h2 id=\"d-2\">D <em>e</em></h2>\n"
        let headings = SiteRenderer.headings(in: body)
        #expect(headings.map(\.id) == ["a", "d-2"])
        #expect(headings.map(\.html) == ["A &amp; b", "D e"])
        #expect(SiteRenderer.headings(in: "<p>no headings</p>").isEmpty)
        // An unterminated heading ends the list instead of reading past the body.
        #expect(SiteRenderer.headings(in: "<h2 id=\"a\">A").isEmpty)
    }
}
