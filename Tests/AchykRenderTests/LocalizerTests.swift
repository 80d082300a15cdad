import AchykModel
@testable import AchykRender
import Foundation
import Testing

@Suite struct LocalizerTests {
    func localizer(_ language: Language) throws -> Localizer {
        var diagnostics = Diagnostics()
        let theme = try #require(Theme.load(.builtIn, languages: [.ky, .ru, .en], reporting: &diagnostics))
        return Localizer(language: language, strings: try #require(theme.strings[language]))
    }

    /// Placeholders are filled the same way in UI strings and in plural forms; an unclosed brace is kept as text.
    @Test func placeholdersAreFilledAlikeAndAnUnclosedBraceIsKept() {
        let strings = UIStrings(
            texts: ["greeting": "{who}, {n} {кейсов", "loose": "а{б"], months: [],
            plurals: ["cases": [.other: "{n} {кейсов"]])
        let l = Localizer(language: .ru, strings: strings)
        #expect(l.counted("cases", 5) == "5 {кейсов")
        #expect(l.text("greeting", ["who": "Айгүл", "n": "5"]) == "Айгүл, 5 {кейсов")
        #expect(l.text("greeting") == "{who}, {n} {кейсов")
        #expect(l.text("loose", ["б": "x"]) == "а{б")
        #expect(l.text("missing {n}", ["n": "7"]) == "missing 7")
    }

    @Test(arguments: [
        (Language.ky, 1_234_567, "1\u{00A0}234\u{00A0}567"),
        (.ru, 1_234_567, "1\u{00A0}234\u{00A0}567"),
        (.en, 1_234_567, "1,234,567"),
        (.ru, -950, "−950"),
        (.en, 0, "0"),
    ])
    func groupsThousandsPerLanguage(language: Language, value: Int, expected: String) throws {
        #expect(try localizer(language).integer(value) == expected)
    }

    @Test(arguments: [
        (Language.ru, "12.35", 1, "12,4"),
        (.ky, "1234567.5", 2, "1\u{00A0}234\u{00A0}567,50"),
        (.en, "1234567.5", 2, "1,234,567.50"),
        (.en, "-0.004", 2, "0.00"),
        (.ru, "-12.5", 0, "−13"),
    ])
    func formatsDecimalsWithTheLanguagesMark(language: Language, value: String, digits: Int, expected: String) throws {
        #expect(try localizer(language).decimal(Decimal(string: value)!, fractionDigits: digits) == expected)
    }

    @Test(arguments: [
        (Language.ky, "14-июнь, 2022-ж."),
        (.ru, "14 июня 2022 г."),
        (.en, "14 June 2022"),
    ])
    func writesDatesWithTheLanguagesMonthNames(language: Language, expected: String) throws {
        #expect(try localizer(language).date(CalendarDate(year: 2022, month: 6, day: 14)!) == expected)
    }

    @Test(arguments: [
        (1, "1 кейс"), (2, "2 кейса"), (4, "4 кейса"), (5, "5 кейсов"), (11, "11 кейсов"), (12, "12 кейсов"),
        (21, "21 кейс"), (22, "22 кейса"), (25, "25 кейсов"), (111, "111 кейсов"), (1001, "1\u{00A0}001 кейс"),
    ])
    func countsInRussianWithThreeForms(count: Int, expected: String) throws {
        #expect(try localizer(.ru).counted("cases", count) == expected)
    }

    @Test(arguments: [
        (Language.ru, 12_438_000_00, "12,4 млн сом"), (.ru, 123_456_789_00, "123 млн сом"), (.ky, 960_000_00, "960 миң сом"),
        (.en, 999_950_00, "1 million som"), (.en, 1_049_00, "1.05 thousand som"), (.en, 850_40, "850 som"),
        // Three significant digits everywhere, trailing zeros dropped.
        (.ru, 5_453_600_00, "5,45 млн сом"), (.ru, 37_149_000_00, "37,1 млн сом"), (.ru, 102_345_678_00, "102 млн сом"),
        (.ru, 1_999_600_00, "2 млн сом"), (.en, 9_995_00, "10 thousand som"), (.en, 1_005_000_00, "1.01 million som"),
        (.ky, 10_613_100_00, "10,6 млн сом"),
        (.ru, 2_500_000_000_00, "2,5 млрд сом"), (.ru, -400_000_00, "−400 тыс. сом"), (.en, 0, "0 som"), (.en, 99_960_00, "100 thousand som"),
    ] as [(Language, Int, String)])
    func roundsMoneyWithAWordForItsSize(language: Language, tyiyn: Int, expected: String) throws {
        #expect(try localizer(language).compactSom(Amount(tyiyn: Int128(tyiyn))) == expected)
    }

    @Test func exactMoneyAndPercentages() throws {
        let ru = try localizer(.ru), en = try localizer(.en)
        #expect(ru.som(Amount(tyiyn: 123_456_750)) == "1\u{00A0}234\u{00A0}568 сом")
        #expect(en.som(Amount(tyiyn: -1_234_49)) == "−1,234 som")
        #expect(ru.somAndTyiyn(Amount(tyiyn: 296_346)) == "2\u{00A0}963,46 сом")
        #expect(en.somAndTyiyn(Amount(tyiyn: 5)) == "0.05 som")
        #expect(ru.percent(0.70526) == "70,5 %")
        #expect(en.percent(0.0555) == "5.6%")
        #expect(en.percent(nil) == "—")
        #expect(en.percent(.nan) == "—")
    }

    @Test func countsInKyrgyzAndEnglish() throws {
        #expect(try localizer(.ky).counted("cases", 5) == "5 кейс")
        #expect(try localizer(.en).counted("cases", 1) == "1 case study")
        #expect(try localizer(.en).counted("cases", 25) == "25 case studies")
    }

    @Test func pluralCategoriesFollowCLDR() {
        #expect([1, 21, 101].map { PluralCategory.of($0, in: .ru) } == [.one, .one, .one])
        #expect([2, 3, 4, 22, 104].map { PluralCategory.of($0, in: .ru) } == [.few, .few, .few, .few, .few])
        #expect([0, 5, 11, 12, 14, 111, 112].map { PluralCategory.of($0, in: .ru) } == Array(repeating: .many, count: 7))
        #expect([1, 2].map { PluralCategory.of($0, in: .ky) } == [.one, .other])
    }
}
