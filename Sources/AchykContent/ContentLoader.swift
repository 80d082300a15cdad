import AchykModel
import Dispatch
import Foundation

/// What the load stage read: settings, every Markdown file on its own, and the files to copy.
public struct LoadedContent: Hashable, Sendable {
    public let settings: SiteSettings
    public let pages: [SourcePage]
    public let files: [StaticFile]
    public let budgets: [MunicipalityBudgets]
    public let partnerships: [PartnershipRecord]
    /// `names.yaml`, for checking a page read again by `serve`.
    public let names: NameCheck

    public init(settings: SiteSettings, pages: [SourcePage], files: [StaticFile], budgets: [MunicipalityBudgets], partnerships: [PartnershipRecord], names: NameCheck = .none) {
        self.settings = settings
        self.pages = pages
        self.files = files
        self.budgets = budgets
        self.partnerships = partnerships
        self.names = names
    }

    /// The same content built for another day (the `--now` flag).
    public func with(today: CalendarDate?) -> LoadedContent {
        LoadedContent(settings: settings.with(today: today), pages: pages, files: files, budgets: budgets, partnerships: partnerships, names: names)
    }

    /// The same content with another base URL (the `--base-url` flag).
    public func with(baseURL: String) -> LoadedContent {
        LoadedContent(settings: settings.with(baseURL: baseURL), pages: pages, files: files, budgets: budgets, partnerships: partnerships, names: names)
    }
}

/// The load stage: reads `Content/` into values, reporting every problem instead of stopping at the first.
public struct ContentLoader: Sendable {
    public let contentFolder: URL
    public let includesDrafts: Bool

    public init(contentFolder: URL, includesDrafts: Bool = false) {
        self.contentFolder = contentFolder.standardizedFileURL
        self.includesDrafts = includesDrafts
    }

    static let fileExtensionsRead: Set<String> = ["md", "yaml", "csv"]

    /// Reads everything; nil when the content cannot be built at all (no usable site.yaml).
    public func load(reporting diagnostics: inout Diagnostics) -> LoadedContent? {
        let files = ContentWalker(root: contentFolder).files(reporting: &diagnostics)
        guard let settings = loadSettings(reporting: &diagnostics) else { return nil }
        let names = loadNames(present: files.contains(NamesReader.path), reporting: &diagnostics)
        var pageFiles: [(path: String, kind: PageKind)] = []
        var staticFiles: [StaticFile] = []
        var recordFiles: [String] = []
        var budgetFiles = BudgetFiles()
        for file in files {
            let components = file.split(separator: "/").map(String.init)
            let ext = (file as NSString).pathExtension
            if components.count == 2, ext == "md", let kind = PageKind(rawValue: components[0]), kind != .budgetCommentary {
                pageFiles.append((file, kind))
                continue
            }
            if components.first == "budgets" {
                if let commentary = budgetFiles.add(file, components: components, reporting: &diagnostics) {
                    pageFiles.append((commentary, .budgetCommentary))
                }
                continue
            }
            switch (components.first, components.count, ext) {
            case ("site.yaml", 1, _), ("names.yaml", 1, _):
                continue
            case ("files", _, _):
                // Copied as they are when the site is written: a file that cannot be read is found now, at its path.
                let source = contentFolder.appendingPathComponent(file).path
                guard access(source, R_OK) == 0 else {
                    diagnostics.error("the file cannot be read (\(String(cString: strerror(errno)))); check its permissions", at: SourceLocation(file))
                    continue
                }
                staticFiles.append(StaticFile(sourcePath: source, outputPath: file))
            case ("partnerships", 2, "yaml"):
                recordFiles.append(file)
            case (_, _, let ext) where Self.fileExtensionsRead.contains(ext):
                diagnostics.warning("this file is not in a folder achyk reads (pages/, news/, handbook/, partnerships/, budgets/); it is not read", at: SourceLocation(file))
            default:
                diagnostics.warning("only .md, .yaml and .csv files are read (images and documents go in files/); this file is not read", at: SourceLocation(file))
            }
        }
        let pages = loadPages(pageFiles, settings: settings, names: names, reporting: &diagnostics)
        let budgets = loadBudgets(budgetFiles, settings: settings, names: names, reporting: &diagnostics)
        let partnerships = loadPartnerships(recordFiles, settings: settings, names: names, reporting: &diagnostics)
        return LoadedContent(settings: settings, pages: pages, files: staticFiles, budgets: budgets, partnerships: partnerships, names: names)
    }

