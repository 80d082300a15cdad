/// A language the site can be written in; the closed set the theme has UI strings for.
public enum Language: String, CaseIterable, Hashable, Sendable, Comparable, Codable {
    case ky, ru, en

    /// The language's own name, in its own script, as a reader looks for it in a language switcher.
    public var nativeName: String {
        switch self {
        case .ky: "Кыргызча"
        case .ru: "Русский"
        case .en: "English"
        }
    }

    /// The Open Graph locale (`og:locale`), which wants a territory.
    public var openGraphLocale: String {
        switch self {
        case .ky: "ky_KG"
        case .ru: "ru_RU"
        case .en: "en_GB"
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
