import AchykModel
import Foundation
import Yams

/// Reads `site.yaml`.
struct SiteSettingsReader {
    static let knownKeys: Set<String> = [
        "title", "description", "base_url", "languages", "organisation", "data_licence", "exchange_rates",
        "markdown", "menu", "keep",
    ]

    let path = "site.yaml"

    /// The settings, or nil when the file cannot give the required ones (each problem reported).
    func read(_ text: String, reporting diagnostics: inout Diagnostics) -> SiteSettings? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let map = file.mapping(
            text, what: "site.yaml", known: Self.knownKeys, ifEmpty: "site.yaml is empty; it needs title, base_url and languages",
            reporting: &diagnostics)
        else { return nil }

        let languages = readLanguages(map, reporting: &diagnostics)
        let title = map.localizedText("title", languages: languages, required: true, reporting: &diagnostics)
        let description = map.localizedText("description", languages: languages, reporting: &diagnostics)
        let organisation = map.localizedText("organisation", languages: languages, reporting: &diagnostics)
        let baseURL = readBaseURL(map, reporting: &diagnostics)
        let licence = map.string("data_licence", reporting: &diagnostics)
        let rates = readExchangeRates(map, reporting: &diagnostics)
        let rawHTML = readMarkdownOptions(map, reporting: &diagnostics)
        let menu = map["menu"] == nil ? nil : map.strings("menu", reporting: &diagnostics).map { MenuEntry($0.text, line: $0.location.line) }
        let keep = readKeep(map, reporting: &diagnostics)

        // With the languages known, the rest of the content can still be checked; the errors above stop the build.
        guard !languages.isEmpty else { return nil }
        return SiteSettings(
            title: title ?? LocalizedText([:]), description: description ?? LocalizedText([:]),
            baseURL: baseURL ?? "https://example.org/", languages: languages,
            organisation: organisation ?? LocalizedText([:]), dataLicence: licence, exchangeRates: rates,
            allowsRawHTML: rawHTML, menu: menu, keep: keep)
    }

    /// `keep`: names at the top of the output folder, never paths (a name with `/` or `..` could reach anywhere).
    private func readKeep(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [String] {
        guard map["keep"] != nil else { return [] }
        return map.strings("keep", reporting: &diagnostics).compactMap { name, location in
            let generated: Set<String> = ["index.html", "404.html", "sitemap.xml", "assets", "data", "files", ".achyk-output"]
            guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.contains("\0") else {
                diagnostics.error("keep: '\(name)' must be the name of a file or folder at the top of the output folder, without '/'", at: location)
                return nil
            }
            guard !generated.contains(name), Language(rawValue: name) == nil else {
                diagnostics.error("keep: '\(name)' is written by achyk on every build and cannot be kept", at: location)
                return nil
            }
            return name
        }
    }

    private func readLanguages(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [Language] {
        guard map["languages"] != nil else {
            diagnostics.error("missing required key 'languages' (for example: languages: [ky, ru, en])", at: map.file.fileLocation)
            return []
        }
        let errorsBefore = diagnostics.errorCount
        var languages: [Language] = []
        for (code, location) in map.strings("languages", reporting: &diagnostics) {
            guard let language = Language(rawValue: code) else {
                diagnostics.error("unsupported language '\(code)'; achyk has UI strings for ky, ru and en", at: location)
                continue
            }
            if languages.contains(language) {
                diagnostics.error("language '\(code)' is listed twice", at: location)
            } else {
                languages.append(language)
            }
        }
        // Only when no listed language was wrong (that has its own message); errors elsewhere do not count.
        if languages.isEmpty && diagnostics.errorCount == errorsBefore {
            diagnostics.error("'languages' is empty; list at least one of ky, ru, en", at: map.location(of: "languages"))
        }
        return languages
    }

    private func readBaseURL(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> String? {
        guard let text = map.string("base_url", required: true, reporting: &diagnostics) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            diagnostics.error("base_url '\(text)' must be an absolute http or https address, such as https://example.org/", at: map.location(of: "base_url"))
            return nil
        }
        return text
    }

    private func readExchangeRates(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> [String: Decimal] {
        guard let node = map["exchange_rates"], !node.isNull else { return [:] }
        guard let rates = YAMLMapping(node, in: map.file, what: "exchange_rates", reporting: &diagnostics) else { return [:] }
        var result: [String: Decimal] = [:]
        for entry in rates.entries {
            let text = entry.value.scalar?.string ?? ""
            guard ["USD", "EUR"].contains(entry.key) else {
                diagnostics.error("exchange_rates: '\(entry.key)' is not a currency achyk converts (USD, EUR)", at: map.file.location(of: entry.keyNode))
                continue
            }
            guard let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0 else {
                diagnostics.error("exchange_rates: '\(text)' is not a positive number of som", at: map.file.location(of: entry.value))
                continue
            }
            result[entry.key] = rate
        }
        return result
    }

    private func readMarkdownOptions(_ map: YAMLMapping, reporting diagnostics: inout Diagnostics) -> Bool {
        guard let node = map["markdown"], !node.isNull else { return false }
        guard let options = YAMLMapping(node, in: map.file, what: "markdown", reporting: &diagnostics) else { return false }
        options.reportUnknownKeys(known: ["raw_html"], in: "markdown", reporting: &diagnostics)
        return options.bool("raw_html", reporting: &diagnostics) ?? false
    }
}
