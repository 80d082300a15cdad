/// Builds one language's search index: every page's words as stems with a score per page, split into files small
/// enough that one query loads only the few it needs (see docs/search.md for the format).
public struct SearchIndexBuilder {
    public let language: String
    public let rules: SearchRules
    /// The most a file of terms should hold; one term's postings may be larger and get a file of their own.
    public var shardTarget = 48 * 1024
    /// About how much a file of documents holds (the ten results shown load at most ten of them).
    public var documentChunkTarget = 8 * 1024
    /// How many characters of a page's text a result's snippet can show.
    public static let excerptLength = 320

    private var words = TermTable()
    /// The stem of each word (by the word's number), -1 until it is known.
    private var stemOfWord: [Int32] = []
    private var stems = TermTable()
    /// Per stem: document number, score, document number, score…
    private var postings: [[UInt32]] = []
    private var scoreInDocument: [UInt32] = []
    private var bodyHits: [UInt8] = []
    private var lastDocument: [Int32] = []
    private var touched: [Int32] = []
    private var documents: [String] = []
    private let tokenizer = SearchTokenizer(skipsMarkup: false)
    private let markupTokenizer = SearchTokenizer(skipsMarkup: true)

    public init(language: String) {
        self.language = language
        rules = SearchRules.rules(for: language)
    }

    public var documentCount: Int { documents.count }

    /// Adds a page; documents are numbered in the order they are added.
    public mutating func add(_ document: SearchDocument) {
        let number = Int32(documents.count)
        tokenizer.forEachWord(in: PlainText.composed(document.title)) { record($0, digitsOnly: $1, weight: 8, in: number) }
        tokenizer.forEachWord(in: PlainText.composed(document.place)) { record($0, digitsOnly: $1, weight: 4, in: number) }
        tokenizer.forEachWord(in: PlainText.composed(document.keywords)) { record($0, digitsOnly: $1, weight: 4, in: number) }
        tokenizer.forEachWord(in: PlainText.composed(document.summary)) { record($0, digitsOnly: $1, weight: 2, in: number) }
        markupTokenizer.forEachWord(in: PlainText.composed(document.bodyHTML)) { record($0, digitsOnly: $1, weight: 0, in: number) }
        for stem in touched {
            let index = Int(stem)
            postings[index].append(UInt32(number))
            postings[index].append(min(scoreInDocument[index] + UInt32(bodyHits[index]), 999))
            scoreInDocument[index] = 0
            bodyHits[index] = 0
        }
        touched.removeAll(keepingCapacity: true)

        var summary = PlainText.collapsed(document.summary)
        if summary.count > Self.excerptLength { summary = PlainText.cut(summary, at: Self.excerptLength) }
        let room = Self.excerptLength - summary.count
        if room > 40 {
            let body = PlainText.excerpt(ofHTML: document.bodyHTML, limit: room)
            if !body.isEmpty { summary += summary.isEmpty ? body : " " + body }
        }
        var entry = "["
        for field in [document.path, PlainText.collapsed(document.title), document.kind.rawValue, PlainText.collapsed(document.place), summary] {
            if entry.count > 1 { entry += "," }
            JSONText.append(field, to: &entry)
        }
        documents.append(entry + "]")
    }

    /// A word of document `number`; weight 0 is the body, whose repetitions count up to ten.
    private mutating func record(_ word: UnsafeBufferPointer<UInt8>, digitsOnly: Bool, weight: UInt32, in number: Int32) {
        let (wordID, isNew) = words.insert(word)
        if isNew {
            var bytes = Array(word)
            if !digitsOnly { rules.stem(&bytes) }
            let (stemID, isNewStem) = bytes.withUnsafeBufferPointer { stems.insert($0) }
            if isNewStem {
                postings.append([])
                scoreInDocument.append(0)
                bodyHits.append(0)
                lastDocument.append(-1)
            }
            stemOfWord.append(Int32(stemID))
        }
        let stem = Int(stemOfWord[wordID])
        if lastDocument[stem] != number {
            lastDocument[stem] = number
            touched.append(Int32(stem))
        }
        if weight == 0 {
            if bodyHits[stem] < 10 { bodyHits[stem] += 1 }
        } else {
            scoreInDocument[stem] += weight
        }
    }

    // MARK: - Files

