import AchykMarkdown
import Testing

@Suite struct MarkdownConverterTests {
    let converter = MarkdownConverter()

    @Test func rendersGitHubTables() {
        let html = converter.convert("| a | b |\n|---|--:|\n| 1 | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
    }

    @Test func rendersStrikethroughAutolinksAndFootnotes() {
        let html = converter.convert("~~old~~ see https://example.org now.[^1]\n\n[^1]: A note.\n").html
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func usesSmartPunctuation() {
        #expect(converter.convert("\"quoted\" -- and...").html.contains("“quoted” – and…"))
    }

    @Test func keepsRawHTMLOutUnlessAllowed() {
        let markdown = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = converter.convert(markdown).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        let unsafe = MarkdownConverter(allowsRawHTML: true).convert(markdown).html
        #expect(unsafe.contains("<b>bold</b>"))
        // Even with raw HTML on, GitHub's tag filter neutralises script tags.
        #expect(!unsafe.contains("<script>"))
    }

    @Test func dropsJavaScriptLinks() {
        #expect(!converter.convert("[x](javascript:alert(1))").html.contains("javascript:"))
    }

    @Test func rewritesLinksAndReportsTheirLines() {
        var seen: [MarkdownLink] = []
        let html = converter.convert("Intro\n\nSee [a](/en/about/) and ![i](/files/a.png).\n") { link in
            seen.append(link)
            return link.url.hasPrefix("/") ? "../.." + link.url : nil
        }.html
        #expect(seen.map(\.url) == ["/en/about/", "/files/a.png"])
        #expect(seen.map(\.line) == [3, 3])
        #expect(seen.map(\.isImage) == [false, true])
        #expect(html.contains("href=\"../../en/about/\""))
        #expect(html.contains("src=\"../../files/a.png\""))
    }

    /// libcmark-gfm's table parsing flips process-wide state; conversions from many tasks at once must give the
    /// same HTML as one at a time.
    @Test func conversionsFromManyTasksAgreeWithSerialOnes() async {
        let inputs = (0..<64).map { index in
            "# Heading \(index)\n\n| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n\nText with *emphasis* and https://example.org/\(index)\n"
        }
        let serial = inputs.map { converter.convert($0).html }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, MarkdownConverter().convert(input).html) }
            }
            var results = Array(repeating: "", count: inputs.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(parallel == serial)
    }
}

@Suite struct HeadingTests {
    @Test func headingsGetGitHubStyleIDsInTheHTML() {
        let rendered = MarkdownConverter().convert("## Ayil okmot\n\n### Айыл өкмөтү\n\n## Ayil okmot\n\n## *Budget* `2023`: plan & fact!\n")
        #expect(rendered.headings.map(\.id) == ["ayil-okmot", "айыл-өкмөтү", "ayil-okmot-2", "budget-2023-plan-fact"])
        #expect(rendered.headings.map(\.level) == [2, 3, 2, 2])
        #expect(rendered.headings.last?.text == "Budget 2023: plan & fact!")
        #expect(rendered.html.contains("<h2 id=\"ayil-okmot\">Ayil okmot</h2>"))
        #expect(rendered.html.contains("<h3 id=\"айыл-өкмөтү\">Айыл өкмөтү</h3>"))
        #expect(rendered.html.contains("<h2 id=\"ayil-okmot-2\">Ayil okmot</h2>"))
    }
}
