import Foundation

/// The settings of `site.yaml`.
public struct SiteSettings: Hashable, Sendable {
    public let title: LocalizedText
    public let description: LocalizedText
    /// Absolute, ending with `/`.
    public let baseURL: String
    /// The first is the default language.
    public let languages: [Language]
    public let organisation: LocalizedText
    public let dataLicence: String?
    /// Som per unit of a foreign currency.
    public let exchangeRates: [String: Decimal]
    public let allowsRawHTML: Bool
    /// Page slugs and section names for the main menu, in order (an achyk extension of the contract).
    public let menu: [MenuEntry]?
    /// Names of files and folders at the top of the output folder that achyk did not write and keeps on every
    /// build, besides those it always keeps (`.git`, `CNAME`, `.nojekyll`, `README.md`).
    public let keep: [String]
    /// The day the site is built for: hearings from this day on are "next". Set by the build (`--now`, else the
    /// day in Bishkek), never by site.yaml, so that a build can be repeated exactly.
    public private(set) var today: CalendarDate?

    public init(
        title: LocalizedText, description: LocalizedText = LocalizedText([:]), baseURL: String,
        languages: [Language], organisation: LocalizedText = LocalizedText([:]), dataLicence: String? = nil,
        exchangeRates: [String: Decimal] = [:], allowsRawHTML: Bool = false, menu: [MenuEntry]? = nil, keep: [String] = []
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.languages = languages
        self.organisation = organisation
        self.dataLicence = dataLicence
        self.exchangeRates = exchangeRates
        self.allowsRawHTML = allowsRawHTML
        self.menu = menu
        self.keep = keep
    }

    public var defaultLanguage: Language { languages.first ?? .ky }

    /// The same settings with another base URL (the `--base-url` flag).
    public func with(baseURL: String) -> SiteSettings {
        SiteSettings(
            title: title, description: description, baseURL: baseURL, languages: languages,
            organisation: organisation, dataLicence: dataLicence, exchangeRates: exchangeRates,
            allowsRawHTML: allowsRawHTML, menu: menu, keep: keep
        ).with(today: today)
    }

    /// The same settings built for another day.
    public func with(today: CalendarDate?) -> SiteSettings {
        var settings = self
        settings.today = today
        return settings
    }
}

/// An entry of site.yaml's `menu`: a page slug or a section (`handbook`, `news`), with its line for messages.
public struct MenuEntry: Hashable, Sendable {
    public let name: String
    public let line: Int

    public init(_ name: String, line: Int) {
        self.name = name
        self.line = line
    }
}
