import AchykModel

/// The resolve-translations stage: gathers the language versions of each page, one file per page and language.
public struct TranslationResolver: Sendable {
    public init() {}

    public func resolve(_ loaded: LoadedContent, reporting diagnostics: inout Diagnostics) -> SiteContent {
        var versions: [PageKey: [Language: SourcePage]] = [:]
        for page in loaded.pages.sorted(by: { $0.path < $1.path }) {
            if let earlier = versions[page.key]?[page.language] {
                diagnostics.error(
                    "two pages with the same slug '\(page.key.stem)' in \(page.language.rawValue): \(earlier.path) and this file; rename or remove one",
                    at: SourceLocation(page.path))
                continue
            }
            versions[page.key, default: [:]][page.language] = page
        }
        return SiteContent(
            settings: loaded.settings, pages: versions.map { PageGroup(key: $0.key, versions: $0.value) }, files: loaded.files,
            budgets: loaded.budgets, partnerships: loaded.partnerships)
    }
}
