import AchykModel
import Foundation

/// Money and shares in the reader's language: exact figures for tables, rounded ones with words for text.
extension Localizer {
    /// To the som, grouped: "1 234 568 сом".
    public func som(_ amount: Amount) -> String {
        text("amount_som", ["n": integer128(amount.roundedSom)])
    }

    /// To the tyiyn, for per-resident figures: "1 234,57 сом".
    public func somAndTyiyn(_ amount: Amount) -> String {
        text("amount_som", ["n": decimal(Decimal(string: amount.plainSom) ?? 0, fractionDigits: 2)])
    }

    /// Rounded with a word for the size: "12,4 млн сом", "850 сом"; three significant digits at most.
    public func compactSom(_ amount: Amount) -> String {
        let som = Decimal(string: amount.plainSom) ?? 0
        let magnitude = som < 0 ? -som : som
        let units: [(Decimal, String)] = [(1_000_000_000, "amount_billion"), (1_000_000, "amount_million"), (1_000, "amount_thousand")]
        for (unit, key) in units where magnitude >= unit {
            let value = som / unit
            let absolute = value < 0 ? -value : value
            let digits = absolute >= 100 ? 0 : 1
            var number = decimal(value, fractionDigits: digits)
            if digits == 1, number.hasSuffix("\(decimalMark)0") { number.removeLast(decimalMark.count + 1) }
            return text(key, ["n": number])
        }
        return text("amount_som", ["n": decimal(som, fractionDigits: 0)])
    }

    /// A fraction as a percentage with one decimal: "45,3 %"; nil (a zero denominator) is "—".
    public func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        let value = Decimal(string: String(format: "%.4f", fraction * 100)) ?? 0
        return text("percent", ["n": decimal(value, fractionDigits: 1)])
    }

    private func integer128(_ value: Int128) -> String {
        decimal(Decimal(string: String(value)) ?? 0, fractionDigits: 0)
    }
}
