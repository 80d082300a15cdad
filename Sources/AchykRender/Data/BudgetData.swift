import AchykBudget
import AchykModel
import Foundation

/// The open data of the budgets (content contract, "Data written for each municipality and year"): a JSON of the
/// figures and the normalized table for each year, and a Frictionless Data Package describing them all.
struct BudgetData {
    let settings: SiteSettings

    // MARK: - JSON of a year's figures

    func json(_ year: BudgetYear, of municipality: MunicipalityFigures) -> String {
        var members: [(String, JSONValue)] = [
            ("municipality", .string(year.municipality)),
            ("year", .integer(year.year)),
            ("currency", .string("KGS")),
            ("population", .integer(year.population)),
        ]
        for column in [BudgetColumn.approved, .executed, .revised] {
            members.append((column.rawValue, year.figures[column].map { figures(year, $0, column) } ?? .null))
        }
        members.append(("warnings", .array(year.warnings.map { .string($0.description) })))
        // Additions the contract allows; readers ignore keys they do not know.
        members.append(("sample", .bool(municipality.municipality.isSample)))
        members.append(("status", .string(year.isDraft ? "draft" : "executed")))
        members.append(("execution_rate", year.executionRates.map { rates in
            .object([
                ("revenue", .fraction(rates.revenue)),
                ("expenditure", .fraction(rates.expenditure)),
                ("by_function", .object(year.functions.map { ($0, .fraction(rates.byFunction[$0] ?? nil)) })),
            ])
        } ?? .null))
        members.append(("change", municipality.change(for: year).map(change) ?? .null))
        members.append(("unit_in_source", .string(year.unit.rawValue)))
        members.append(("not_published", .array(year.notPublished.sorted().map { .string($0.rawValue) })))
        members.append(("source", municipality.municipality.sources[year.year].map { source in
            .object([
                ("title", .string(source.title.resolved(in: settings.defaultLanguage, order: settings.languages)?.text ?? "")),
                ("url", source.url.map(JSONValue.string) ?? .null),
                ("as_of", source.asOf.map { .string($0.description) } ?? .null),
            ])
        } ?? .null))
        return JSONValue.object(members).serialized() + "\n"
    }

    private func figures(_ year: BudgetYear, _ figures: ColumnFigures, _ column: BudgetColumn) -> JSONValue {
        .object([
            ("revenue", .amount(figures.revenue)),
            ("own_revenue", .amount(figures.ownRevenue)),
            ("transfers", .amount(figures.transfers)),
            ("expenditure", .amount(figures.expenditure)),
            ("balance", .amount(figures.balance)),
            ("revenue_per_resident", .amount(figures.revenuePerResident)),
            ("expenditure_per_resident", .amount(figures.expenditurePerResident)),
            ("by_function", .object(year.functions.map { ($0, .amount(figures.byFunction[$0] ?? .zero)) })),
            ("transfers_share", .fraction(figures.transfersShare)),
            ("function_shares", .object(year.functions.map { ($0, .fraction(figures.share(of: $0))) })),
            ("economic", .object(year.economicLines.map { ($0.code, .amount($0[column])) })),
        ])
    }

    private func change(_ change: YearChange) -> JSONValue {
        let column = change.column
        guard let before = change.previous.figures[column], let now = change.current.figures[column] else { return .null }
        func difference(_ a: Amount?, _ b: Amount?) -> JSONValue {
            guard let a, let b else { return .null }
            return .amount(b - a)
        }
        return .object([
            ("previous_year", .integer(change.previous.year)),
            ("column", .string(column.rawValue)),
            ("revenue", difference(before.revenue, now.revenue)),
            ("expenditure", difference(before.expenditure, now.expenditure)),
            ("revenue_per_resident", difference(before.revenuePerResident, now.revenuePerResident)),
            ("expenditure_per_resident", difference(before.expenditurePerResident, now.expenditurePerResident)),
            ("by_function", .object(Set(change.previous.functions + change.current.functions).sorted().map {
                ($0, difference(before.byFunction[$0] ?? .zero, now.byFunction[$0] ?? .zero))
            })),
        ])
    }

    // MARK: - Normalized CSV

    static let csvHeader = ["code", "name_ky", "name_ru", "name_en", "approved", "revised", "executed"]

    /// RFC 4180, UTF-8 without BOM, LF line ends; amounts as plain numbers, absent cells empty. The columns are the
    /// contract's, exactly, for a sample too: its flag is in the JSON and in the data package that describes the file.
    /// Written as it is made: a table of hundreds of thousands of lines was its whole CSV in memory.
    func csvStream(_ year: BudgetYear) -> ByteStream {
        ByteStream { write in try Self.csv(year, piece: 1 << 18, write) }
    }

