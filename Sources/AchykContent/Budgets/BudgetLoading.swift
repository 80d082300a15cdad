import AchykModel
import Dispatch
import Foundation

/// The files found under `budgets/`, sorted by municipality folder.
struct BudgetFiles {
    struct Folder {
        var hasMunicipality = false
        /// Table path (`.csv` or `.xlsx`) by year.
        var tables: [Int: String] = [:]
    }

    private(set) var folders: [String: Folder] = [:]
    /// Commentary paths with their folder and the year their name starts with.
    private(set) var commentaries: [(path: String, folder: String, year: Int?)] = []

    /// Spreadsheets of other formats a CSO may leave beside its tables, which are not read.
    private static let spreadsheetExtensions: Set<String> = ["xls", "ods", "xlsm"]

    /// Sorts one file under `budgets/`; returns the path when it is a commentary, read as a Markdown page.
    mutating func add(_ path: String, components: [String], reporting diagnostics: inout Diagnostics) -> String? {
        let location = SourceLocation(path)
        let name = components.last ?? ""
        let ext = (name as NSString).pathExtension.lowercased()
        if Self.spreadsheetExtensions.contains(ext) {
            diagnostics.warning("only .xlsx workbooks and CSV files are read; save this sheet as .xlsx (Excel 2007 or later) or as CSV in the same folder, named after its year (2023.xlsx)", at: location)
            return nil
        }
        guard components.count == 3 else {
            diagnostics.warning("budget files go in one folder per municipality: budgets/<municipality>/<year>.csv (or .xlsx) and municipality.yaml; this file is not read", at: location)
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
        case "csv", "xlsx":
            let stem = String(name.dropLast(ext.count + 1))
            guard stem.count == 4, let year = Int(stem), MunicipalityReader.years.contains(year) else {
                diagnostics.error("a budget table is named after its fiscal year, as in 2023.csv or 2023.xlsx", at: location)
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
            diagnostics.warning("a municipality folder holds municipality.yaml, <year>.csv (or <year>.xlsx) and <year>.<lang>.md; this file is not read", at: location)
        }
        return nil
    }
}

private enum BudgetWork: Sendable { case municipality(Int), table(String, Int, String, String?) }
private enum LoadedBudgetFile: Sendable { case municipality(Municipality?), table(BudgetTable?) }

extension ContentLoader {
    /// Reads every municipality and its tables, each file on its own core.
    func loadBudgets(_ files: BudgetFiles, settings: SiteSettings, names: NameCheck = .none, reporting diagnostics: inout Diagnostics) -> [MunicipalityBudgets] {
        for commentary in files.commentaries {
            guard let year = commentary.year, files.folders[commentary.folder]?.tables[year] == nil else { continue }
            diagnostics.warning("there is no budget table budgets/\(commentary.folder)/\(year).csv for this commentary; it is not shown", at: SourceLocation(commentary.path))
        }
        // Municipalities first, then the tables, which need their municipality's sheet name.
        let folders = files.folders.sorted(by: { $0.key < $1.key }).filter { folder, contents in
            if !contents.hasMunicipality, !contents.tables.isEmpty {
                diagnostics.error("budgets/\(folder)/ has no municipality.yaml; add one with the municipality's id, name and population", at: SourceLocation("budgets/\(folder)/municipality.yaml"))
            }
            return contents.hasMunicipality
        }
        let municipalities = Locked<[(Municipality?, Diagnostics)?]>(Array(repeating: nil, count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            var fileDiagnostics = Diagnostics()
            let reader = MunicipalityReader(settings: settings, folder: folders[index].key)
            let text = readText(at: contentFolder.appendingPathComponent(reader.path), path: reader.path, reporting: &fileDiagnostics)
            if let text { names.checkRecord(text, path: reader.path, reporting: &fileDiagnostics) }
            let municipality = text.flatMap { reader.read($0, reporting: &fileDiagnostics) }
            municipalities.withLock { $0[index] = (municipality, fileDiagnostics) }
        }
        let readMunicipalities = municipalities.withLock { $0 }
        var queue: [BudgetWork] = []
        for (index, (folder, contents)) in folders.enumerated() {
            queue.append(.municipality(index))
            let sheet = readMunicipalities[index]?.0?.sheet
            queue += contents.tables.sorted { $0.key < $1.key }.map { .table(folder, $0.key, $0.value, sheet) }
        }
        let work = queue
        let results = Locked<[(LoadedBudgetFile, Diagnostics)?]>(Array(repeating: nil, count: work.count))
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            var fileDiagnostics = Diagnostics()
            let loaded: LoadedBudgetFile
            switch work[index] {
            case .municipality(let number):
                let (municipality, problems) = readMunicipalities[number] ?? (nil, Diagnostics())
                fileDiagnostics = problems
                loaded = .municipality(municipality)
            case .table(let folder, let year, let path, let sheet):
                loaded = .table(readTable(path, municipality: folder, year: year, sheet: sheet, reporting: &fileDiagnostics))
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

    /// A year's table, from CSV or from a workbook's sheet.
    private func readTable(_ path: String, municipality: String, year: Int, sheet: String?, reporting diagnostics: inout Diagnostics) -> BudgetTable? {
        let url = contentFolder.appendingPathComponent(path)
        guard path.lowercased().hasSuffix(".xlsx") else {
            return BudgetCSVReader(path: path, municipality: municipality, year: year).read(fileAt: url, reporting: &diagnostics)
        }
        do {
            let workbook = try WorkbookReader.read(url, sheet: sheet)
            let reader = BudgetCSVReader(path: path, municipality: municipality, year: year, sheet: workbook.name)
            return reader.read(rows: workbook.rows, reporting: &diagnostics)
        } catch {
            diagnostics.error(error.message, at: SourceLocation(path, line: error.row, cell: error.cell))
            return nil
        }
    }
}
