import AchykModel

/// The validate stage: checks that need the whole site at once (a single file's problems are found as it loads).
struct SiteValidator {
    static let sections: Set<String> = ["handbook", "partnerships", "budgets", "news"]

    func validate(_ content: SiteContent, reporting diagnostics: inout Diagnostics) {
        let pageSlugs = Set(content.pages(of: .page).map(\.key.stem))
        for entry in content.settings.menu ?? [] where !Self.sections.contains(entry.name) && !pageSlugs.contains(entry.name) {
            diagnostics.warning("menu entry '\(entry.name)' is neither a page in pages/ nor a section (handbook, partnerships, budgets, news); it is left out", at: SourceLocation("site.yaml", line: entry.line))
        }
        for group in content.pages where group.key.kind == .caseStudy {
            checkCaseStudyAgreesAcrossLanguages(group, order: content.settings.languages, reporting: &diagnostics)
        }
        checkBudgetReferences(content, reporting: &diagnostics)
        checkPartnershipReferences(content, reporting: &diagnostics)
    }

    /// The place of a case is a fact, not a translation: every version must name the same oblast.
    private func checkCaseStudyAgreesAcrossLanguages(_ group: PageGroup, order: [Language], reporting diagnostics: inout Diagnostics) {
        let versions = group.translatedLanguages(siteOrder: order).compactMap { group.versions[$0] }
        guard let first = versions.first else { return }
        for other in versions.dropFirst() where other.frontMatter.oblast != first.frontMatter.oblast {
            diagnostics.error(
                "oblast '\(other.frontMatter.oblast?.rawValue ?? "")' differs from '\(first.frontMatter.oblast?.rawValue ?? "")' in \(first.path); every translation of a case names the same oblast",
                at: SourceLocation(other.path))
        }
    }

    /// A page naming a municipality needs its folder under budgets/.
    private func checkBudgetReferences(_ content: SiteContent, reporting diagnostics: inout Diagnostics) {
        let ids = Set(content.budgets.map(\.id))
        for group in content.pages where group.key.kind != .budgetCommentary {
            for page in group.versions.values {
                guard let id = page.frontMatter.municipality, !ids.contains(id) else { continue }
                diagnostics.warning("municipality '\(id)' has no folder budgets/\(id)/ with a municipality.yaml; the link to its budget is left out", at: page.location)
            }
        }
    }

    /// Case studies and partnership records name each other; each name must lead somewhere, and both must agree.
    private func checkPartnershipReferences(_ content: SiteContent, reporting diagnostics: inout Diagnostics) {
        let records = Dictionary(content.partnerships.map { ($0.id, $0) }) { first, _ in first }
        let cases = Dictionary(content.pages(of: .caseStudy).map { ($0.key.stem, $0) }) { first, _ in first }
        let municipalities = Set(content.budgets.map(\.id))
        for record in content.partnerships {
            if let stem = record.caseStudy {
                if let group = cases[stem] {
                    for page in group.versions.values {
                        if let named = page.frontMatter.partnership, named != record.id {
                            diagnostics.error("this record names case study '\(stem)', but \(page.path) names partnership '\(named)'; make them agree", at: SourceLocation(record.path, line: record.caseStudyLine))
                        }
                    }
                } else {
                    diagnostics.error("case study '\(stem)' does not exist (no handbook/\(stem).<lang>.md)", at: SourceLocation(record.path, line: record.caseStudyLine))
                }
            }
            if let id = record.municipality, !municipalities.contains(id) {
                diagnostics.warning("municipality '\(id)' has no folder budgets/\(id)/ with a municipality.yaml; the link to its budget is left out", at: SourceLocation(record.path, line: record.municipalityLine))
            }
        }
        for group in content.pages(of: .caseStudy) {
            for page in group.versions.values {
                guard let id = page.frontMatter.partnership, records[id] == nil else { continue }
                diagnostics.error("partnership '\(id)' does not exist (no partnerships/\(id).yaml)", at: page.location)
            }
        }
    }
}
