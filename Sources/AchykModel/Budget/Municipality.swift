/// What kind of local government a municipality is.
public enum MunicipalityKind: String, CaseIterable, Hashable, Sendable {
    case ayilOkmot = "ayil-okmot"
    case town
    case city
}

/// A public budget hearing announced in municipality.yaml.
public struct Hearing: Hashable, Sendable {
    public enum Stage: String, CaseIterable, Hashable, Sendable {
        case draft, execution
    }

    public let date: CalendarDate
    /// When it starts, `HH:MM` in Bishkek time; nil when not announced.
    public let time: String?
    public let stage: Stage?
    public let place: LocalizedText

    public init(date: CalendarDate, time: String? = nil, stage: Stage?, place: LocalizedText) {
        self.date = date
        self.time = time
        self.stage = stage
        self.place = place
    }

    /// A name for each hearing, stable from build to build: its day and stage (`20261127-draft`), numbered when
    /// two share them. It names the hearing's calendar file and its event.
    public static func names(_ hearings: [Hearing]) -> [String] {
        var seen: [String: Int] = [:]
        return hearings.map { hearing in
            let date = hearing.date
            var name = String(format: "%04d%02d%02d", date.year, date.month, date.day) + (hearing.stage.map { "-" + $0.rawValue } ?? "")
            seen[name, default: 0] += 1
            if let count = seen[name], count > 1 { name += "-\(count)" }
            return name
        }
    }

    /// `HH:MM` with a real hour and minute.
    public static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return hour < 24 && minute < 60
    }
}

/// The unit a year's table is written in: council resolutions print thousands of som.
public enum BudgetUnit: String, CaseIterable, Hashable, Sendable {
    case som, thousand

    /// Som per unit.
    public var factor: Int { self == .thousand ? 1000 : 1 }
}

/// A breakdown that a year's source does not give: the page says so instead of computing it.
public enum BudgetDetail: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Only the revenue total (a line with code `1`): own revenue and transfers are unknown.
    case revenueBySource = "revenue_by_source"
    /// Only the expenditure total (a line with code `7`): no function's amount is known.
    case expenditureByFunction = "expenditure_by_function"

    public static func < (lhs: BudgetDetail, rhs: BudgetDetail) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a year's figures come from.
public struct BudgetSource: Hashable, Sendable {
    public let title: LocalizedText
    public let url: String?
    public let asOf: CalendarDate?
    /// The unit of the year's table.
    public let unit: BudgetUnit
    /// What the source does not break down.
    public let notPublished: Set<BudgetDetail>

    public init(title: LocalizedText, url: String?, asOf: CalendarDate?, unit: BudgetUnit = .som, notPublished: Set<BudgetDetail> = []) {
        self.title = title
        self.url = url
        self.asOf = asOf
        self.unit = unit
        self.notPublished = notPublished
    }
}

/// Whom residents may ask about the budget.
public struct Contact: Hashable, Sendable {
    public let email: String?
    public let phone: String?

    public init(email: String?, phone: String?) {
        self.email = email
        self.phone = phone
    }
}

/// `budgets/<municipality>/municipality.yaml`.
public struct Municipality: Hashable, Sendable {
    public let id: String
    public let name: LocalizedText
    public let kind: MunicipalityKind?
    public let oblast: Oblast?
    public let rayon: LocalizedText
    /// Residents by year.
    public let population: [Int: Int]
    /// The figures are illustrative: every page of this municipality says so.
    public let isSample: Bool
    public let contact: Contact?
    public let sources: [Int: BudgetSource]
    /// By date.
    public let hearings: [Hearing]
    /// The sheet of its workbooks (`<year>.xlsx`) that holds the budget; nil: the first.
    public let sheet: String?
    public let path: String

    public init(
        id: String, name: LocalizedText, kind: MunicipalityKind?, oblast: Oblast?, rayon: LocalizedText,
        population: [Int: Int], isSample: Bool, contact: Contact?, sources: [Int: BudgetSource], hearings: [Hearing],
        sheet: String? = nil, path: String
    ) {
        self.sheet = sheet
        self.id = id
        self.name = name
        self.kind = kind
        self.oblast = oblast
        self.rayon = rayon
        self.population = population
        self.isSample = isSample
        self.contact = contact
        self.sources = sources
        self.hearings = hearings.sorted { $0.date < $1.date }
        self.path = path
    }
}

/// A municipality with its budget files, as loaded.
public struct MunicipalityBudgets: Hashable, Sendable {
    public let municipality: Municipality
    /// By year.
    public let tables: [BudgetTable]

    public init(municipality: Municipality, tables: [BudgetTable]) {
        self.municipality = municipality
        self.tables = tables.sorted { $0.year < $1.year }
    }

    public var id: String { municipality.id }
}
