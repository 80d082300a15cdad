import AchykModel
import Testing

@Suite struct LocalizedTextTests {
    let order: [Language] = [.ky, .ru, .en]

    @Test func usesTheReadersLanguageWhenWritten() {
        let text = LocalizedText([.ky: "Салам", .ru: "Привет", .en: "Hello"])
        #expect(text.resolved(in: .ru, order: order)?.text == "Привет")
        #expect(text.resolved(in: .ru, order: order)?.language == .ru)
    }

    @Test func fallsBackToTheDefaultLanguageThenEnglish() {
        #expect(LocalizedText([.ky: "Салам", .en: "Hello"]).resolved(in: .ru, order: order)?.language == .ky)
        #expect(LocalizedText([.ru: "Привет", .en: "Hello"]).resolved(in: .ky, order: order)?.language == .en)
        #expect(LocalizedText([.ru: "Привет"]).resolved(in: .en, order: order)?.language == .ru)
    }

    @Test func emptyTextsCountAsMissing() {
        #expect(LocalizedText([.ky: "", .en: "Hello"]).resolved(in: .ky, order: order)?.language == .en)
        #expect(LocalizedText([.ky: ""]).resolved(in: .ky, order: order) == nil)
    }

    @Test func fallbackOrderFollowsTheSitesLanguages() {
        #expect(FallbackOrder.languages(for: .en, siteOrder: [.ru, .ky, .en]) == [.en, .ru, .ky])
        #expect(FallbackOrder.languages(for: .ky, siteOrder: [.ru, .ky]) == [.ky, .ru, .en])
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2022-06-14", "2022-06-14"),
        ("2022-06-14 14:28:00 -04:00", "2022-06-14"),
        ("2022-06-14T23:59:59+06:00", "2022-06-14"),
        ("2024-02-29", "2024-02-29"),
    ])
    func readsTheDayWithoutShiftingItsZone(input: String, expected: String) {
        #expect(CalendarDate(parsing: input)?.description == expected)
    }

    @Test(arguments: ["2023-02-29", "2022-13-01", "2022-6-14", "14.06.2022", "2022-06-14x", ""])
    func refusesWhatIsNotADay(input: String) {
        #expect(CalendarDate(parsing: input) == nil)
    }
}

@Suite struct DiagnosticsTests {
    @Test func sortsByPathThenLineAndDropsRepeats() {
        var diagnostics = Diagnostics()
        diagnostics.warning("b", at: SourceLocation("pages/b.md", line: 2))
        diagnostics.error("a10", at: SourceLocation("pages/a.md", line: 10))
        diagnostics.error("a2", at: SourceLocation("pages/a.md", line: 2))
        diagnostics.error("a2", at: SourceLocation("pages/a.md", line: 2))
        #expect(diagnostics.sorted.map(\.description) == [
            "pages/a.md:2: error: a2",
            "pages/a.md:10: error: a10",
            "pages/b.md:2: warning: b",
        ])
    }

    @Test func warningsFailOnlyUnderStrict() {
        let warnings = Diagnostics([.warning("w", at: SourceLocation("x"))])
        #expect(!warnings.failsBuild(strict: false))
        #expect(warnings.failsBuild(strict: true))
        #expect(Diagnostics([.error("e", at: SourceLocation("x"))]).failsBuild(strict: false))
    }

    @Test(arguments: [("01-alga", true), ("about", true), ("About", false), ("a_b", false), ("ала", false), ("", false), ("a b", false)])
    func identifiersAreLowercaseASCII(text: String, valid: Bool) {
        #expect(Identifier.isValid(text) == valid)
    }
}

@Suite struct AmountTests {
    @Test(arguments: [
        (Int128(0), "0"), (123_456, "1234.56"), (-5, "-0.05"), (120, "1.2"), (-1_000_000, "-10000"), (7, "0.07"),
        // Beyond 64 bits: the slower 128-bit path gives the same form.
        (Int128(UInt64.max) * 10 + 5, "1844674407370955161.55"), (-(Int128(UInt64.max) * 100), "-18446744073709551615"),
    ])
    func plainSomIsDigitsWithAPointAndNoTrailingZeros(tyiyn: Int128, text: String) {
        #expect(Amount(tyiyn: tyiyn).plainSom == text)
    }

    @Test func ratiosAreTheSameBeyond64Bits() throws {
        let small = try #require(Amount(tyiyn: 400).ratio(of: Amount(tyiyn: 100)))
        #expect(small == 0.25)
        let huge = Amount(tyiyn: Int128(Int64.max) * 4)
        #expect(huge.ratio(of: Amount(tyiyn: Int128(Int64.max))) == 0.25)
        #expect(Amount.zero.ratio(of: Amount(tyiyn: 1)) == nil)
    }
}
