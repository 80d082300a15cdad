/// "Did you mean" suggestions for misspelt ids and keys.
enum Suggestion {
    /// The candidate nearest to `text` by edit distance, if it is near enough to be a likely typo.
    static func closest(to text: String, in candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { ($0, distance(text, $0)) }.filter { $0.1 <= max(1, min(3, text.count / 3)) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
