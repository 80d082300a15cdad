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

    @Test func aMissingUIStringIsAWarningNamingTheKeyAndFile() throws {
        let folder = try copyOfTheme()
        let ruFile = folder.appendingPathComponent("i18n/ru.yaml")
        let text = try String(contentsOf: ruFile, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("go_home:") }.joined(separator: "\n").write(to: ruFile, atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        let theme = Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky, .ru, .en], reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "theme/i18n/ru.yaml:1: warning: UI string 'go_home' is missing here (it is in ky.yaml, en.yaml); readers see the English one"
        ])
        #expect(theme?.strings[.ru]?.text("go_home") == "Go to the home page")
    }

    @Test func aTemplateSyntaxErrorIsReportedAtItsLine() throws {
        let folder = try copyOfTheme()
        try "<p>\n{{#items}}\n<li>{{title}}</li>\n{{/wrong}}\n".write(to: folder.appendingPathComponent("templates/section.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        #expect(Theme.load(.folder(folder, displayPath: "theme"), languages: [.ky], reporting: &diagnostics) == nil)
        let problem = try #require(diagnostics.sorted.first { $0.location.path.hasSuffix(".mustache") })
        #expect(problem.location == SourceLocation("theme/templates/section.mustache", line: 4))
        #expect(problem.severity == .error)
    }

    @Test func aMissingTemplateIsAnError() throws {
        let folder = try copyOfTheme()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/404.mustache"))
        var diagnostics = Diagnostics()
        #expect(Theme.load(.folder(folder, displayPath: "theme"), languages: [.en], reporting: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == ["theme/templates:1: error: the theme has no template '404'; add templates/404.mustache"])
    }

    private func copyOfTheme() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.themeFolder, to: folder)
        return folder
    }
}
