import AchykContent
import Foundation
import Testing

/// Every input under Tests/Fixtures/fuzz/<target>/ — found by `make fuzz` or written by hand — goes through its
/// target again; each must return without a crash.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static func inputs(_ target: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).sorted()
    }

    static let targets: [String: @Sendable (UnsafeRawBufferPointer) -> Void] = [
        "front-matter": FuzzEntryPoints.splitFrontMatter,
        "page": FuzzEntryPoints.readPage,
        "site-yaml": FuzzEntryPoints.readSiteSettings,
        "budget-csv": FuzzEntryPoints.readBudgetCSV,
        "workbook": FuzzEntryPoints.readWorkbook,
        "amount": FuzzEntryPoints.parseAmount,
        "municipality": FuzzEntryPoints.readMunicipality,
        "names": FuzzEntryPoints.readNames,
    ]

    @Test func everyTargetHasRegressionInputs() {
        for target in Self.targets.keys {
            #expect(!Self.inputs(target).isEmpty, "Tests/Fixtures/fuzz/\(target) is empty")
        }
    }

    @Test(arguments: targets.keys.sorted().flatMap { target in inputs(target).map { "\(target)/\($0)" } })
    func replays(input: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(input))
        let target = try #require(Self.targets[String(input.prefix { $0 != "/" })])
        data.withUnsafeBytes { target($0) }
    }
}
