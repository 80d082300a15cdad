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

/// The glossary's terms are matched with a page's words by the first letters of each word.
@Suite struct GlossaryStemTests {
    @Test func wordsAreCutToFiveLettersOutsideParentheses() {
        #expect(SiteRenderer.stems(of: "Тартыштык (дефицит)", insideParentheses: false) == ["тарты"])
        #expect(SiteRenderer.stems(of: "Бюджеттин тартыштыгы (дефицит)", insideParentheses: true) == ["бюдже", "тарты", "дефиц"])
        #expect(SiteRenderer.stems(of: "Own revenue (local taxes and fees)", insideParentheses: false) == ["own", "reven"])
        #expect(SiteRenderer.stems(of: "A & B", insideParentheses: true) == [])
    }
}
