/// How one language's words become index terms: folded letters, a minimum length, and a light suffix stripping.
///
/// The same rules run twice: here on the documents' words when the index is built, and in the reader's browser on
/// the query (`assets/search.js`), which reads them from the index's manifest, so the two cannot drift apart.
public struct SearchRules: Sendable, Hashable {
    /// Letters people leave out when they type on a phone, replaced after lowercasing: Kyrgyz ө, ү, ң are typed as
    /// о, у, н on keyboards without them, and Russian ё is mostly written е.
    public static let fold: [(from: Unicode.Scalar, to: Unicode.Scalar)] = [("ө", "о"), ("ү", "у"), ("ң", "н"), ("ё", "е")]
    /// Shorter words are not indexed (and are ignored in a query): one letter finds everything.
    public static let minTerm = 2
    /// Longer words are not indexed: no language has them, and a hostile file could fill the index with one.
    public static let maxTerm = 48

    /// The endings stripped, longest first; a word keeps at least `minStem` letters.
    public let suffixes: [String]
    public let minStem: Int
    /// How many endings may be stripped one after another (Kyrgyz stacks them: аймак-тар-ы-нын).
    public let passes: Int
    private let suffixBytes: [[UInt8]]

    public init(suffixes: [String], minStem: Int, passes: Int) {
        // Longest first, so that -лардын goes before -дын; ties in a fixed order, as the browser reads them.
        let sorted = Set(suffixes).sorted { ($0.unicodeScalars.count, $1) > ($1.unicodeScalars.count, $0) }
        self.suffixes = sorted
        self.minStem = minStem
        self.passes = passes
        suffixBytes = sorted.map { Array($0.utf8) }
    }

    public static func == (lhs: SearchRules, rhs: SearchRules) -> Bool {
        lhs.suffixes == rhs.suffixes && lhs.minStem == rhs.minStem && lhs.passes == rhs.passes
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(suffixes) }

    /// The rules for a language code (`ky`, `ru`, `en`); any other language is indexed by whole words.
    public static func rules(for language: String) -> SearchRules {
        switch language {
        case "ky": kyrgyz
        case "ru": russian
        case "en": english
        default: SearchRules(suffixes: [], minStem: 3, passes: 0)
        }
    }

    /// Kyrgyz (written after folding, so -лөр is -лор): plural, the six cases, the third person's possessive, the
    /// attributive -дагы and the adjectives in -дык, which stack: "аймактарынын" → аймак-тар-ы-нын.
    public static let kyrgyz = SearchRules(suffixes: [
        // plural
        "лар", "лер", "лор", "дар", "дер", "дор", "тар", "тер", "тор",
        // genitive
        "нын", "нин", "нун", "дын", "дин", "дун", "тын", "тин", "тун",
        // accusative
        "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту",
        // dative, also after a possessive (-на)
        "га", "ге", "го", "ка", "ке", "ко", "на", "не", "но",
        // locative, also after a possessive (-нда)
        "да", "де", "до", "та", "те", "то", "нда", "нде", "ндо",
        // ablative
        "дан", "ден", "дон", "тан", "тен", "тон", "нан", "нен", "нон",
        // third person's possessive
        "ы", "и", "у", "сы", "си", "су",
        // attributive locative and adjectives of belonging
        "дагы", "деги", "догу", "тагы", "теги", "тогу",
        "дык", "дик", "дук", "тык", "тик", "тук", "лык", "лик", "лук",
    ], minStem: 3, passes: 3)

    /// Russian: the endings of nouns and adjectives in every case and number, one at a time ("слушаниях",
    /// "слушания", "слушаний" → слушан; "бюджета", "бюджетов" → бюджет).
    public static let russian = SearchRules(suffixes: [
        "иями", "ями", "ами", "иях", "ях", "ах", "ией", "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие",
        "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ым", "им", "ую", "юю", "ом", "ем", "ам", "ям", "ов", "ев",
        "ию", "ью", "ия", "ья", "ии", "ость", "ости", "остей", "остью",
        "ы", "и", "а", "я", "о", "е", "у", "ю", "ь", "й",
    ], minStem: 3, passes: 1)

    /// English: plurals, -ing, -ed and -ity forms meet at one stem ("hearings", "hearing" → hear; "communities",
    /// "community" → commun; "villages", "village" → villag).
    public static let english = SearchRules(suffixes: [
        "ities", "ity", "ings", "ing", "ies", "ied", "ed", "es", "s", "y", "e",
    ], minStem: 3, passes: 1)

    /// `word` (lowercased, folded UTF-8) without its endings.
    public func stem(_ word: [UInt8]) -> [UInt8] {
        var word = word
        stem(&word)
        return word
    }

    public func stem(_ word: inout [UInt8]) {
        var letters = Self.scalarCount(word)
        for _ in 0..<passes {
            var stripped = false
            for (index, suffix) in suffixBytes.enumerated() where suffix.count < word.count && word.ends(with: suffix) {
                let suffixLetters = suffixes[index].unicodeScalars.count
                guard letters - suffixLetters >= minStem else { continue }
                word.removeLast(suffix.count)
                letters -= suffixLetters
                stripped = true
                break
            }
            if !stripped { return }
        }
    }

    /// A word as a string, stemmed: for tests and documentation.
    public func stem(_ word: String) -> String {
        String(decoding: stem(Array(SearchTokenizer.normalized(word).utf8)), as: UTF8.self)
    }

    static func scalarCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        guard suffix.count <= count else { return false }
        var i = count - suffix.count
        for byte in suffix {
            if self[i] != byte { return false }
            i += 1
        }
        return true
    }
}
