import AchykModel
import AchykPipeline
import AchykRender
import Foundation

/// Paths of the repository's test fixtures and a way to build them into a fresh folder.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/Fixtures")
    static let golden = repository.appendingPathComponent("Tests/Golden")
    static let theme = ThemeSource.folder(repository.appendingPathComponent("Themes/default"), displayPath: "Themes/default")

    static func content(_ name: String) -> URL { folder.appendingPathComponent("\(name)/Content") }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("achyk-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new content folder holding `files` (paths relative to it).
    static func contentFolder(_ files: [String: Data]) throws -> URL {
        let root = temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// Builds `content` into `output` (a new folder when nil) and returns the report and the output folder.
    /// The day fixture sites are built for, so that "next hearings" never depends on when the tests run.
    static let day = CalendarDate(year: 2024, month: 6, day: 1)

    static func build(
        _ content: URL, into output: URL? = nil, strict: Bool = false, drafts: Bool = false, baseURL: String? = nil,
        now: CalendarDate? = Fixtures.day
    ) async -> (BuildReport, URL) {
        let output = output ?? temporaryFolder().appendingPathComponent("Site")
        let options = BuildOptions(
            contentFolder: content, theme: theme, outputFolder: output, baseURL: baseURL, includesDrafts: drafts, strict: strict, now: now)
        return (await SiteBuilder().build(options), output)
    }

    /// Every file below `folder`, relative to it, sorted.
    static func files(in folder: URL) -> [String] {
        let manager = FileManager.default
        return ((try? manager.subpathsOfDirectory(atPath: folder.path)) ?? []).filter { path in
            var isFolder: ObjCBool = false
            manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted()
    }

    static func text(_ path: String, in folder: URL) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}
