import AchykModel
import Testing
@testable import AchykRender

/// The A–Z list of the search page follows each language's alphabet, not code point order.
@Suite struct CollationTests {
    private func sorted(_ titles: [String], _ language: Language) -> [String] {
        let collation = Collation(language)
        return titles.sorted { collation.key($0).lexicographicallyPrecedes(collation.key($1)) }
    }

    @Test func kyrgyzLettersStandInTheirPlace() {
        // In code point order ң, ө and ү come after я.
        #expect(sorted(["Үй", "Өзгөн", "Ноокат", "Ңа", "Оромо", "Угуу", "Ысык-Көл"], .ky) == ["Ноокат", "Ңа", "Оромо", "Өзгөн", "Угуу", "Үй", "Ысык-Көл"])
        #expect(Collation(.ky).initial("«Өзгөн»") == "Ө")
        #expect(Collation(.ky).initial("2023-жыл") == "#")
        // Latin A and Cyrillic А look alike: titles in the other script stand together.
        #expect(Collation(.ky).initial("ADEPT, Ивановка") == "A–Z")
        #expect(Collation(.en).initial("Ачык") == "А–Я")
        #expect(Collation(.en).initial("ADEPT") == "A")
    }

    @Test func russianYoFollowsYe() {
        #expect(sorted(["Ёлка", "Жизнь", "Ель", "Еда"], .ru) == ["Еда", "Ель", "Ёлка", "Жизнь"])
    }

    @Test func englishPutsLatinFirst() {
        #expect(sorted(["Бюджет", "Water", "about", "Ak-Kuduk"], .en) == ["about", "Ak-Kuduk", "Water", "Бюджет"])
    }
}
