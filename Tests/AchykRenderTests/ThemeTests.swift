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
    ])
    func snippetCheckFindsTheFirstProblem(html: String, line: Int, message: String) {
        let problem = SnippetCheck.problem(in: html)
        #expect(problem == (line == 0 ? nil : SnippetCheck.Problem(line: line, message: message)))
    }

    private func copyOfTheme() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.themeFolder, to: folder)
        return folder
    }
}
