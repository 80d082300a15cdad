import Foundation

/// A currency a funding entry may be given in.
public enum Currency: String, CaseIterable, Hashable, Sendable {
    case kgs = "KGS", usd = "USD", eur = "EUR"
}

/// An organisation in a partnership: a CSO, a local government or another state body.
public struct Partner: Hashable, Sendable {
    public let name: LocalizedText
    public let kind: String?

    public init(name: LocalizedText, kind: String?) {
        self.name = name
        self.kind = kind
    }
}

/// An amount of money a case names, in the currency the case gives it.
public struct Funding: Hashable, Sendable {
    /// In hundredths of the currency's unit, as given.
    public let amount: Amount
    public let currency: Currency
    public let source: LocalizedText
    public let year: Int?

    public init(amount: Amount, currency: Currency, source: LocalizedText, year: Int?) {
        self.amount = amount
        self.currency = currency
        self.source = source
        self.year = year
    }
}

/// `partnerships/<id>.yaml`: the structured record of one partnership.
public struct PartnershipRecord: Hashable, Sendable {
    public let id: String
    public let title: LocalizedText
    /// One or more.
    public let oblasts: [Oblast]
    public let rayon: LocalizedText
    /// Each in the reader's language where `names.yaml` knows it, else as written.
    public let settlements: [LocalizedText]
    public let cso: [Partner]
    public let lsg: [Partner]
    public let state: [Partner]
    public let startYear: Int
    /// Nil while the partnership goes on.
    public let endYear: Int?
    public let topics: [Topic]
    public let funding: [Funding]
    /// Markdown.
    public let results: LocalizedText
    public let caseStudy: String?
    public let municipality: String?
    /// Editorial notes (figures in the source that disagree, for example); Markdown.
    public let notes: LocalizedText
    /// Relative to the content folder.
    public let path: String
    /// Lines of the keys that name other content, for messages about them.
    public let caseStudyLine: Int
    public let municipalityLine: Int

    public init(
        id: String, title: LocalizedText, oblasts: [Oblast], rayon: LocalizedText, settlements: [LocalizedText], cso: [Partner],
        lsg: [Partner], state: [Partner], startYear: Int, endYear: Int?, topics: [Topic], funding: [Funding],
        results: LocalizedText, caseStudy: String?, municipality: String?, notes: LocalizedText, path: String,
        caseStudyLine: Int = 1, municipalityLine: Int = 1
    ) {
        self.id = id
        self.title = title
        self.oblasts = oblasts
        self.rayon = rayon
        self.settlements = settlements
        self.cso = cso
        self.lsg = lsg
        self.state = state
        self.startYear = startYear
        self.endYear = endYear
        self.topics = topics
        self.funding = funding
        self.results = results
        self.caseStudy = caseStudy
        self.municipality = municipality
        self.notes = notes
        self.path = path
        self.caseStudyLine = caseStudyLine
        self.municipalityLine = municipalityLine
    }
}
