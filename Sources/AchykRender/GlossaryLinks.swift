import AchykModel
import AchykSite

/// Links from the words a budget page uses to their explanation on the glossary page (`pages/glossary.<lang>.md`,
/// one `###` heading per term). The page's words are UI strings ("Deficit") and the glossary's headings the editors'
/// ("Budget deficit", "Бюджеттин тартыштыгы (дефицит)"), so they are matched by the first letters of their words.
extension SiteRenderer {
    /// The address of the glossary's explanation of `label`, seen from `path`; nil without a glossary or a heading
    /// that names the term.
    func glossaryLink(for label: String, from path: String, in language: Language) -> String? {
        guard let group = siteMap.pagesBySlug["glossary"], let terms = glossaryTerms[language] else { return nil }
        let wanted = Self.stems(of: label, insideParentheses: false)
        guard !wanted.isEmpty else { return nil }
        let matches = terms.filter { heading in
            let words = Self.stems(of: heading.html, insideParentheses: true)
            return wanted.allSatisfy { stem in words.contains { $0.hasPrefix(stem) || stem.hasPrefix($0) } }
        }
        // The heading with the fewest other words is the term itself ("Deficit" is "Budget deficit", not a longer one).
        guard let best = matches.min(by: { Self.stems(of: $0.html, insideParentheses: true).count < Self.stems(of: $1.html, insideParentheses: true).count })
        else { return nil }
        return SitePaths.relative(from: path, to: paths.page(group.key, in: language)) + "#" + best.id
    }

    /// The words of a text, lower-cased and cut to five letters (enough to match "тартыштык" with "тартыштыгы").
    static func stems(of text: String, insideParentheses: Bool) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        func finish() {
            if current.count >= 2 { words.append(String(current.prefix(5))) }
            current = ""
        }
        for character in text.lowercased() {
            if character == "(" { finish(); depth += 1; continue }
            if character == ")" { finish(); depth = max(0, depth - 1); continue }
            if depth > 0 && !insideParentheses { continue }
            if character.isLetter { current.append(character) } else { finish() }
        }
        finish()
        return words
    }
}
