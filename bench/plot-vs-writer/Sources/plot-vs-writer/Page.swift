/// What both ways render: a budget page as achyk's default theme lays it out (base, menu, breadcrumbs, page).
struct Page {
    struct Link {
        var label: String
        var href: String
        /// For the language list and the alternates: `hreflang` and `lang`.
        var language = ""
        var isCurrent = false
    }

    struct FactValue {
        var label: String
        /// A value without one is plain text.
        var href: String?
    }

    struct Fact {
        var label: String
        var values: [FactValue]
    }

    /// The theme's own words.
    struct Labels {
        var skipToContent: String
        var languages: String
        var menu: String
        var breadcrumbs: String
        var publishedBy: String
        var feed: String
        var allLanguages: String
    }

    var language: String
    var siteTitle: String
    var title: String
    var documentTitle: String
    var description: String
    var canonical: String
    var alternates: [Link]
    var ogLocale: String
    var stylesheet: String
    var home: String
    var languages: [Link]
    var menu: [Link]
    var breadcrumbs: [Link]
    var dateISO: String
    var dateText: String
    var facts: [Fact]
    /// Made elsewhere (libcmark-gfm in achyk) and inserted as it is.
    var bodyHTML: String
    var organisation: String
    var feed: String
    var chooser: String
    var labels: Labels
}

extension Page {
    /// Page `number` of a run: its number is in the title, the description, the addresses and the facts, so that
    /// no two pages in a row are the same. Texts hold `&`, `<`, `>`, `"` and `'`, which need escaping.
    static func sample(number: Int) -> Page {
        let slug = "bishkek-2024-\(number)"
        let siteTitle = "Ачык бюджет — шаарлар & айылдар"
        let title = "Бишкектин жаңы бюджети №\(number): кирешелер & \"Өнүгүү\" <2024>"
        let day = number % 28 + 1
        let dateText = "\(day)-март, 2024-ж."
        return Page(
            language: "ky",
            siteTitle: siteTitle,
            title: title,
            documentTitle: "\(title) | \(siteTitle)",
            description: "Шаардык бюджеттин ачык маалыматы (№\(number)): салыктар & трансферттер. "
                + "Бюджет города на 2024 год, программа 'Развитие'.",
            canonical: "https://budget.example.kg/ky/budgets/\(slug)/",
            alternates: ["ky", "ru", "en"].map {
                Link(label: "", href: "https://budget.example.kg/\($0)/budgets/\(slug)/", language: $0)
            },
            ogLocale: "ky_KG",
            stylesheet: "/assets/style.css",
            home: "/ky/",
            languages: [
                Link(label: "Кыргызча", href: "/ky/budgets/\(slug)/", language: "ky", isCurrent: true),
                Link(label: "Русский", href: "/ru/budgets/\(slug)/", language: "ru"),
                Link(label: "English", href: "/en/budgets/\(slug)/", language: "en"),
            ],
            menu: [
                Link(label: "Башкы бет", href: "/ky/"),
                Link(label: "Бюджеттер", href: "/ky/budgets/", isCurrent: true),
                Link(label: "Жаңылыктар", href: "/ky/news/"),
                Link(label: "Өнөктөштүк", href: "/ky/partnerships/"),
                Link(label: "Түшүндүрмө сөздүк", href: "/ky/glossary/"),
                Link(label: "Биз жөнүндө", href: "/ky/about/"),
            ],
            breadcrumbs: [
                Link(label: "Башкы бет", href: "/ky/"),
                Link(label: "Бюджеттер", href: "/ky/budgets/"),
                Link(label: "Бишкек & Чүй облусу", href: "/ky/budgets/bishkek/"),
            ],
            dateISO: "2024-03-\(day < 10 ? "0" : "")\(day)",
            dateText: dateText,
            facts: [
                Fact(label: "Облус", values: [FactValue(label: "Чүй облусу", href: "/ky/oblasts/chui/")]),
                Fact(label: "Калкы", values: [FactValue(label: "\(1_074_075 + number) адам")]),
                Fact(label: "Бюджет", values: [FactValue(label: "48,2 млрд сом"), FactValue(label: "(план & факт)")]),
                Fact(label: "Бөлүмдөр", values: [
                    FactValue(label: "Финансы", href: "/ky/budgets/bishkek/finance/"),
                    FactValue(label: "Билим берүү", href: "/ky/budgets/bishkek/education/"),
                ]),
                Fact(label: "Булак", values: [
                    FactValue(
                        label: "Финансы министрлиги",
                        href: "https://minfin.example.kg/budget?year=2024&city=bishkek&page=\(number)"
                    ),
                ]),
                Fact(label: "Жаңыртылды", values: [FactValue(label: dateText)]),
            ],
            bodyHTML: bodyHTML,
            organisation: "Бишкек шаардык кеңеши & \"Ачык бюджет\" коомдук бирикмеси",
            feed: "/ky/feed.xml",
            chooser: "/",
            labels: Labels(
                skipToContent: "Мазмунга өтүү",
                languages: "Тилдер",
                menu: "Негизги меню",
                breadcrumbs: "Сиз турган жер",
                publishedBy: "Жарыялаган:",
                feed: "Жаңылыктар агымы (Atom)",
                allLanguages: "Бардык тилдер"
            )
        )
    }

