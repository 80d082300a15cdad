import AchykModel
import Foundation

/// Money and shares in the reader's language: exact figures for tables, rounded ones with words for text. Integer
/// arithmetic throughout: these run hundreds of times on every citizen-budget page.
extension Localizer {
    /// To the som, grouped: "1 234 568 сом".
    public func som(_ amount: Amount) -> String {
        figure(.som, signed(amount.roundedSom, fractionDigits: 0, fraction: 0))
    }

    /// To the tyiyn, for per-resident figures: "1 234,57 сом".
    public func somAndTyiyn(_ amount: Amount) -> String {
        figure(.som, numberWithTyiyn(amount))
    }

    /// The som alone, grouped, for a table whose header names the unit: "1 234 568".
    public func number(_ amount: Amount) -> String {
        signed(amount.roundedSom, fractionDigits: 0, fraction: 0)
    }

    /// The same to the tyiyn: "1 234,57".
    public func numberWithTyiyn(_ amount: Amount) -> String {
        let (whole, fraction) = amount.tyiyn.magnitude.quotientAndRemainder(dividingBy: 100)
        return (amount.isNegative ? "−" : "") + grouped128(whole) + decimalMark + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Rounded with a word for the size, to three significant digits, trailing zeros dropped: "5,45 млн сом",
    /// "37,1 млн сом", "102 млн сом", "850 сом". One rule for every amount in words on the site.
    public func compactSom(_ amount: Amount) -> String {
        let som = amount.roundedSom
        let magnitude = som.magnitude
        let units: [(UInt128, Figure)] = [(1_000_000_000, .billion), (1_000_000, .million), (1_000, .thousand)]
        // A unit is used from the amount that rounds to one of it (999 500 is "1 million", not "1 000 thousand").
        for (unit, key) in units where magnitude >= unit - unit / 2000 {
            // Decimals for three significant digits, judged on the amount as it will round.
            let decimals: UInt128 = magnitude >= unit * 100 - unit / 20 ? 0 : magnitude >= unit * 10 - unit / 200 ? 1 : 2
            let scale: UInt128 = decimals == 0 ? 1 : decimals == 1 ? 10 : 100
            var scaled = (magnitude * scale + unit / 2) / unit
            var shown = decimals
            while shown > 0, scaled % 10 == 0 {
                scaled /= 10
                shown -= 1
            }
            let divisor: UInt128 = shown == 0 ? 1 : shown == 1 ? 10 : 100
            var number = grouped128(scaled / divisor)
            if shown > 0 {
                let fraction = String(scaled % divisor)
                number += decimalMark + String(repeating: "0", count: Int(shown) - fraction.count) + fraction
            }
            return figure(key, (som < 0 ? "−" : "") + number)
        }
        return figure(.som, signed(som, fractionDigits: 0, fraction: 0))
    }

    /// A fraction as a percentage with one decimal: "45,3 %"; nil (a zero denominator) is "—".
    public func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite, abs(fraction) < 1e12 else { return "—" }
        let tenths = Int((fraction * 1000).rounded())
        let number = (tenths < 0 ? "−" : "") + grouped128(UInt128(abs(tenths) / 10)) + decimalMark + String(abs(tenths) % 10)
        return figure(.percent, number)
    }

    private func signed(_ value: Int128, fractionDigits: Int, fraction: Int) -> String {
        (value < 0 ? "−" : "") + grouped128(value.magnitude)
    }

    private func grouped128(_ value: UInt128) -> String {
        // Amounts fit 64 bits in practice, whose decimal form is much cheaper to make than a 128-bit one's.
        grouped(value <= UInt128(UInt64.max) ? String(UInt64(value)) : String(value))
    }
}
