import Foundation
import AchykModel

/// Entry points for the fuzz executable (`make fuzz`): each takes arbitrary bytes, as a hostile file would give
/// them, and must return without crashing, hanging or growing without bound.
package enum FuzzEntryPoints {
    /// The front-matter splitter alone.
    package static func splitFrontMatter(_ bytes: UnsafeRawBufferPointer) {
        _ = FrontMatterSplitter.split(String(decoding: bytes, as: UTF8.self))
    }

    /// A whole Markdown file as the loader reads it: decoding, letters, front matter, YAML and typed keys.
    package static func readPage(_ bytes: UnsafeRawBufferPointer) {
        var diagnostics = Diagnostics()
        let settings = SiteSettings(title: LocalizedText([.ky: "T"]), baseURL: "https://example.org/", languages: [.ky, .ru, .en])
        guard let text = TextDecoding.utf8Text(Data(bytes), path: "handbook/01-fuzz.ky.md", reporting: &diagnostics) else { return }
        LetterCheck.check(text, language: .ky, path: "handbook/01-fuzz.ky.md", reporting: &diagnostics)
        let name = PageFileName(stem: "01-fuzz", language: .ky)
        _ = PageReader(settings: settings).read(text, path: "handbook/01-fuzz.ky.md", kind: .caseStudy, name: name, reporting: &diagnostics)
    }

    /// site.yaml.
    package static func readSiteSettings(_ bytes: UnsafeRawBufferPointer) {
        var diagnostics = Diagnostics()
        guard let text = TextDecoding.utf8Text(Data(bytes), path: "site.yaml", reporting: &diagnostics) else { return }
        _ = SiteSettingsReader().read(text, reporting: &diagnostics)
    }

    /// A budget CSV as the loader reads it: size, encoding, delimiter and header detection, every row and amount.
    package static func readBudgetCSV(_ bytes: UnsafeRawBufferPointer) {
        var diagnostics = Diagnostics()
        _ = BudgetCSVReader(path: "budgets/fuzz/2023.csv", municipality: "fuzz", year: 2023).read(Data(bytes), reporting: &diagnostics)
    }

    /// An .xlsx workbook as the loader reads it: the zip container, its parts' limits, the XML, the cells, then the
    /// table.
    package static func readWorkbook(_ bytes: UnsafeRawBufferPointer) {
        guard let sheet = try? WorkbookReader.read(data: Data(bytes), sheet: nil) else { return }
        var diagnostics = Diagnostics()
        _ = BudgetCSVReader(path: "budgets/fuzz/2023.xlsx", municipality: "fuzz", year: 2023, sheet: sheet.name).read(rows: sheet.rows, reporting: &diagnostics)
    }

    /// One amount cell, as UTF-8 text.
    package static func parseAmount(_ bytes: UnsafeRawBufferPointer) {
        _ = AmountParser.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// municipality.yaml.
    package static func readMunicipality(_ bytes: UnsafeRawBufferPointer) {
        var diagnostics = Diagnostics()
        let settings = SiteSettings(title: LocalizedText([.ky: "T"]), baseURL: "https://example.org/", languages: [.ky, .ru, .en])
        guard let text = TextDecoding.utf8Text(Data(bytes), path: "budgets/fuzz/municipality.yaml", reporting: &diagnostics) else { return }
        _ = MunicipalityReader(settings: settings, folder: "fuzz").read(text, reporting: &diagnostics)
    }

    /// names.yaml, then the table it gives over a fixed Kyrgyz text, and the input as a record's text checked with a
    /// fixed table: the table's reader, its matching and the record scan all see hostile bytes.
    package static func readNames(_ bytes: UnsafeRawBufferPointer) {
        var diagnostics = Diagnostics()
        let text = String(decoding: bytes, as: UTF8.self)
        let names = NamesReader().read(text, reporting: &diagnostics)
        names.check("ALGA уюму Иссык-Атада, Jerkazar айылы.\nЖер-Казар", language: .ky, path: "pages/a.ky.md", reporting: &diagnostics)
        fixedNames.check(text, language: .ru, path: "pages/a.ru.md", reporting: &diagnostics)
        fixedNames.checkRecord(text, path: "partnerships/a.yaml", reporting: &diagnostics)
    }

    private static let fixedNames: NameCheck = {
        var diagnostics = Diagnostics()
        return NamesReader().read("- {en: Jer-Kazar, ru: Жер-Казар, ky: Жер-Казар, wrong: [Jerkazar]}\n- {en: Issyk-Ata, ru: Иссык-Ата, ky: Ысык-Ата}\n", reporting: &diagnostics)
    }()
}
