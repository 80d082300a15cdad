import AchykContent
import AchykModel
import Foundation

/// What is still to translate (`achyk check --translations`): each page and record of the content, per language,
/// written in that language, shown in another one with a notice, or not shown at all.
public struct TranslationReport: Sendable {
    public enum Status: Hashable, Sendable {
        case translated
        /// Shown in this language from another one, with a notice.
        case fallback(Language)
        /// Nothing to show: no language has the text.
        case missing
    }

    public struct Item: Sendable {
        public let section: String
        /// The content file, relative to the content folder.
        public let path: String
        public let statuses: [Language: Status]
    }

    /// In the order printed.
    public static let sections = ["handbook", "news", "pages", "budget commentaries", "partnerships", "municipalities"]

    public let languages: [Language]
    public let items: [Item]

    public init(_ content: SiteContent) {
        languages = content.settings.languages
        let order = languages
        var items: [Item] = []
        func pageItems(_ kind: PageKind, _ section: String) {
            for group in content.pages(of: kind) {
                var statuses: [Language: Status] = [:]
                for language in order {
                    if group.versions[language] != nil {
                        statuses[language] = .translated
                    } else if let shown = group.version(for: language, siteOrder: order) {
                        statuses[language] = .fallback(shown.language)
                    } else {
                        statuses[language] = .missing
                    }
                }
                let path = group.versions[order.first { group.versions[$0] != nil } ?? .en]?.path ?? group.key.description
                items.append(Item(section: section, path: path, statuses: statuses))
            }
        }
        pageItems(.caseStudy, "handbook")
        pageItems(.news, "news")
        pageItems(.page, "pages")
        pageItems(.budgetCommentary, "budget commentaries")
        // A record is translated when each of its texts is; its required texts decide whether it shows at all.
        func recordStatuses(required: [LocalizedText], optional: [LocalizedText]) -> [Language: Status] {
            var statuses: [Language: Status] = [:]
            for language in order {
                let texts = (required + optional).filter { !$0.isEmpty }
                if required.contains(where: { $0.resolved(in: language, order: order) == nil }) {
                    statuses[language] = .missing
                } else if let other = texts.compactMap({ $0.resolved(in: language, order: order)?.language }).first(where: { $0 != language }) {
                    statuses[language] = .fallback(other)
                } else {
                    statuses[language] = .translated
                }
            }
            return statuses
        }
        for record in content.partnerships {
            items.append(Item(
                section: "partnerships", path: record.path,
                statuses: recordStatuses(required: [record.title], optional: [record.results, record.notes, record.rayon] + record.settlements)))
        }
        for budget in content.budgets {
            let info = budget.municipality
            items.append(Item(
                section: "municipalities", path: info.path,
                statuses: recordStatuses(required: [info.name], optional: [info.rayon] + info.hearings.map(\.place) + info.sources.values.map(\.title))))
        }
        self.items = items
    }

    public func count(_ section: String?, _ language: Language) -> (translated: Int, fallback: Int, missing: Int) {
        var counts = (translated: 0, fallback: 0, missing: 0)
        for item in items where section == nil || item.section == section {
            switch item.statuses[language] {
            case .translated: counts.translated += 1
            case .fallback: counts.fallback += 1
            case .missing, nil: counts.missing += 1
            }
        }
        return counts
    }

    /// The share of the items written in `language`, in percent; 100 for a site with nothing to translate.
    public func percentTranslated(_ language: Language) -> Double {
        let counts = count(nil, language)
        let total = counts.translated + counts.fallback + counts.missing
        return total == 0 ? 100 : Double(counts.translated) * 100 / Double(total)
    }

    /// The report as printed: a table of counts, then what to translate and what is missing, per language.
    public var text: String {
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var lines = ["Translations: translated / shown by fallback / missing"]
        lines.append(padded("section", 22) + languages.map { padded($0.rawValue, 14) }.joined())
        for section in Self.sections where items.contains(where: { $0.section == section }) {
            lines.append(padded(section, 22) + languages.map { language in
                let c = count(section, language)
                return padded("\(c.translated) / \(c.fallback) / \(c.missing)", 14)
            }.joined())
        }
        lines.append(padded("translated", 22) + languages.map { padded(Self.percent(percentTranslated($0)), 14) }.joined())
        for language in languages {
            let toTranslate = items.compactMap { item -> String? in
                guard case .fallback(let shown) = item.statuses[language] else { return nil }
                return "  \(item.path) (shown in \(shown.rawValue))"
            }
            let missing = items.filter { $0.statuses[language] == .missing }.map { "  \($0.path)" }
            if !toTranslate.isEmpty {
                lines.append("Not yet in \(language.rawValue) (\(toTranslate.count)):")
                lines += toTranslate
            }
            if !missing.isEmpty {
                lines.append("Missing in \(language.rawValue), shown in no language (\(missing.count)):")
                lines += missing
            }
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    public static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}

extension SiteBuilder {
    /// Loads and resolves the content only, for the translation report; nil when it cannot be read.
    public func translationReport(_ options: BuildOptions) -> (TranslationReport?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let loaded = ContentLoader(contentFolder: options.contentFolder, includesDrafts: options.includesDrafts).load(reporting: &diagnostics) else {
            return (nil, diagnostics)
        }
        let content = TranslationResolver().resolve(loaded, reporting: &diagnostics)
        return (TranslationReport(content), diagnostics)
    }
}
