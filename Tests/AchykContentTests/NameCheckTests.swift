@testable import AchykContent
import AchykModel
import Testing

/// names.yaml: one spelling per place and organisation in each language, checked in every page and record.
@Suite struct NameCheckTests {
    static let table = """
        # Places and organisations.
        - en: Zher-Kazar
          ru: Жер-Казар
          ky: Жер-Казар
          wrong: [Jerkazar, Джерказар]
        - en: Issyk-Ata
          ru: Иссык-Ата
          ky: Ысык-Ата
        - en: ALGA
          ru: АЛГА
          ky: АЛГА
        - en: Kara
          ru: Кара
        - en: Kara-Balta
          ru: Кара-Балта
          ky: Кара-Балта

        """

    func names() -> NameCheck {
        var diagnostics = Diagnostics()
        let names = NamesReader().read(Self.table, reporting: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.sorted)")
        return names
    }

    func check(_ text: String, _ language: Language) -> [String] {
        var diagnostics = Diagnostics()
        names().check(text, language: language, path: "handbook/01-x.\(language.rawValue).md", reporting: &diagnostics)
        return diagnostics.sorted.map(\.description)
    }

    @Test func anotherLanguagesSpellingIsFlaggedAtItsLineInflectedFormsToo() {
        #expect(check("Биринчи сап.\nALGA уюму Иссык-Атада иштейт.\nЫсык-Ата району, АЛГА.", .ky) == [
            "handbook/01-x.ky.md:2: warning: 'ALGA' is not how names.yaml spells this name in Kyrgyz; write 'АЛГА'",
            "handbook/01-x.ky.md:2: warning: 'Иссык-Ата' is not how names.yaml spells this name in Kyrgyz; write 'Ысык-Ата'",
        ])
        // In Russian text the Russian spelling is right and the Kyrgyz one is not.
        #expect(check("В Иссык-Атинском районе (по-кыргызски Ысык-Ата).", .ru) == [
            "handbook/01-x.ru.md:1: warning: 'Ысык-Ата' is not how names.yaml spells this name in Russian; write 'Иссык-Ата'",
        ])
    }

    @Test func wrongSpellingsAreWrongInEveryLanguage() {
        #expect(check("Jerkazar village", .en) == ["handbook/01-x.en.md:1: warning: 'Jerkazar' is not how names.yaml spells this name in English; write 'Zher-Kazar'"])
        #expect(check("Джерказар айылы", .ky) == ["handbook/01-x.ky.md:1: warning: 'Джерказар' is not how names.yaml spells this name in Kyrgyz; write 'Жер-Казар'"])
        #expect(check("Zher-Kazar and ALGA, Issyk-Ata", .en).isEmpty)
    }

    @Test func onlyWordStartsMatchAndALongerRightSpellingWins() {
        // Where two spellings match, the longer names the place: one warning, for "Kara-Balta".
        #expect(check("город Кара-Балта, река Кара", .ru).isEmpty)
        #expect(check("город Kara-Balta", .ru) == ["handbook/01-x.ru.md:1: warning: 'Kara-Balta' is not how names.yaml spells this name in Russian; write 'Кара-Балта'"])
        // Inside a word or a web address in lower case, nothing matches.
        #expect(check("Каракол, https://example.org/alga/ и SALGA", .ky).isEmpty)
    }

    @Test func recordsAreCheckedPerLanguageKeyAtTheirLine() {
        var diagnostics = Diagnostics()
        names().checkRecord("""
            id: x
            name: {ky: "ALGA бирикмеси", ru: "Ассоциация АЛГА", en: "ALGA"}
            place:
              ru: Ысык-Ата
              en: Jerkazar

            """, path: "partnerships/x.yaml", reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "partnerships/x.yaml:2: warning: 'ALGA' is not how names.yaml spells this name in Kyrgyz; write 'АЛГА'",
            "partnerships/x.yaml:4: warning: 'Ысык-Ата' is not how names.yaml spells this name in Russian; write 'Иссык-Ата'",
            "partnerships/x.yaml:5: warning: 'Jerkazar' is not how names.yaml spells this name in English; write 'Zher-Kazar'",
        ])
    }

    @Test func theTableItselfIsChecked() {
        var diagnostics = Diagnostics()
        _ = NamesReader().read("- en: A-b\n  ru: А-б\n- en: A-b\n  ky: А-б\n- en: Solo\n- {en: X, fr: Y, ru: Х}\n", reporting: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "names.yaml:3: error: 'A-b' is already an en spelling on line 1",
            "names.yaml:3: error: a name needs its spelling in at least two languages (en, ru, ky)",
            "names.yaml:5: error: a name needs its spelling in at least two languages (en, ru, ky)",
            "names.yaml:6: warning: unknown key 'fr' in a name; it is ignored",
        ])
    }
}
