/// An amount of money in tyiyn (1/100 som), exact: budget figures are added, never approximated.
///
/// 128 bits, so that no sum a content file can make overflows (an amount has at most 15 digits of som).
public struct Amount: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let tyiyn: Int128

    public init(tyiyn: Int128) { self.tyiyn = tyiyn }

    public init(som: Int) { self.tyiyn = Int128(som) * 100 }

    public static let zero = Amount(tyiyn: 0)

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(tyiyn: lhs.tyiyn + rhs.tyiyn) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(tyiyn: lhs.tyiyn - rhs.tyiyn) }
    public static prefix func - (value: Amount) -> Amount { Amount(tyiyn: -value.tyiyn) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.tyiyn < rhs.tyiyn }

    public var magnitude: Amount { Amount(tyiyn: tyiyn < 0 ? -tyiyn : tyiyn) }
    public var isNegative: Bool { tyiyn < 0 }

    /// Whole som, rounded half away from zero.
    public var roundedSom: Int128 {
        let (quotient, remainder) = tyiyn.quotientAndRemainder(dividingBy: 100)
        if remainder >= 50 { return quotient + 1 }
        if remainder <= -50 { return quotient - 1 }
        return quotient
    }

    /// The amount divided by `divisor`, rounded half away from zero to the tyiyn (per-resident figures).
    public func divided(by divisor: Int) -> Amount? {
        guard divisor != 0 else { return nil }
        let d = Int128(divisor)
        let (quotient, remainder) = tyiyn.quotientAndRemainder(dividingBy: d)
        let twice = remainder.magnitude * 2
        guard twice >= d.magnitude else { return Amount(tyiyn: quotient) }
        return Amount(tyiyn: quotient + ((tyiyn < 0) != (d < 0) ? -1 : 1))
    }

    /// `part / self` as a fraction; nil when `self` is zero (the contract's "—").
    public func ratio(of part: Amount) -> Double? {
        guard tyiyn != 0 else { return nil }
        // Int128 to Double goes through a generic conversion many times slower; every real amount fits 64 bits,
        // and both conversions round to nearest, so the result is the same.
        if let whole = Int64(exactly: tyiyn), let share = Int64(exactly: part.tyiyn) {
            return Double(share) / Double(whole)
        }
        return Double(part.tyiyn) / Double(tyiyn)
    }

    /// A plain number in som with `.` and no grouping, without trailing zeros: `1234.5`, `-12`, `0.05`.
    public var plainSom: String {
        let sign = tyiyn < 0 ? "-" : ""
        // Printing a 128-bit integer goes through generic code many times slower than 64 bits, which every real amount fits.
        if let magnitude = UInt64(exactly: tyiyn.magnitude) {
            let (whole, fraction) = magnitude.quotientAndRemainder(dividingBy: 100)
            switch fraction {
            case 0: return sign + String(whole)
            case let f where f % 10 == 0: return sign + String(whole) + "." + String(f / 10)
            case let f where f < 10: return sign + String(whole) + ".0" + String(f)
            default: return sign + String(whole) + "." + String(fraction)
            }
        }
        let (whole, fraction) = tyiyn.magnitude.quotientAndRemainder(dividingBy: 100)
        switch fraction {
        case 0: return "\(sign)\(whole)"
        case let f where f % 10 == 0: return "\(sign)\(whole).\(f / 10)"
        case let f where f < 10: return "\(sign)\(whole).0\(f)"
        default: return "\(sign)\(whole).\(fraction)"
        }
    }

    public var description: String { plainSom }
}
