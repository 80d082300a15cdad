import AchykModel
import Foundation

/// The partnership index's figures, computed from the records alone.
public enum PartnershipFigures {
    /// An amount in som: as it is for KGS, else at the rate (som per unit), rounded to the tyiyn.
    public static func somEquivalent(_ amount: Amount, _ currency: Currency, rates: [String: Decimal]) -> Amount? {
        if currency == .kgs { return amount }
        guard let rate = rates[currency.rawValue] else { return nil }
        var product = (Decimal(string: amount.plainSom) ?? 0) * rate * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .plain)
        return Int128(rounded.description).map { Amount(tyiyn: $0) }
    }

    /// Records per oblast (a record in several oblasts counts in each), most first.
    public static func casesPerOblast(_ records: [PartnershipRecord]) -> [(oblast: Oblast, count: Int)] {
        var counts: [Oblast: Int] = [:]
        for record in records { for oblast in Set(record.oblasts) { counts[oblast, default: 0] += 1 } }
        return counts.map { (oblast: $0.key, count: $0.value) }.sorted { ($0.count, $1.oblast) > ($1.count, $0.oblast) }
    }

    /// The money the records report, added up per currency, in the order KGS, USD, EUR.
    public static func moneyByCurrency(_ records: [PartnershipRecord]) -> [(currency: Currency, amount: Amount, entries: Int)] {
        Currency.allCases.compactMap { currency in
            let entries = records.flatMap(\.funding).filter { $0.currency == currency }
            guard !entries.isEmpty else { return nil }
            return (currency, entries.reduce(Amount.zero) { $0 + $1.amount }, entries.count)
        }
    }
}

extension PartnershipFigures {
    /// The money of several currencies in som, each at its rate; a currency without a rate is left out.
    public static func somTotal(_ amounts: [(currency: Currency, amount: Amount)], rates: [String: Decimal]) -> Amount {
        amounts.reduce(Amount.zero) { sum, entry in sum + (somEquivalent(entry.amount, entry.currency, rates: rates) ?? .zero) }
    }
}
