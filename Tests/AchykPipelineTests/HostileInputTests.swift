import AchykModel
import AchykPipeline
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Broken and hostile content: each gives a clear problem at path:line, in bounded time and memory, and no crash.
@Suite struct HostileInputTests {
    /// A content folder with a valid site.yaml and the given files.
    func content(_ files: [String: Data]) throws -> URL {
        let root = try Fixtures.contentFolder(files.merging(["site.yaml": Data("title: T\nbase_url: https://example.org/\nlanguages: [ky, en]\n".utf8)]) { own, _ in own })
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pages"), withIntermediateDirectories: true)
        return root
    }

    func check(_ content: URL) async -> [String] {
        let report = await SiteBuilder().build(BuildOptions(contentFolder: content, theme: Fixtures.theme, outputFolder: nil))
        return report.diagnostics.sorted.map(\.description)
    }

    @Test func aBillionLaughsFrontMatterIsRefusedQuickly() async throws {
        var yaml = "---\ntitle: Laughs\nlol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "lol\(level): &lol\(level) [\(previous)]\n"
        }
        yaml += "---\nBody\n"
        let started = Date()
        let problems = await check(try content(["pages/laughs.en.md": Data(yaml.utf8)]))
        #expect(problems == ["pages/laughs.en.md:2: error: the YAML expands to more than 100000 values (aliases that repeat aliases?); write the values out instead"])
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// 200 MB, made sparse so the test writes nothing to disk: refused at line 1 before it is read into memory.
    @Test func aBudgetTableOf200MegabytesIsRefusedUnread() async throws {
        let root = try content([
            "budgets/leilek/municipality.yaml": Data("id: leilek\nname: Leilek\n".utf8),
            "budgets/leilek/2023.csv": Data("code,approved\n701,5\n".utf8),
        ])
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("budgets/leilek/2023.csv"))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let problems = await check(root)
        #expect(problems == ["budgets/leilek/2023.csv:1: error: the file is 200 MB; a local budget table is far smaller, so it is not read (is this the right file? the limit is 32 MB)"])
    }

    /// Every kind of budget defect at once: bytes that are not text, a huge line, a table cut in a quoted cell.
    @Test func brokenBudgetTablesAreErrorsAtTheirLines() async throws {
        let problems = await check(try content([
            "budgets/leilek/municipality.yaml": Data("id: leilek\nname: Leilek\nsources:\n  2023: {title: x, url: \"javascript:alert(1)\"}\n".utf8),
            "budgets/leilek/2021.csv": Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x0A]),
            "budgets/leilek/2022.csv": Data(("code,approved\n701," + String(repeating: "9", count: 2_000_000) + "\n").utf8),
            "budgets/leilek/2023.csv": Data("code,name,approved\n701,\"General\n709,x,5\n".utf8),
        ]))
        #expect(problems == [
            "budgets/leilek/2021.csv:1: error: the file holds a NUL byte, so it is not a CSV text (was a spreadsheet saved under a .csv name?)",
            "budgets/leilek/2022.csv:2: error: column 'approved': '\(String(repeating: "9", count: 40))…' is too large for a budget amount (more than 15 digits of som)",
            "budgets/leilek/2023.csv:2: error: a quoted cell opens here and is never closed (a missing '\"')",
            "budgets/leilek/municipality.yaml:4: error: 'url' must be an http or https address, such as https://example.org/report.pdf",
        ])
    }

    @Test func truncatedFrontMatterIsReportedWhereItBreaks() async throws {
        let problems = await check(try content(["pages/cut.en.md": Data("---\ntitle: Cut\ntopics: [water,\n".utf8)]))
        #expect(problems == ["pages/cut.en.md:1: error: the front matter opened by '---' on line 1 is never closed; add a '---' line after the last key"])
        let flow = await check(try content(["pages/cut.en.md": Data("---\ntitle: Cut\ntopics: [water,\n---\n".utf8)]))
        #expect(flow.count == 1)
        #expect(flow.first?.hasPrefix("pages/cut.en.md:3: error: invalid YAML:") == true)
    }

    @Test func aHugeLineIsReadInBoundedTime() async throws {
        let line = String(repeating: "Бюджет ачык болушу керек. ", count: 150_000)  // about 7 MB on one line, under the 8 MB limit
        let started = Date()
        let problems = await check(try content(["pages/long.ky.md": Data("---\ntitle: Long\n---\n\(line)\n".utf8)]))
        #expect(problems.isEmpty)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func binaryAndMisencodedFilesAreRefusedAtTheirLine() async throws {
        var binary = Data("---\ntitle: x\n---\n".utf8)
        binary.append(contentsOf: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A])
        let windows1251 = "---\ntitle: Бюджет\n---\n".data(using: .windowsCP1251)!
        let problems = await check(try content(["pages/photo.en.md": binary, "pages/old.ky.md": windows1251]))
        #expect(problems == [
            "pages/old.ky.md:2: error: the file is not valid UTF-8; save it as UTF-8",
            "pages/photo.en.md:4: error: the file holds a NUL byte, so it is not a text file (was a binary file given a text name?)",
        ])
    }

    @Test func linksLeadingOutOfTheContentFolderAreRefused() async throws {
        let root = try content(["pages/about.en.md": Data("---\ntitle: About\n---\n".utf8)])
        let outside = Fixtures.temporaryFolder()
        try Data("---\ntitle: Secret\n---\n".utf8).write(to: outside.appendingPathComponent("secret.en.md"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("pages/secret.en.md"), withDestinationURL: outside.appendingPathComponent("secret.en.md"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("handbook"), withDestinationURL: outside)
        let problems = await check(root)
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("error: this link leads out of the content folder") })
        #expect(problems.first?.hasPrefix("handbook:1:") == true)
        #expect(problems.last?.hasPrefix("pages/secret.en.md:1:") == true)
    }

    @Test(arguments: ["pages/a..b.en.md", "pages/my page.en.md", "pages/About.en.md", "pages/.en.md"])
    func oddFileNamesAreErrors(path: String) async throws {
        let problems = await check(try content([path: Data("---\ntitle: x\n---\n".utf8)]))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(path):1: error: ") == true)
    }

    @Test func valuesFromContentAreEscapedInTheOutput() async throws {
        let root = try content(["pages/xss.en.md": Data("---\ntitle: \"<script>alert(1)</script> & \\\"quotes\\\"\"\nsummary: \"<img src=x onerror=alert(1)>\"\n---\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n".utf8)])
        let (report, site) = await Fixtures.build(root)
        #expect(report.succeeded)
        let page = Fixtures.text("en/xss/index.html", in: site)
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
    }

    /// Found by a hostile review: a 3 GB page took 8.4 GB of memory (and crashed under a limit). Sparse, so the
    /// test writes nothing to disk; refused unread.
    @Test func aHugeMarkdownFileIsRefusedUnread() async throws {
        let root = try content(["pages/huge.en.md": Data("---\ntitle: Huge\n---\n".utf8)])
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("pages/huge.en.md"))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        #expect(await check(root) == ["pages/huge.en.md:1: error: the file is 3072 MB; content files over 8 MB are not read (is this the right file?)"])
    }

    @Test func twoTablesForOneYearAreAnErrorNamingBoth() async throws {
        let root = try content([
            "budgets/leilek/municipality.yaml": Data("id: leilek\nname: Leilek\n".utf8),
            "budgets/leilek/2025.csv": Data("code,approved\n701,5\n".utf8),
            "budgets/leilek/2025.CSV": Data("code,approved\n701,6\n".utf8),
        ])
        #expect(await check(root) == ["budgets/leilek/2025.csv:1: error: two tables for 2025: budgets/leilek/2025.CSV and budgets/leilek/2025.csv; keep one"])
    }

    /// A link inside the content folder, written with an absolute path, is published as the file it leads to:
    /// the site holds no links (a hostile review found one, leading into the content folder).
    @Test func aLinkedFileIsPublishedAsAFile() async throws {
        let root = try content(["files/report.txt": Data("A report.\n".utf8)])
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("files/latest.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("files/report.txt").path)
        let (report, site) = await Fixtures.build(root)
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let published = site.appendingPathComponent("files/latest.txt").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: published)) == nil)
        #expect(Fixtures.text("files/latest.txt", in: site) == "A report.\n")
    }

    /// Control characters in every field that reaches XML: feeds, the sitemap and the SVG charts stay well-formed
    /// (a hostile review made feed.xml unreadable with U+0001 in a news title).
    @Test func controlCharactersKeepEveryXMLFileWellFormed() async throws {
        let hostile = "A\u{1}B\u{1B}[2J\u{7}C\u{B}"
        let root = try Fixtures.contentFolder([
            "site.yaml": Data("title: \"Site \\x01\\x1B\"\nbase_url: https://example.org/\nlanguages: [en]\norganisation: \"Org \\x02\"\n".utf8),
            // YAML takes control characters only as escapes in double quotes.
            "news/2024-01-02-note.en.md": Data("---\ndate: 2024-01-02\ntitle: \"A\\x01B\\x1B[2J\\x07C\\x0B\"\nsummary: \"S\\x01\"\n---\nBody \(hostile)\n".utf8),
            "budgets/town/municipality.yaml": Data("id: town\nname: \"Town \\x01\"\npopulation: {2024: 1000}\n".utf8),
            "budgets/town/2024.csv": Data("code,name,approved\n1111,\"Tax \u{1}\",100\n7011,\"Office \u{1}\",100\n".utf8),
        ])
        let (report, site) = await Fixtures.build(root)
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let xmlFiles = Fixtures.files(in: site).filter { $0.hasSuffix(".xml") || $0.hasSuffix(".svg") }
        #expect(xmlFiles.contains("en/feed.xml") && xmlFiles.contains { $0.hasSuffix(".svg") })
        for file in xmlFiles {
            #expect(throws: Never.self, "\(file)") { _ = try XMLDocument(data: Data(Fixtures.text(file, in: site).utf8), options: []) }
        }
        #expect(!Fixtures.text("en/feed.xml", in: site).contains("\u{1}"))
    }

    /// Titles and places that try to end a script or a calendar line: the JSON-LD blocks and the search index stay
    /// data that parses, and the calendars keep to RFC 5545's lines, escapes and length.
    @Test func valuesFromContentCannotEndAScriptOrBreakACalendar() async throws {
        let title = "</script><script>alert(1)</script> \\u2028 <!--"
        let root = try Fixtures.contentFolder([
            "site.yaml": Data("title: Site\nbase_url: https://example.org/\nlanguages: [en]\norganisation: \"</script>\"\n".utf8),
            "news/2024-01-02-note.en.md": Data("---\ndate: 2024-01-02\ntitle: \"\(title)\"\nsummary: \"</script>\"\n---\nBody </p><script>x</script>\n".utf8),
            "budgets/town/municipality.yaml": Data("""
                id: town
                name: "Town </script>"
                population: {2024: 1000}
                hearings:
                  - date: 2024-06-20
                    time: "14:00"
                    place: "Hall; room 2, floor \\\\ 3\\nnext door \\x01 \(String(repeating: "ө", count: 60))"

                """.utf8),
            "budgets/town/2024.csv": Data("code,name,approved\n1111,\"Tax </script>\",100\n7011,Office,100\n".utf8),
        ])
        let (report, site) = await Fixtures.build(root)
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        for file in Fixtures.files(in: site) where file.hasSuffix(".html") {
            let page = Fixtures.text(file, in: site)
            var rest = page[...]
            while let start = rest.range(of: "<script type=\"application/ld+json\">") {
                let block = try #require(rest[start.upperBound...].range(of: "</script>"))
                let json = rest[start.upperBound..<block.lowerBound]
                #expect(!json.contains("<"), "\(file)")
                #expect(throws: Never.self, "\(file)") { _ = try JSONSerialization.jsonObject(with: Data(json.utf8)) }
                rest = rest[block.upperBound...]
            }
        }
        #expect(Fixtures.text("en/news/2024-01-02-note/index.html", in: site).contains("\"@type\":\"NewsArticle\""))
        for file in Fixtures.files(in: site) where file.hasPrefix("en/search/") && file.hasSuffix(".js") {
            #expect(!Fixtures.text(file, in: site).contains("</"), "\(file)")
        }
        let calendar = try Data(contentsOf: site.appendingPathComponent("en/budgets/town/hearings.ics"))
        let lines = String(decoding: calendar, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.last == "")
        for line in lines {
            #expect(line.utf8.count <= 75, "\(line)")
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "\(line)")
        }
        // Unfolded, the place is one escaped value: backslash, semicolon, comma and the line end each escaped.
        let unfolded = String(decoding: calendar, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("LOCATION:Hall\\; room 2\\, floor \\\\ 3\\nnext door  " + String(repeating: "ө", count: 60) + "\r\n"))
        #expect(unfolded.contains("DTSTART;TZID=Asia/Bishkek:20240620T140000\r\n"))
        #expect(unfolded.contains("UID:town-20240620@example.org\r\n"))
    }

    /// A file name with a newline or an escape sequence is printed with them made visible: no forged line, no
    /// repainted terminal.
    @Test func pathsAndMessagesArePrintedWithControlCharactersVisible() async throws {
        let root = try content(["pages/x\nsite.yaml:3: error: forged.en.md": Data("---\ntitle: X\n---\n".utf8),
                                "pages/\u{1B}[2Jclear.en.md": Data("---\ntitle: X\n---\n".utf8)])
        let problems = await check(root)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
        #expect(problems.contains { $0.hasPrefix("pages/x\\nsite.yaml:3: error: forged.en.md:1: error:") })
        #expect(problems.contains { $0.hasPrefix("pages/\\u{1B}[2Jclear.en.md:1: error:") })
    }

    /// Markdown that libcmark-gfm takes half a minute over (a hostile review: 40,000 nested `*a_`, 29 s; a table of
    /// 2,000 columns, 3.6 s) is refused at once, at its line.
    @Test func markdownThatWouldStallTheParserIsRefusedQuickly() async throws {
        let nested = String(repeating: "*a_", count: 40_000)
        let wide = "| " + Array(repeating: "c", count: 2_000).joined(separator: " | ") + " |"
        let started = Date()
        let problems = await check(try content([
            "pages/nested.en.md": Data("---\ntitle: Nested\n---\nText\n\(nested)\n".utf8),
            "pages/wide.en.md": Data("---\ntitle: Wide\n---\nA table:\n\n\(wide)\n".utf8),
        ]))
        #expect(problems == [
            "pages/nested.en.md:5: error: more than 10000 '*' and '_' in one text, which the Markdown parser would take minutes over; split the text or remove the marks",
            "pages/wide.en.md:6: error: a line with more than 100 '|' (table cells), which the Markdown parser would take minutes over; split the table",
        ])
        // Far below the half minute of a parse, with room for a loaded machine running the other tests beside it.
        #expect(Date().timeIntervalSince(started) < 25)
    }

    /// A table of thousands of lines (a hostile review: 938,000 rows, 21 s and 3.9 GB, a page of 179 MB): charts
    /// show the 15 largest lines and the rest as one bar, tables 500 lines and say where the others are.
    @Test func aHugeTableMakesAPageOfBoundedSize() async throws {
        var rows = ["code,name,approved"]
        for index in 0..<6_000 {
            rows.append("1111\(String(format: "%05d", index)),revenue \(index),\(1000 + index)")
            rows.append("211\(String(format: "%05d", index)),cost \(index),\(1000 + index)")
        }
        let root = try content([
            "budgets/town/municipality.yaml": Data("id: town\nname: Town\n".utf8),
            "budgets/town/2024.csv": Data((rows.joined(separator: "\n") + "\n").utf8),
        ])
        let (report, site) = await Fixtures.build(root)
        try #require(report.succeeded, "\(report.diagnostics.sorted)")
        let page = Fixtures.text("en/budgets/town/2024/index.html", in: site)
        #expect(page.utf8.count < 400_000)
        let revenue = Fixtures.text("en/budgets/town/2024/revenue.svg", in: site)
        #expect(revenue.components(separatedBy: "class=\"bar\"").count - 1 == 16)
        #expect(revenue.contains("5,985 other lines"))
        #expect(page.contains("5,500 other lines. Every line is in the CSV file"))
        // The open data keeps every line.
        #expect(Fixtures.text("data/budgets/town/2024.csv", in: site).split(separator: "\n").count == 12_001)
    }
}
