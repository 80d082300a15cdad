import Testing
@testable import AchykSearch

@Suite struct SearchTextTests {
    @Test func foldsTheLettersPhonesLeaveOut() {
        #expect(SearchTokenizer.normalized("Өнөктөштүк КЕҢЕШ Партнёрство") == "оноктоштук кенеш партнерство")
        #expect(SearchTokenizer.normalized("ӀӁ ЀЯ") == "ӏӂ ѐя")
    }

    @Test func splitsAtEveryCharacterThatIsNotALetterOrDigit() {
        #expect(SearchTokenizer.normalized("Кара-Балта, 2023-ж.: «бюджет»") == "кара балта 2023 бюджет")
        // A no-break space and a soft hyphen are breaks, as in the browser's \p{L}\p{N}.
        #expect(SearchTokenizer.normalized("1\u{A0}234 567 са\u{AD}лык") == "234 567 са лык")
        // Single letters are left out; so is a word no language has.
        #expect(SearchTokenizer.normalized("a b cd " + String(repeating: "x", count: 49)) == "cd")
        #expect(SearchTokenizer.normalized(String(repeating: "ж", count: 48)) == String(repeating: "ж", count: 48))
    }

    @Test func skipsMarkupInConvertedPages() {
        var words: [String] = []
        SearchTokenizer(skipsMarkup: true).forEachWord(in: "<p class=\"x\">Айыл&nbsp;өкмөтү <a href=\"/ky/x\">бюджет</a>&amp;салык</p>") { word, _ in
            words.append(String(decoding: word, as: UTF8.self))
        }
        #expect(words == ["айыл", "окмоту", "бюджет", "салык"])
    }

    @Test func otherScriptsAreLowercasedByUnicode() {
        #expect(SearchTokenizer.normalized("ÉCOLE Straße ΑΘΗΝΑ") == "école straße αθηνα")
    }

    /// Words from the bundled content and their forms, as a reader types them: each form meets its word's stem.
    @Test(arguments: [
        ("бюджеттин", "бюджет"), ("бюджетти", "бюджет"), ("бюджетке", "бюджет"), ("бюджеттер", "бюджет"),
        ("аймактарынын", "аймак"), ("шаарлардын", "шаар"), ("шаарда", "шаар"), ("угуулар", "угу"), ("угуу", "угу"),
        ("өнөктөштүктүн", "оноктош"), ("өнөктөштүк", "оноктош"),
        ("тургундар", "тургун"), ("тургундарга", "тургун"), ("айылдык", "айыл"), ("айылда", "айыл"),
    ])
    func kyrgyzEndingsAreStripped(word: String, stem: String) {
        #expect(SearchRules.kyrgyz.stem(word) == stem)
    }

    @Test(arguments: [
        ("слушаниях", "слушан"), ("слушания", "слушан"), ("слушаний", "слушан"), ("слушаниями", "слушан"),
        ("бюджета", "бюджет"), ("бюджетов", "бюджет"), ("бюджету", "бюджет"), ("бюджетных", "бюджетн"), ("бюджетный", "бюджетн"),
        ("партнёрства", "партнерств"), ("партнерство", "партнерств"), ("жителей", "жител"), ("жители", "жител"),
        ("прозрачности", "прозрачн"), ("прозрачность", "прозрачн"), ("года", "год"),
    ])
    func russianEndingsAreStripped(word: String, stem: String) {
        #expect(SearchRules.russian.stem(word) == stem)
    }

    @Test(arguments: [
        ("hearings", "hear"), ("hearing", "hear"), ("budgets", "budget"), ("budgeted", "budget"),
        ("communities", "commun"), ("community", "commun"), ("villages", "villag"), ("village", "villag"), ("taxes", "tax"),
    ])
    func englishEndingsAreStripped(word: String, stem: String) {
        #expect(SearchRules.english.stem(word) == stem)
    }

    @Test func aStemKeepsItsMinimumLength() {
        #expect(SearchRules.kyrgyz.stem("суу") == "суу")
        #expect(SearchRules.kyrgyz.stem("суулар") == "суу")
        #expect(SearchRules.russian.stem("его") == "его")
        #expect(SearchRules.english.stem("uses") == "use")
    }

    @Test func suffixesAreListedLongestFirst() {
        for rules in [SearchRules.kyrgyz, .russian, .english] {
            let lengths = rules.suffixes.map(\.unicodeScalars.count)
            #expect(lengths == lengths.sorted(by: >))
        }
    }

    @Test func excerptsAreTextWithoutMarkup() {
        let html = "<h2 id=\"a\">Кыскача</h2>\n<p>Айыл &amp; шаар &lt;тест&gt; &#1187;</p><p>Экинчи\n\nабзац</p>"
        #expect(PlainText.excerpt(ofHTML: html, limit: 100) == "Кыскача Айыл & шаар <тест> ң Экинчи абзац")
        #expect(PlainText.excerpt(ofHTML: "<p>бир эки үч төрт беш алты</p>", limit: 15) == "бир эки үч…")
    }

    /// A letter written as its base and a combining mark is one letter, as the browser's NFC makes the query.
    @Test func decomposedLettersAreComposedFirst() {
        #expect(SearchTokenizer.normalized(PlainText.composed("Баи\u{306}ке")) == "байке")
        #expect(PlainText.composed("бюджет") == "бюджет")
    }
}
