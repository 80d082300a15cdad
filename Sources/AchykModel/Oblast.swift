/// The seven oblasts and the two cities of republican status, as content files name them.
public enum Oblast: String, CaseIterable, Hashable, Sendable, Comparable {
    case batken
    case chui
    case issykKul = "issyk-kul"
    case jalalAbad = "jalal-abad"
    case naryn
    case osh
    case talas
    case bishkek
    case oshCity = "osh-city"

    /// The built-in name; the theme's `oblast.<id>` UI string overrides it.
    public var name: LocalizedText {
        switch self {
        case .batken: LocalizedText([.ky: "Баткен облусу", .ru: "Баткенская область", .en: "Batken Oblast"])
        case .chui: LocalizedText([.ky: "Чүй облусу", .ru: "Чуйская область", .en: "Chui Oblast"])
        case .issykKul: LocalizedText([.ky: "Ысык-Көл облусу", .ru: "Иссык-Кульская область", .en: "Issyk-Kul Oblast"])
        case .jalalAbad: LocalizedText([.ky: "Жалал-Абад облусу", .ru: "Джалал-Абадская область", .en: "Jalal-Abad Oblast"])
        case .naryn: LocalizedText([.ky: "Нарын облусу", .ru: "Нарынская область", .en: "Naryn Oblast"])
        case .osh: LocalizedText([.ky: "Ош облусу", .ru: "Ошская область", .en: "Osh Oblast"])
        case .talas: LocalizedText([.ky: "Талас облусу", .ru: "Таласская область", .en: "Talas Oblast"])
        case .bishkek: LocalizedText([.ky: "Бишкек шаары", .ru: "город Бишкек", .en: "Bishkek city"])
        case .oshCity: LocalizedText([.ky: "Ош шаары", .ru: "город Ош", .en: "Osh city"])
        }
    }

    public static func < (lhs: Oblast, rhs: Oblast) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A topic id; the list is open, and ids without a built-in label are shown as written.
public struct Topic: Hashable, Sendable, Comparable {
    public let id: String

    public init(_ id: String) { self.id = id }

    /// The built-in label, if the id is one of the contract's topics.
    public var builtInLabel: LocalizedText? { Self.labels[id] }

    public static func < (lhs: Topic, rhs: Topic) -> Bool { lhs.id < rhs.id }

    /// The ids that have built-in labels, sorted.
    public static var builtInIDs: [String] { labels.keys.sorted() }

    static let labels: [String: LocalizedText] = [
        "budget-hearings": LocalizedText([.ky: "Бюджеттик угуулар", .ru: "Бюджетные слушания", .en: "Budget hearings"]),
        "water": LocalizedText([.ky: "Суу", .ru: "Вода", .en: "Water"]),
        "health": LocalizedText([.ky: "Саламаттык сактоо", .ru: "Здравоохранение", .en: "Health"]),
        "education": LocalizedText([.ky: "Билим берүү", .ru: "Образование", .en: "Education"]),
        "youth": LocalizedText([.ky: "Жаштар", .ru: "Молодёжь", .en: "Youth"]),
        "women": LocalizedText([.ky: "Аялдар", .ru: "Женщины", .en: "Women"]),
        "agriculture": LocalizedText([.ky: "Айыл чарба", .ru: "Сельское хозяйство", .en: "Agriculture"]),
        "infrastructure": LocalizedText([.ky: "Инфраструктура", .ru: "Инфраструктура", .en: "Infrastructure"]),
        "social-services": LocalizedText([.ky: "Социалдык кызматтар", .ru: "Социальные услуги", .en: "Social services"]),
        "employment": LocalizedText([.ky: "Иш менен камсыз кылуу", .ru: "Занятость", .en: "Employment"]),
        "environment": LocalizedText([.ky: "Айлана-чөйрө", .ru: "Окружающая среда", .en: "Environment"]),
        "culture": LocalizedText([.ky: "Маданият", .ru: "Культура", .en: "Culture"]),
        "governance": LocalizedText([.ky: "Башкаруу", .ru: "Управление", .en: "Governance"]),
    ]
}
