import AchykModel

/// A code's label in the three languages.
struct ClassificationLabel: Hashable, Sendable {
    let ky: String
    let ru: String
    let en: String

    var text: LocalizedText { LocalizedText([.ky: ky, .ru: ru, .en: en]) }
}

/// What a budget code means (content contract, "Meaning of codes").
public enum CodeCategory: Hashable, Sendable {
    /// `1…` except `13…`.
    case ownRevenue
    /// `13…`: transfers and grants received.
    case transfers
    /// `2…`: expense by economic type.
    case economicExpense
    /// `3…`: acquisition of non-financial assets.
    case capital
    /// `701…`–`710…`: expenditure by function; the function's three-digit code.
    case function(String)
    /// A `7` code outside the ten functions (`711`, or `7`/`70` as a most detailed line).
    case unknownFunction
    /// Anything else: left out of every total.
    case unknown

    public init(code: String) {
        switch code.first {
        case "1": self = code.hasPrefix("13") ? .transfers : .ownRevenue
        case "2": self = .economicExpense
        case "3": self = .capital
        case "7":
            let function = String(code.prefix(3))
            self = code.count >= 3 && BudgetClassification.functionCodes.contains(function) ? .function(function) : .unknownFunction
        default: self = .unknown
        }
    }

    /// Whether the code belongs in the normalized table (`1`, `2`, `3` or `7`).
    public var isBudgetCode: Bool { self != .unknown }
    public var isRevenue: Bool { self == .ownRevenue || self == .transfers }
    public var isEconomic: Bool { self == .economicExpense || self == .capital }
    public var isFunction: Bool { if case .function = self { true } else { false } }
}

/// The Kyrgyz budget classification's labels, shipped with achyk (Data/budget-classification.csv).
public enum BudgetClassification {
    /// The ten functions, aligned with COFOG 01–10.
    public static let functionCodes: [String] = (1...10).map { "7" + ($0 < 10 ? "0" : "") + String($0) }

    /// The built-in label of exactly this code, if there is one.
    public static func builtInLabel(_ code: String) -> LocalizedText? {
        EmbeddedClassification.labels[code]?.text
    }

    /// The label of a line in each language: the file's label in that language; else the built-in label; else the
    /// CSV's own name; else the label of the longest known prefix; else the code itself.
    public static func label(_ code: String, csvName: String?, names: LocalizedText? = nil) -> LocalizedText {
        let general = generalLabel(code, csvName: csvName)
        guard let names else { return general }
        return LocalizedText(general.texts.merging(names.texts) { _, own in own })
    }

    private static func generalLabel(_ code: String, csvName: String?) -> LocalizedText {
        if let label = EmbeddedClassification.labels[code] { return label.text }
        if let csvName, !csvName.isEmpty { return LocalizedText([.ky: csvName, .ru: csvName, .en: csvName]) }
        var prefix = Substring(code)
        while !prefix.isEmpty {
            prefix = prefix.dropLast()
            if let label = EmbeddedClassification.labels[String(prefix)] { return label.text }
        }
        return LocalizedText([.ky: code, .ru: code, .en: code])
    }
}