    /// About 8 KB of HTML as libcmark-gfm makes it from a commentary: headings, paragraphs, a list and a table.
    static let bodyHTML: String = {
        let topics = [
            ("kiresheler", "Кирешелер", "Салык кирешелери", "Налоговые доходы выросли на 12 % по сравнению с прошлым годом"),
            ("chygashalar", "Чыгашалар", "Билим берүү жана саламаттык сактоо", "Расходы на образование & здравоохранение"),
            ("transferter", "Трансферттер", "Республикалык бюджеттен", "Трансферты из республиканского бюджета"),
            ("karyz", "Карыз", "Муниципалдык карыз", "Муниципальный долг на конец года"),
        ]
        var html = ""
        for (round, suffix) in ["", "-2"].enumerated() {
            for (index, (id, heading, subject, russian)) in topics.enumerated() {
                let share = 11 + 7 * index + round
                html += "<h2 id=\"\(id)\(suffix)\">\(round * 4 + index + 1). \(heading)</h2>\n"
                html += "<p>\(subject) шаардын бюджетинин \(share) пайызын түзөт. Бул көрсөткүч өткөн жылга "
                    + "караганда <strong>\(round + 2),\(index) пайызга</strong> өзгөрдү; толук маалымат "
                    + "<a href=\"/ky/glossary/\(id)/\">түшүндүрмө сөздүктө</a> жана "
                    + "<a href=\"https://minfin.example.kg/report?year=2024&amp;part=\(id)\">Финансы министрлигинин "
                    + "отчетунда</a> берилген.</p>\n"
                html += "<p lang=\"ru\">\(russian): <em>\(share * 3),\(index)&nbsp;млн сом</em>. Данные "
                    + "приведены по состоянию на 1 января; суммы округлены.</p>\n"
                if round == 0 {
                    html += "<ul>\n<li>Өкмөттүн токтому №\(100 + index) — «Бюджет &amp; салык саясаты»</li>\n"
                        + "<li>Жергиликтүү кеңештин чечими, \(index + 3)-сессия</li>\n</ul>\n"
                }
            }
        }
        html += "<table>\n<thead>\n<tr>\n<th>Берене</th>\n<th align=\"right\">2023</th>\n"
            + "<th align=\"right\">2024</th>\n</tr>\n</thead>\n<tbody>\n"
        for (index, (_, heading, _, _)) in topics.enumerated() {
            html += "<tr>\n<td>\(heading)</td>\n<td align=\"right\">1&nbsp;2\(index)4,5</td>\n"
                + "<td align=\"right\">1&nbsp;3\(index)8,0</td>\n</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }()
}
