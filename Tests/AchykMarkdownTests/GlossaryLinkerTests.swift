import AchykMarkdown
import Testing

@Suite struct GlossaryLinkerTests {
    static let glossary = """
        # Словарь

        ## Уровни власти

        ### Айыл окмоту
        Исполнительный орган.

        ### Местное самоуправление
        Ближайший к жителям уровень власти.

        ### Общественное объединение (ОО)
        Организация.

        ```
        ### Не термин
        ```
        """

    @Test func termsAreTheThirdLevelHeadingsWithTheirIds() {
        let linker = GlossaryLinker(glossaryMarkdown: Self.glossary)
        #expect(Set(linker.terms.map(\.text)) == ["Айыл окмоту", "Местное самоуправление", "Общественное объединение"])
        #expect(linker.terms.first { $0.text == "Общественное объединение" }?.id == "общественное-объединение-оо")
    }

    @Test func linksTheFirstMentionInAnyFormOutsideLinksHeadingsAndCode() {
        let linker = GlossaryLinker(glossaryMarkdown: Self.glossary)
        let html = """
            <h2>Местное самоуправление</h2>
            <p>Органы <a href="x">местного самоуправления</a> и <code>айыл окмоту</code>.</p>
            <p>Работа органов местного самоуправления и айыл окмоту; снова местное самоуправление.</p>
            """
        let linked = linker.link(html, glossaryHref: "../../glossary/index.html")
        #expect(linked == """
            <h2>Местное самоуправление</h2>
            <p>Органы <a href="x">местного самоуправления</a> и <code>айыл окмоту</code>.</p>
            <p>Работа органов <a class="term" href="../../glossary/index.html#местное-самоуправление">местного самоуправления</a> и <a class="term" href="../../glossary/index.html#айыл-окмоту">айыл окмоту</a>; снова местное самоуправление.</p>
            """)
    }

    @Test func onlyWholeWordsMatch() {
        let linker = GlossaryLinker(terms: [GlossaryLinker.Term(text: "Район", id: "район")])
        #expect(linker.link("<p>Районный центр и района.</p>", glossaryHref: "g.html") == "<p>Районный центр и <a class=\"term\" href=\"g.html#район\">района</a>.</p>")
        let kyrgyz = GlossaryLinker(terms: [GlossaryLinker.Term(text: "Айыл өкмөтү", id: "айыл-өкмөтү")])
        #expect(kyrgyz.link("<p>Айыл өкмөтүнүн башчысы</p>", glossaryHref: "g.html") == "<p><a class=\"term\" href=\"g.html#айыл-өкмөтү\">Айыл өкмөтүнүн</a> башчысы</p>")
        #expect(linker.link("<p>Подрайон.</p>", glossaryHref: "g.html") == "<p>Подрайон.</p>")
    }
}
