import AchykModel

/// Reads an amount of som as spreadsheets in Kyrgyzstan write it (content contract, "Local budget").
///
/// `1 234 567,50`, `1,234,567.50`, `1'234'567.5`, `1234567`; groups of exactly three digits after the first;
/// a `,` or `.` followed by exactly three digits groups thousands, the last one followed by one or two digits is
/// the decimal mark; `-`, `−` or parentheses make it negative; a lone dash is zero; blank is absent.
public enum AmountParser {
    public enum Failure: Error, Hashable, Sendable {
        /// Not an amount at all.
        case notAnAmount
        /// More than 15 digits of som: no local budget holds that much.
        case tooLarge
    }

    /// The amount, nil for a blank cell.
    public static func parse(_ text: String) -> Result<Amount?, Failure> {
        var scalars = Substring(text).unicodeScalars[...]
        trimSpaces(&scalars)
        if scalars.isEmpty { return .success(nil) }
        if scalars.count == 1, let only = scalars.first, ["-", "\u{2013}", "\u{2014}", "\u{2212}"].contains(only) {
            return .success(.zero)
        }
        var negative = false
        if scalars.first == "(" && scalars.last == ")" {
            negative = true
            scalars = scalars.dropFirst().dropLast()
            trimSpaces(&scalars)
        }
        if let first = scalars.first, first == "-" || first == "\u{2212}" {
            guard !negative else { return .failure(.notAnAmount) }
            negative = true
            scalars = scalars.dropFirst()
            trimSpaces(&scalars)
        }
        guard let magnitude = parseMagnitude(scalars) else { return .failure(.notAnAmount) }
        guard magnitude.digits <= 15 else { return .failure(.tooLarge) }
        return .success(Amount(tyiyn: negative ? -magnitude.tyiyn : magnitude.tyiyn))
    }

    private static let spaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]

    private static func trimSpaces(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let first = scalars.first, spaces.contains(first) || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, spaces.contains(last) || last == "\t" { scalars = scalars.dropLast() }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Digits, separators and a decimal part, as tyiyn with the count of whole-som digits.
    private static func parseMagnitude(_ scalars: Substring.UnicodeScalarView.SubSequence) -> (tyiyn: Int128, digits: Int)? {
        guard let first = scalars.first, isDigit(first) else { return nil }
        // The decimal mark: the last `,` or `.` if one or two digits follow it to the end.
        var whole = scalars
        var fraction: Substring.UnicodeScalarView.SubSequence = scalars[scalars.endIndex...]
        var decimalMark: Unicode.Scalar?
        if let mark = scalars.lastIndex(where: { $0 == "," || $0 == "." }) {
            let after = scalars[scalars.index(after: mark)...]
            if (1...2).contains(after.count), after.allSatisfy(isDigit) {
                whole = scalars[..<mark]
                fraction = after
                decimalMark = scalars[mark]
            } else if !(after.count == 3 && after.allSatisfy(isDigit)) {
                return nil
            }
        }
        // The whole part: one run of digits, or groups split by one kind of separator (spaces count as one kind).
        var groups: [Int] = [0]
        var separatorKind: Character?
        var value: Int128 = 0
        var digitCount = 0
        var significant = 0
        for scalar in whole {
            if isDigit(scalar) {
                groups[groups.count - 1] += 1
                digitCount += 1
                if value != 0 || scalar != "0" { significant += 1 }
                // Past 18 digits the amount is refused as too large anyway; stop before the value could overflow.
                if significant <= 18 { value = value * 10 + Int128(scalar.value - 0x30) }
                continue
            }
            let kind: Character
            if spaces.contains(scalar) { kind = " " } else if apostrophes.contains(scalar) { kind = "'" } else if scalar == "," || scalar == "." {
                guard scalar != decimalMark else { return nil }
                kind = Character(scalar)
            } else {
                return nil
            }
            guard separatorKind == nil || separatorKind == kind, groups.last != 0 else { return nil }
            separatorKind = kind
            groups.append(0)
        }
        if groups.count > 1 {
            guard let firstGroup = groups.first, (1...3).contains(firstGroup), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        guard digitCount > 0 else { return nil }
        var tyiyn = value * 100
        if fraction.count == 2 {
            let digits = Array(fraction)
            tyiyn += Int128(digits[0].value - 0x30) * 10 + Int128(digits[1].value - 0x30)
        } else if let digit = fraction.first {
            tyiyn += Int128(digit.value - 0x30) * 10
        }
        return (tyiyn, significant)
    }
}
