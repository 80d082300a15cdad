/// A file under `Content/files/`, copied to `/files/` as it is.
public struct StaticFile: Hashable, Sendable {
    /// Absolute path of the source file.
    public let sourcePath: String
    /// Output path relative to the site root, such as `files/report.pdf`.
    public let outputPath: String

    public init(sourcePath: String, outputPath: String) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath
    }
}

/// Everything read from the content folder, before any rendering.
public struct SiteContent: Hashable, Sendable {
    public let settings: SiteSettings
    /// Sorted by key.
    public let pages: [PageGroup]
    public let files: [StaticFile]
    /// Municipalities with their budget tables, by id.
    public let budgets: [MunicipalityBudgets]
    /// Partnership records, by id.
    public let partnerships: [PartnershipRecord]

    /// Each kind's pages in the order readers see them, computed once: renderers ask for them on every page.
    private let byKind: [PageKind: [PageGroup]]

    public init(
        settings: SiteSettings, pages: [PageGroup], files: [StaticFile], budgets: [MunicipalityBudgets] = [],
        partnerships: [PartnershipRecord] = []
    ) {
        self.settings = settings
        self.partnerships = partnerships.sorted { $0.id < $1.id }
        self.budgets = budgets.sorted { $0.id < $1.id }
        self.pages = pages.sorted { $0.key < $1.key }
        self.files = files.sorted { $0.outputPath < $1.outputPath }
        var byKind = Dictionary(grouping: self.pages, by: \.key.kind)
        byKind[.caseStudy]?.sort { PageKey.handbookOrder($0.key, $1.key) }
        byKind[.news]?.sort { $0.key.stem > $1.key.stem }
        self.byKind = byKind
    }

    private init(copying content: SiteContent, pages: [PageGroup], byKind: [PageKind: [PageGroup]], budgets: [MunicipalityBudgets]? = nil) {
        self.settings = content.settings
        self.partnerships = content.partnerships
        self.budgets = budgets ?? content.budgets
        self.files = content.files
        self.pages = pages
        self.byKind = byKind
    }

    /// The same content with the budget tables let go once their figures are computed: a table of hundreds of
    /// thousands of lines would otherwise stay in memory beside its figures while the pages are made.
    public func droppingBudgetTables() -> SiteContent {
        SiteContent(copying: self, pages: pages, byKind: byKind, budgets: budgets.map { MunicipalityBudgets(municipality: $0.municipality, tables: []) })
    }

    /// The same content with these groups in place of those with the same keys, in the same order (`serve`
    /// replaces a page or two after an edit; sorting tens of thousands again would cost more than the edit).
    public func replacing(_ groups: [PageGroup]) -> SiteContent {
        let replacements = Dictionary(groups.map { ($0.key, $0) }) { _, new in new }
        func replaced(_ list: [PageGroup]) -> [PageGroup] {
            var list = list
            for index in list.indices where replacements[list[index].key] != nil {
                list[index] = replacements[list[index].key] ?? list[index]
            }
            return list
        }
        var byKind = self.byKind
        for kind in Set(groups.map(\.key.kind)) { byKind[kind] = byKind[kind].map(replaced) }
        return SiteContent(copying: self, pages: replaced(pages), byKind: byKind)
    }

    /// The pages of one kind: case studies by their number, news newest first, pages by name.
    public func pages(of kind: PageKind) -> [PageGroup] { byKind[kind] ?? [] }
}
