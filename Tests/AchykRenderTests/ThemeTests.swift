import AchykModel
@testable import AchykRender
import AchykTheme
import Foundation
import Testing

@Suite struct ThemeTests {
    static let themeFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes/default")

    @Test func theBuiltInThemeIsTheDefaultThemeFolder() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.themeFolder.path).filter { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.themeFolder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }
        #expect(Set(files) == Set(EmbeddedTheme.files.keys), "run scripts/embed-theme.py (make does it)")
        for file in files {
            let text = try String(contentsOf: Self.themeFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(EmbeddedTheme.files[file] == text, "\(file) differs from its embedded copy; run scripts/embed-theme.py")
        }
    }

    @Test func theDefaultThemeLoadsWithoutProblems() {
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(Self.themeFolder, displayPath: "Themes/default"), languages: [.ky, .ru, .en], reporting: &diagnostics)
        #expect(theme != nil)
        #expect(diagnostics.all.isEmpty)
        #expect(theme?.strings[.ky]?.months.count == 12)
    }

    @Test func aKeyATranslationLacksIsAWarningNamingTheKeyAndFile() throws {
        let folder = try copyOfTheme()
        let enFile = folder.appendingPathComponent("i18n/en.yaml")
        try (String(contentsOf: enFile, encoding: .utf8) + "\nour_motto: \"Open books\"\n").write(to: enFile, atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky, .ru, .en], reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "theme/i18n/ky.yaml:1: warning: UI string 'our_motto' is missing here (it is in en.yaml); readers see the English one",
            "theme/i18n/ru.yaml:1: warning: UI string 'our_motto' is missing here (it is in en.yaml); readers see the English one",
        ])
        #expect(theme?.strings[.ru]?.text("our_motto") == "Open books")
    }

    /// A theme holds only what it changes: a key it leaves out is the built-in theme's, in the same language.
    @Test func aThemeChangesOnlyTheStringsItNames() throws {
        let folder = try copyOfTheme()
        let ruFile = folder.appendingPathComponent("i18n/ru.yaml")
        let text = try String(contentsOf: ruFile, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("go_home:") }.joined(separator: "\n").write(to: ruFile, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("i18n/ky.yaml"))
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky, .ru, .en], reporting: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.sorted)")
        #expect(theme?.strings[.ru]?.text("go_home") == "На главную")
        #expect(theme?.strings[.ky]?.months.count == 12)
    }

    @Test func anUnknownFileOrAnOldTemplateIsAWarningAtItsPath() throws {
        let folder = try copyOfTheme()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "{{<base}}".write(to: folder.appendingPathComponent("templates/page.mustache"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "<p>".write(to: folder.appendingPathComponent("snippets-typo.html"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        #expect(Theme.load(.folder(folder, displayPath: "theme"), languages: [.en], reporting: &diagnostics) != nil)
        #expect(diagnostics.sorted.map(\.location.path) == ["theme/notes.txt", "theme/snippets-typo.html", "theme/templates/page.mustache"])
        #expect(diagnostics.all.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.sorted.last?.message.contains("templates are no longer part of a theme") == true)
    }

    @Test func aSnippetThatIsNotWellFormedIsAWarningAtItsLineAndIsLeftOut() throws {
        let folder = try copyOfTheme()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("snippets"), withIntermediateDirectories: true)
        try "<p>Funded by\n<a href=\"x\">us</p>\n".write(to: folder.appendingPathComponent("snippets/footer.html"), atomically: true, encoding: .utf8)
        try "<link rel=\"icon\" href=\"/favicon.ico\">\n".write(to: folder.appendingPathComponent("snippets/head.html"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.en], reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "theme/snippets/footer.html:2: warning: snippet is not well-formed HTML: </p> where <a> from line 2 must be closed first; it is left out"
        ])
        #expect(theme?.snippets.footer == "")
        #expect(theme?.snippets.head == "<link rel=\"icon\" href=\"/favicon.ico\">\n")
    }

    @Test(arguments: [
        ("<div><p>a</div>", 1, "</div> where <p> from line 1 must be closed first"),
        ("<div>\n<span>", 2, "<span> is not closed"),
        ("</p>", 1, "</p> closes nothing"),
        ("<a href=\"x>y</a>", 1, "an attribute value of <a> has no closing quote"),
        ("<!-- note", 1, "a comment is not closed (-->)"),
        ("1 < 2", 1, "'<' that starts no tag; write &lt; for a less-than sign"),
        ("<script>if (a < b) {}</script>", 0, ""),
        ("<br><img src=\"a.png\" alt=\"\"><hr/><p>ok</p><!-- c -->", 0, ""),
        // Found by a hostile review: each of these passed and broke every page.
        ("<b/>text", 1, "<b/> does not close <b> in HTML; write <b></b>"),
        ("<script src=\"https://example.org/a.js\"/>", 1, "<script/> does not close <script> in HTML; write <script></script>"),
        ("<!--><script>-->", 1, "<script> is not closed"),
        ("<title><!--</title><style>--></title>", 1, "<style> is not closed"),
        ("<textarea><div></textarea>", 0, ""),
        ("<p>\n<plaintext></plaintext>", 2, "<plaintext> turns the rest of every page into text"),
        ("<svg viewBox=\"0 0 1 1\"><circle r=\"1\"/></svg>", 0, ""),
    ])
    func snippetCheckFindsTheFirstProblem(html: String, line: Int, message: String) {
        let problem = SnippetCheck.problem(in: html)
        #expect(problem == (line == 0 ? nil : SnippetCheck.Problem(line: line, message: message)))
    }

    /// In `<head>`, text or a body element ends the head: what follows lands in the body.
    @Test(arguments: [
        ("<meta name=\"x\" content=\"y\">\n<link rel=\"icon\" href=\"/i.png\">\n<!-- c -->\n", 0, ""),
        ("<meta name=\"x\" content=\"y\">\nVerified", 2, "text in head.html ends the page's <head>; put only head elements there (meta, link, script, style)"),
        ("<div>banner</div>", 1, "<div> in head.html ends the page's <head>; put only head elements there (meta, link, script, style)"),
    ])
    func aHeadSnippetHoldsOnlyHeadElements(html: String, line: Int, message: String) {
        #expect(SnippetCheck.problem(in: html, inHead: true) == (line == 0 ? nil : SnippetCheck.Problem(line: line, message: message)))
    }

    @Test func aByteOrderMarkIsDroppedFromASnippet() throws {
        let folder = try copyOfTheme()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("snippets"), withIntermediateDirectories: true)
        try Data([0xEF, 0xBB, 0xBF] + Array("<meta name=\"v\" content=\"1\">\n".utf8)).write(to: folder.appendingPathComponent("snippets/head.html"))
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.en], reporting: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.sorted)")
        #expect(theme?.snippets.head == "<meta name=\"v\" content=\"1\">\n")
    }

    /// A theme that changes one plural form keeps the others; an oblast name changed in one language leaves
    /// the built-in names of the others (found by a hostile review: "5 100 residents" on a Russian page).
    @Test func partialPluralsAndNameOverridesFillFromTheSameLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try "residents: {one: \"{n} житель\"}\n".write(to: folder.appendingPathComponent("i18n/ru.yaml"), atomically: true, encoding: .utf8)
        try "oblast.chui: \"Chuy Region\"\n".write(to: folder.appendingPathComponent("i18n/en.yaml"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let theme = try #require(Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky, .ru, .en], reporting: &diagnostics))
        #expect(diagnostics.all.isEmpty, "\(diagnostics.sorted)")
        let ru = Localizer(language: .ru, strings: try #require(theme.strings[.ru]))
        #expect(ru.counted("residents", 1) == "1 житель")
        #expect(ru.counted("residents", 5100) == Localizer(language: .ru, strings: try #require(Self.builtIn(.ru))).counted("residents", 5100))
        #expect(theme.strings[.en]?.texts["oblast.chui"] == "Chuy Region")
        #expect(theme.strings[.ky]?.texts["oblast.chui"] == nil)
    }

    @Test func hiddenFilesAreSkippedAndSymbolicLinksAreWarnedOf() throws {
        let folder = try copyOfTheme()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent(".git/objects/ab"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("assets/.DS_Store"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("assets/passwd").path, withDestinationPath: "/etc/passwd")
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.en], reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "theme/assets/passwd:1: warning: a symbolic link in a theme is not followed; copy the file into the theme instead"
        ])
        #expect(theme?.assets.keys.contains { $0.contains(".DS_Store") || $0.contains("passwd") } == false)
    }

    static func builtIn(_ language: Language) -> UIStrings? {
        var diagnostics = Diagnostics()
        return Theme.load(.builtIn, languages: [.ky, .ru, .en], reporting: &diagnostics)?.strings[language]
    }

    private func copyOfTheme() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.themeFolder, to: folder)
        return folder
    }
}
