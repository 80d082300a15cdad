@testable import AchykContent
import AchykModel
import Testing

@Suite struct LetterCheckTests {
    func problems(_ text: String, _ language: Language = .ky) -> [String] {
        var diagnostics = Diagnostics()
        LetterCheck.check(text, language: language, path: "pages/x.ky.md", reporting: &diagnostics)
        return diagnostics.sorted.map(\.description)
    }

    @Test func findsALatinLetterInsideACyrillicWord() {
        // A real slip while typing this project's content: Latin "ter" in the middle of a Kyrgyz word.
        #expect(problems("---\ntitle: A\n---\nкүн карамаterрды өстүрүшөт\n") == [
            "pages/x.ky.md:4: warning: 'карамаterрды' mixes Latin and Cyrillic letters; retype it in one alphabet"
        ])
        // A Cyrillic "о" in an English word is the same slip the other way round.
        #expect(problems("Tоkmok\n", .en).count == 1)
    }

    @Test func findsLookAlikesOfKyrgyzLetters() {
        #expect(problems("Бул кѳчѳ\n") == [
            "pages/x.ky.md:1: warning: 'кѳчѳ' has 'ѳ' (U+473), which is not a Kyrgyz letter; type 'ө'"
        ])
        #expect(problems("жаӊы\n") == ["pages/x.ky.md:1: warning: 'жаӊы' has 'ӊ' (U+4CA), which is not a Kyrgyz letter; type 'ң'"])
    }

    @Test func everyLookAlikeIsFoundAndPunctuationEndsAWord() {
        for (wrong, meant) in LetterCheck.kyrgyzLookAlikes {
            #expect(problems("ко\(Character(wrong))ул\n").count == 1, "\(wrong) for \(meant) was not found")
        }
        // Quotes, dashes and no-break spaces end a word; a Latin word quoted in Cyrillic text is fine.
        #expect(problems("«Aikol»\u{00A0}— «Айкол», “Altius”–Алтиус\n").isEmpty)
    }

    @Test func acceptsAcronymsWithKyrgyzEndingsAndTextInTwoAlphabets() {
        #expect(problems("USAIDдин жана ADEPTти колдоосу; ALGA — АЛГА; https://example.org/ала\n").isEmpty)
        #expect(problems("The association «Айыл демилгеси» met in Bishkek.\n", .en).isEmpty)
    }
}
