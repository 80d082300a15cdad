import AchykModel

/// CLDR plural categories, which Foundation on Linux does not expose.
public enum PluralCategory: String, CaseIterable, Hashable, Sendable {
    case one, few, many, other

    /// The category of a whole number in `language`, by the CLDR rules for ky, ru and en.
    public static func of(_ number: Int, in language: Language) -> PluralCategory {
        let n = abs(number)
        switch language {
        case .ru:
            let lastDigit = n % 10, lastTwo = n % 100
            if lastDigit == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case .ky, .en:
            return n == 1 ? .one : .other
        }
    }
}
