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
        let (whole, fraction) = amount.tyiyn.magnitude.quotientAndRemainder(dividingBy: 100)
        return figure(.som, (amount.isNegative ? "−" : "") + grouped128(whole) + decimalMark + (fraction < 10 ? "0" : "") + String(fraction))
    }

    /// Rounded with a word for the size: "12,4 млн сом", "850 сом"; three significant digits at most.
    public func compactSom(_ amount: Amount) -> String {
        let som = amount.roundedSom
        let magnitude = som.magnitude
        let units: [(UInt128, Figure)] = [(1_000_000_000, .billion), (1_000_000, .million), (1_000, .thousand)]
        // A unit is used from the amount that rounds to one of it (999 950 is "1 million", not "1 000 thousand").
        for (unit, key) in units where magnitude >= unit - unit / 2000 {
            // Tenths of the unit, rounded half away from zero; whole units from 100 up.
            // From 100 units on, whole units (rounded once, from the amount itself).
            let tenths = magnitude >= unit * 100 - unit / 20 ? (magnitude + unit / 2) / unit * 10 : (magnitude * 10 + unit / 2) / unit
            let number = tenths % 10 == 0 ? grouped128(tenths / 10) : grouped128(tenths / 10) + decimalMark + String(tenths % 10)
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