    /// The index's files: `manifest.js`, the terms in `t<n>.js`, the documents in `d<n>.js`.
    public func files() -> [SearchIndexFile] {
        // Terms in byte order, which is code point order: those sharing a prefix stand together.
        let order = (0..<stems.count).sorted { stems.word($0).lexicographicallyPrecedes(stems.word($1)) }
        let entries: [(term: String, text: String)] = order.map { id in
            let term = stems.string(id)
            var text = ""
            JSONText.append(term, to: &text)
            text += ":["
            var previous: UInt32 = 0
            let list = postings[id]
            var i = 0
            while i < list.count {
                if i > 0 { text += "," }
                text += String(list[i] - previous)
                text += ","
                text += String(list[i + 1])
                previous = list[i]
                i += 2
            }
            text += "]"
            return (term, text)
        }
        var files: [SearchIndexFile] = []
        var shardList: [(prefix: String, number: Int, bytes: Int)] = []
        for (number, shard) in Self.shards(of: entries.map { ($0.term, $0.text.utf8.count + 1) }, target: shardTarget).enumerated() {
            var text = "achykSearch.terms(\(number),{"
            text += shard.members.map { entries[$0].text }.joined(separator: ",")
            text += "});\n"
            files.append(SearchIndexFile(name: "t\(number).js", contents: text))
            shardList.append((shard.prefix, number, text.utf8.count))
        }

        let averageDocument = documents.isEmpty ? 1 : documents.reduce(0) { $0 + $1.utf8.count } / documents.count
        let chunk = max(1, min(64, documentChunkTarget / max(1, averageDocument)))
        var start = 0
        while start < documents.count {
            let end = min(documents.count, start + chunk)
            let text = "achykSearch.docs(\(start / chunk),[" + documents[start..<end].joined(separator: ",") + "]);\n"
            files.append(SearchIndexFile(name: "d\(start / chunk).js", contents: text))
            start = end
        }

        var manifest = "achykSearch.manifest({\"version\":1,\"language\":"
        JSONText.append(language, to: &manifest)
        manifest += ",\"fold\":{"
        manifest += SearchRules.fold.map { "\"\($0.from)\":\"\($0.to)\"" }.joined(separator: ",")
        manifest += "},\"minTerm\":\(SearchRules.minTerm),\"maxTerm\":\(SearchRules.maxTerm),\"stem\":{\"min\":\(rules.minStem),\"passes\":\(rules.passes),\"suffixes\":["
        manifest += rules.suffixes.map { suffix in
            var text = ""
            JSONText.append(suffix, to: &text)
            return text
        }.joined(separator: ",")
        manifest += "]},\"docs\":\(documents.count),\"chunk\":\(chunk),\"shards\":["
        manifest += shardList.map { shard in
            var text = "["
            JSONText.append(shard.prefix, to: &text)
            return text + ",\(shard.number),\(shard.bytes)]"
        }.joined(separator: ",")
        manifest += "]});\n"
        files.insert(SearchIndexFile(name: "manifest.js", contents: manifest), at: 0)
        return files
    }

    /// Splits terms (sorted, with their sizes) into files by prefix: a file that would be too large gives its
    /// largest groups of a longer prefix files of their own, until it fits. A term is in the file of the longest
    /// prefix that starts it, which is how the browser finds it; the empty prefix holds the rest.
    static func shards(of terms: [(term: String, bytes: Int)], target: Int) -> [(prefix: String, members: [Int])] {
        var result: [(prefix: String, members: [Int])] = []
        func split(_ prefix: String, _ prefixLength: Int, _ members: Range<Int>) {
            let total = terms[members].reduce(0) { $0 + $1.bytes }
            guard total > target else {
                result.append((prefix, Array(members)))
                return
            }
            // Groups of the next letter, which are runs in the sorted list.
            var groups: [(prefix: String, range: Range<Int>, bytes: Int)] = []
            var kept: [Int] = []
            var index = members.lowerBound
            while index < members.upperBound {
                let scalars = terms[index].term.unicodeScalars
                guard scalars.count > prefixLength else {
                    kept.append(index)
                    index += 1
                    continue
                }
                let groupPrefix = String(String.UnicodeScalarView(scalars.prefix(prefixLength + 1)))
                var end = index
                var bytes = 0
                while end < members.upperBound, terms[end].term.hasPrefixScalars(groupPrefix) {
                    bytes += terms[end].bytes
                    end += 1
                }
                groups.append((groupPrefix, index..<end, bytes))
                index = end
            }
            var remaining = total
            var promoted: [(prefix: String, range: Range<Int>)] = []
            for group in groups.sorted(by: { ($0.bytes, $1.prefix) > ($1.bytes, $0.prefix) }) where remaining > target {
                promoted.append((group.prefix, group.range))
                remaining -= group.bytes
            }
            let promotedPrefixes = Set(promoted.map(\.prefix))
            for group in groups where !promotedPrefixes.contains(group.prefix) { kept += Array(group.range) }
            result.append((prefix, kept.sorted()))
            for group in promoted.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                split(group.prefix, prefixLength + 1, group.range)
            }
        }
        split("", 0, 0..<terms.count)
        return result
    }
}

extension String {
    /// Whether the string starts with `prefix`, scalar by scalar (`hasPrefix` compares characters, and a combining
    /// mark would make a letter another character).
    func hasPrefixScalars(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }
}

/// JSON strings safe inside a script: quotes, backslashes, control characters, `<` and the two line separators
/// JavaScript once disallowed are escaped.
enum JSONText {
    static func append(_ string: String, to output: inout String) {
        var string = string
        var bytes: [UInt8] = [0x22]
        string.withUTF8 { source in
            bytes.reserveCapacity(source.count + 8)
            var index = 0
            while index < source.count {
                let byte = source[index]
                switch byte {
                case 0x22, 0x5C:
                    bytes.append(0x5C)
                    bytes.append(byte)
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x00..<0x20, 0x3C, 0x7F: bytes.append(contentsOf: escaped(UInt32(byte)))
                case 0xC2 where index + 1 < source.count && source[index + 1] < 0xA0:
                    bytes.append(contentsOf: escaped(UInt32(source[index + 1])))
                    index += 1
                case 0xE2 where index + 2 < source.count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                    bytes.append(contentsOf: escaped(source[index + 2] == 0xA8 ? 0x2028 : 0x2029))
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(0x22)
        output += String(decoding: bytes, as: UTF8.self)
    }

    private static func escaped(_ value: UInt32) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        return [0x5C, 0x75, hex[Int(value >> 12 & 15)], hex[Int(value >> 8 & 15)], hex[Int(value >> 4 & 15)], hex[Int(value & 15)]]
    }
}