    private func loadNames(present: Bool, reporting diagnostics: inout Diagnostics) -> NameCheck {
        guard present, let text = readText(at: contentFolder.appendingPathComponent(NamesReader.path), path: NamesReader.path, reporting: &diagnostics)
        else { return .none }
        return NamesReader().read(text, reporting: &diagnostics)
    }

    private func loadSettings(reporting diagnostics: inout Diagnostics) -> SiteSettings? {
        let url = contentFolder.appendingPathComponent("site.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error("no site.yaml in the content folder \(contentFolder.path); is this the right folder?", at: SourceLocation("site.yaml"))
            return nil
        }
        guard let text = readText(at: url, path: "site.yaml", reporting: &diagnostics) else { return nil }
        return SiteSettingsReader().read(text, reporting: &diagnostics)
    }

    /// Reads the Markdown files on all cores: each file is read and parsed on its own, and the results are put
    /// back in file order so that the outcome never depends on timing.
    private func loadPages(
        _ files: [(path: String, kind: PageKind)], settings: SiteSettings, names: NameCheck, reporting diagnostics: inout Diagnostics
    ) -> [SourcePage] {
        let results = Locked<[(SourcePage?, Diagnostics)?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var fileDiagnostics = Diagnostics()
            let page = loadPage(at: files[index].path, kind: files[index].kind, settings: settings, names: names, reporting: &fileDiagnostics)
            results.withLock { $0[index] = (page, fileDiagnostics) }
        }
        var pages: [SourcePage] = []
        for case let (page, fileDiagnostics)? in results.withLock({ $0 }) {
            diagnostics.append(contentsOf: fileDiagnostics)
            if let page, includesDrafts || !page.frontMatter.isDraft { pages.append(page) }
        }
        return pages
    }

    private func loadPartnerships(_ files: [String], settings: SiteSettings, names: NameCheck, reporting diagnostics: inout Diagnostics) -> [PartnershipRecord] {
        files.sorted().compactMap { path in
            let stem = String((path as NSString).lastPathComponent.dropLast(".yaml".count))
            guard Identifier.isValid(stem) else {
                diagnostics.error("file name '\(stem)' may hold only lowercase letters a-z, digits and hyphens", at: SourceLocation(path))
                return nil
            }
            guard let text = readText(at: contentFolder.appendingPathComponent(path), path: path, reporting: &diagnostics) else { return nil }
            names.checkRecord(text, path: path, reporting: &diagnostics)
            return PartnershipReader(settings: settings, stem: stem, names: names).read(text, reporting: &diagnostics)
        }
    }

    /// Reads one Markdown file again (for `serve`, after an edit); nil when it does not load.
    package func reloadPage(at path: String, settings: SiteSettings, names: NameCheck, reporting diagnostics: inout Diagnostics) -> SourcePage? {
        let components = path.split(separator: "/")
        guard path.hasSuffix(".md"), let kind = PageKind(rawValue: String(components[0])),
            components.count == (kind == .budgetCommentary ? 3 : 2)
        else { return nil }
        return loadPage(at: path, kind: kind, settings: settings, names: names, reporting: &diagnostics)
    }

    private func loadPage(at path: String, kind: PageKind, settings: SiteSettings, names: NameCheck, reporting diagnostics: inout Diagnostics) -> SourcePage? {
        let fileName = (path as NSString).lastPathComponent
        guard let name = PageFileName.parse(fileName, kind: kind, settings: settings, path: path, reporting: &diagnostics),
            let text = readText(at: contentFolder.appendingPathComponent(path), path: path, reporting: &diagnostics)
        else { return nil }
        LetterCheck.check(text, language: name.language, path: path, reporting: &diagnostics)
        names.check(text, language: name.language, path: path, reporting: &diagnostics)
        return PageReader(settings: settings).read(text, path: path, kind: kind, name: name, reporting: &diagnostics)
    }

    /// Reads a file as UTF-8 text; an unreadable, too large, binary or mis-encoded file is an error at its path.
    func readText(at url: URL, path: String, reporting diagnostics: inout Diagnostics) -> String? {
        switch TextDecoding.contents(of: url.path) {
        case .success(let data):
            return TextDecoding.utf8Text(data, path: path, reporting: &diagnostics)
        case .failure(let problem):
            diagnostics.error(problem.message(limit: TextDecoding.textLimit), at: SourceLocation(path))
            return nil
        }
    }
}