    /// Hands `write` pieces of about `piece` bytes.
    static func csv(_ year: BudgetYear, piece: Int, _ write: (Data) throws -> Void) throws {
        var data = Data()
        data.reserveCapacity(piece + 4096)
        data.append(contentsOf: (csvHeader.joined(separator: ",") + "\n").utf8)
        for line in year.lines {
            var text = csvCell(line.code)
            let label = line.label
            for language in [Language.ky, .ru, .en] {
                text += ","
                text += csvCell(neutralised(label[language] ?? ""))
            }
            // Plain numbers need no quotes.
            for column in [BudgetColumn.approved, .revised, .executed] {
                text += ","
                if let amount = line[column] { text += amount.plainSom }
            }
            text += "\n"
            data.append(contentsOf: text.utf8)
            if data.count >= piece {
                try write(data)
                data.removeAll(keepingCapacity: true)
            }
        }
        if !data.isEmpty { try write(data) }
    }

    /// A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd`, `@SUM(…)`, `-2+3`) gets an
    /// apostrophe in front, as OWASP advises for CSV files: the spreadsheet then shows it as text. A number is left
    /// alone. The data package's description says so.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if first == "-" || first == "+", Double(text.trimmingCharacters(in: .whitespaces)) != nil { return text }
        return "'" + text
    }

    /// A cell quoted when it holds a comma, a quote or a line break (bytes, so that a CR LF inside counts too).
    static func csvCell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Data package

    /// A Frictionless Data Package (v1) describing every table and figures file, with the site's licence.
    func dataPackage(_ budgets: [MunicipalityFigures]) -> String {
        let language = settings.defaultLanguage
        var members: [(String, JSONValue)] = [
            ("profile", .string("data-package")),
            ("name", .string("local-budgets")),
            ("title", .string(settings.title.resolved(in: language, order: settings.languages)?.text ?? "Local budgets")),
            ("description", .string(Self.packageDescription)),
        ]
        if let licence = settings.dataLicence {
            var entry: [(String, JSONValue)] = [("name", .string(licence))]
            if let path = Self.licencePaths[licence] { entry.append(("path", .string(path))) }
            members.append(("licenses", .array([.object(entry)])))
        }
        if let publisher = settings.organisation.resolved(in: language, order: settings.languages)?.text {
            members.append(("contributors", .array([.object([("title", .string(publisher)), ("role", .string("publisher"))])])))
        }
        var resources: [JSONValue] = []
        for municipality in budgets {
            let name = municipality.municipality.name.resolved(in: .en, order: settings.languages)?.text ?? municipality.id
            let sample = municipality.municipality.isSample
            let fields = Self.csvHeader
            for year in municipality.years {
                let base = "\(municipality.id)-\(year.year)"
                var described: [(String, JSONValue)] = []
                if sample { described.append(("description", .string(Self.sampleDescription))) }
                resources.append(.object([
                    ("name", .string(base)),
                    ("title", .string(sample ? "\(name) \(year.year) (sample)" : "\(name) \(year.year)")),
                ] + described + [
                    ("path", .string("budgets/\(municipality.id)/\(year.year).csv")),
                    ("profile", .string("tabular-data-resource")),
                    ("format", .string("csv")),
                    ("mediatype", .string("text/csv")),
                    ("encoding", .string("utf-8")),
                    ("schema", .object([
                        ("fields", .array(fields.map { field in
                            .object([
                                ("name", .string(field)),
                                ("type", .string(["approved", "revised", "executed"].contains(field) ? "number" : "string")),
                            ])
                        })),
                        ("primaryKey", .array([.string("code")])),
                    ])),
                ]))
                resources.append(.object([
                    ("name", .string("\(base)-figures")),
                    ("title", .string(sample ? "\(name) \(year.year): figures (sample)" : "\(name) \(year.year): figures")),
                ] + described + [
                    ("path", .string("budgets/\(municipality.id)/\(year.year).json")),
                    ("format", .string("json")),
                    ("mediatype", .string("application/json")),
                    ("encoding", .string("utf-8")),
                ]))
            }
        }
        members.append(("resources", .array(resources)))
        if budgets.contains(where: \.municipality.isSample) {
            members[3] = ("description", .string(Self.packageDescription + " " + Self.sampleDescription))
        }
        return JSONValue.object(members).serialized() + "\n"
    }

    static let packageDescription = "Local budgets by budget classification code, in som, one table per municipality and year, "
        + "with the figures computed from each (totals, shares, per resident). A label that begins with =, +, -, @, "
        + "a tab or a carriage return starts with an apostrophe (') in the tables, so that a spreadsheet does not run it as a formula."

    static let sampleDescription = "SAMPLE: the figures of a municipality marked as a sample are invented to show how a citizen "
        + "budget looks; they are not any real municipality's budget."

    /// Where the common open licences are published.
    static let licencePaths = [
        "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
        "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
    ]
}
