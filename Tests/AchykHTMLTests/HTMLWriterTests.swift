import AchykHTML
import Foundation
import Testing

/// Escaping is the default: texts and attribute values are escaped, markup comes only from literals and `raw`.
@Suite struct HTMLWriterTests {
    static let hostile = #"<script>alert("x")</script> & 'q' — ө ү ң"#

    @Test func textsAndAttributeValuesAreEscaped() {
        var w = HTMLWriter()
        w.element("p", ["class": Self.hostile, "lang": nil], text: Self.hostile)
        #expect(w.html == #"<p class="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; — ө ү ң">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; — ө ү ң</p>"#)
    }

    @Test func anAttributeWithoutAValueIsLeftOut() {
        var w = HTMLWriter()
        w.open("a", ["href": "x.html", "aria-current": nil, "lang": "ky"])
        #expect(w.html == #"<a href="x.html" lang="ky">"#)
    }

    @Test func linksEscapeTheirAddressAndLabel() {
        var w = HTMLWriter()
        w.link("a&b", href: "x.html?a=1&b=\"2\"", download: true)
        #expect(w.html == #"<a href="x.html?a=1&amp;b=&quot;2&quot;" download>a&amp;b</a>"#)
    }

    @Test func rawMarkupIsKeptAsItIs() {
        var w = HTMLWriter()
        w.element("div") { w in w.raw("<p>made by cmark</p>") }
        #expect(w.html == "<div><p>made by cmark</p></div>")
    }

    @Test(arguments: ["", "plain", "&", "<<>>", "a\"b'c", "ө&ү<ң>", "\u{1F600}&x\u{301}"])
    func escapingRoundTripsThroughTheFiveEntities(_ text: String) {
        let escaped = Escaping.escape(text)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        let unescaped = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        #expect(unescaped == text)
    }
}

@Suite struct HTMLWriterNumberTests {
    @Test(arguments: [0, 7, 10, 1234567, -42, Int.max, Int.min])
    func integersAreWrittenInDecimal(_ value: Int) {
        var w = HTMLWriter()
        w.integer(value)
        #expect(w.html == String(value))
    }
}
