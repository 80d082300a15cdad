import AchykModel
import Dispatch
import Foundation

/// The files found under `budgets/`, sorted by municipality folder.
struct BudgetFiles {
    struct Folder {
        var hasMunicipality = false
        /// CSV path by year.
        var tables: [Int: String] = [:]
    }

    private(set) var folders: [String: Folder] = [:]
    /// Commentary paths with their folder and the year their name starts with.
    private(set) var commentaries: [(path: String, folder: String, year: Int?)] = []

    /// Files a CSO may leave beside its tables, which are not content.
    private static let spreadsheetExtensions: Set<String> = ["xlsx", "xls", "ods"]

    /// Sorts one file under `budgets/`; returns the path when it is a commentary, read as a Markdown page.
    mutating func add(_ path: String, components: [String], reporting diagnostics: inout Diagnostics) -> String? {
        let location = SourceLocation(path)
        let name = components.last ?? ""
        let ext = (name as NSString).pathExtension.lowercased()
        if Self.spreadsheetExtensions.contains(ext) {
            diagnostics.warning("spreadsheets are not read; save this sheet as CSV (UTF-8, or Windows-1251) in the same folder, named after its year (2023.csv)", at: location)
            return nil
        }
        guard components.count == 3 else {
            diagnostics.warning("budget files go in one folder per municipality: budgets/<municipality>/<year>.csv and municipality.yaml; this file is not read", at: location)
            return nil
        }
        let folder = components[1]
        guard Identifier.isValid(folder) else {
            diagnostics.error("the municipality folder '\(folder)' may hold only lowercase letters a-z, digits and hyphens", at: location)
            return nil
        }
        switch ext {
        case "yaml" where name == "municipality.yaml":
            folders[folder, default: Folder()].hasMunicipality = true
        case "csv":
            let stem = String(name.dropLast(4))
            guard stem.count == 4, let year = Int(stem), MunicipalityReader.years.contains(year) else {
                diagnostics.error("a budget table is named after its fiscal year, as in 2023.csv", at: location)
                return nil
            }
            // 2025.csv and 2025.CSV are two tables for one year: which one is the budget is for the editor to say.
            if let other = folders[folder]?.tables[year] {
                diagnostics.error("two tables for \(year): \(other) and \(path); keep one", at: SourceLocation(max(other, path)))
                return nil
            }
            folders[folder, default: Folder()].tables[year] = path
        case "md":
            folders[folder, default: Folder()] = folders[folder] ?? Folder()
            commentaries.append((path, folder, Int(name.prefix(4))))
            return path
        default:
            diagnostics.warning("a municipality folder holds municipality.yaml, <year>.csv and <year>.<lang>.md; this file is not read", at: location)
        }
        return nil
    }
}

private enum BudgetWork: Sendable { case municipality(String), table(String, Int, String) }
private enum LoadedBudgetFile: Sendable { case municipality(Municipality?), table(BudgetTable?) }

extension ContentLoader {
    /// Reads every municipality and its tables, each file on its own core.
    func loadBudgets(_ files: BudgetFiles, settings: SiteSettings, names: NameCheck = .none, reporting diagnostics: inout Diagnostics) -> [MunicipalityBudgets] {
        for commentary in files.commentaries {
            guard let year = commentary.year, files.folders[commentary.folder]?.tables[year] == nil else { continue }
            diagnostics.warning("there is no budget table budgets/\(commentary.folder)/\(year).csv for this commentary; it is not shown", at: SourceLocation(commentary.path))
        }
        var queue: [BudgetWork] = []
        for (folder, contents) in files.folders.sorted(by: { $0.key < $1.key }) {
            guard contents.hasMunicipality else {
                if !contents.tables.isEmpty {
                    diagnostics.error("budgets/\(folder)/ has no municipality.yaml; add one with the municipality's id, name and population", at: SourceLocation("budgets/\(folder)/municipality.yaml"))
                }
                continue
            }
            queue.append(.municipality(folder))
            queue += contents.tables.sorted { $0.key < $1.key }.map { .table(folder, $0.key, $0.value) }
        }
        let work = queue
        let results = Locked<[(LoadedBudgetFile, Diagnostics)?]>(Array(repeating: nil, count: work.count))
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            var fileDiagnostics = Diagnostics()
            let loaded: LoadedBudgetFile
            switch work[index] {
            case .municipality(let folder):
                let reader = MunicipalityReader(settings: settings, folder: folder)
                let text = readText(at: contentFolder.appendingPathComponent(reader.path), path: reader.path, reporting: &fileDiagnostics)
                if let text { names.checkRecord(text, path: reader.path, reporting: &fileDiagnostics) }
                loaded = .municipality(text.flatMap { reader.read($0, reporting: &fileDiagnostics) })
            case .table(let folder, let year, let path):
                let reader = BudgetCSVReader(path: path, municipality: folder, year: year)
                loaded = .table(reader.read(fileAt: contentFolder.appendingPathComponent(path), reporting: &fileDiagnostics))
            }
            results.withLock { $0[index] = (loaded, fileDiagnostics) }
        }
        var budgets: [MunicipalityBudgets] = []
        var current: Municipality?
        var tables: [BudgetTable] = []
        func finish() {
            if let current { budgets.append(MunicipalityBudgets(municipality: current, tables: tables)) }
            current = nil
            tables = []
        }
        for case let (loaded, fileDiagnostics)? in results.withLock({ $0 }) {
            diagnostics.append(contentsOf: fileDiagnostics)
            switch loaded {
            case .municipality(let municipality):
                finish()
                current = municipality
            case .table(let table):
                if let table { tables.append(table) }
            }
        }
        finish()
        return budgets
    }
}
