import Foundation
import Testing
@testable import AchykSearch

@Suite struct SearchIndexTests {
    /// The payload of `achykSearch.<name>(…);` as JSON: every file must be data the browser reads, nothing else.
    private func payload(_ file: SearchIndexFile) throws -> Any {
        var text = file.contents
        #expect(text.hasPrefix("achykSearch.") && text.hasSuffix(");\n"))
        text.removeLast(3)
        let open = try #require(text.firstIndex(of: "("))
        text = "[" + text[text.index(after: open)...] + "]"
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    private func file(_ name: String, in files: [String: SearchIndexFile]) throws -> Any {
        let file = try #require(files[name])
        return try payload(file)
    }

    private func index(_ documents: [SearchDocument], language: String = "ru", shardTarget: Int = 48 * 1024) -> [String: SearchIndexFile] {
        var builder = SearchIndexBuilder(language: language)
        builder.shardTarget = shardTarget
        for document in documents { builder.add(document) }
        return Dictionary(uniqueKeysWithValues: builder.files().map { ($0.name, $0) })
    }

    /// The terms of every shard, decoded as the browser does: first document, then differences.
    private func postings(_ files: [String: SearchIndexFile]) throws -> (shards: [(prefix: String, number: Int)], terms: [String: (shard: Int, documents: [Int: Int])]) {
        let manifest = try #require(file("manifest.js", in: files) as? [Any])
        let fields = try #require(manifest.first as? [String: Any])
        let shards = try #require(fields["shards"] as? [[Any]]).map { ($0[0] as? String ?? "?", $0[1] as? Int ?? -1) }
        var terms: [String: (shard: Int, documents: [Int: Int])] = [:]
        for (_, number) in shards {
            let contents = try #require(try file("t\(number).js", in: files) as? [Any])
            #expect(contents.first as? Int == number)
            for (term, list) in try #require(contents.last as? [String: [Int]]) {
                var documents: [Int: Int] = [:]
                var id = 0
                for pair in stride(from: 0, to: list.count, by: 2) {
                    id += list[pair]
                    documents[id] = list[pair + 1]
                }
                #expect(terms[term] == nil, "\(term) in two shards")
                terms[term] = (number, documents)
            }
        }
        return (shards, terms)
    }

    @Test func wordsAreFoundInTheirPagesWithTitlesRankedFirst() throws {
        let files = index([
            SearchDocument(path: "ru/a/index.html", title: "Бюджетные слушания", kind: .page, bodyHTML: "<p>Слушания прошли в селе.</p>"),
            SearchDocument(path: "ru/b/index.html", title: "Вода", kind: .caseStudy, place: "Баткенская область", bodyHTML: "<p>О бюджете села и слушаниях.</p>"),
        ])
        let terms = try postings(files).terms
        let hearings = try #require(terms["слушан"]).documents
        #expect(Set(hearings.keys) == [0, 1])
        #expect((hearings[0] ?? 0) > (hearings[1] ?? 0))
        #expect(try #require(terms["баткенск"]).documents.keys.sorted() == [1])
        #expect(terms["прошл"] != nil && terms["о"] == nil)
    }

    /// The browser looks a term up in the shard of the longest prefix that starts it; every term must be there.
    @Test func eachTermIsInTheShardOfItsLongestPrefix() throws {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("абвгдежзиклмнопрстуфхцчшыэюя")
        let documents = (0..<400).map { number in
            let words = (0..<60).map { _ in String((0..<Int.random(in: 3...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }) }
            return SearchDocument(path: "ky/\(number)/index.html", title: "Барак \(number)", kind: .page, bodyHTML: words.joined(separator: " "))
        }
        let files = index(documents, language: "ky", shardTarget: 4096)
        let (shards, terms) = try postings(files)
        #expect(shards.count > 10)
        #expect(shards.contains { $0.prefix.unicodeScalars.count >= 2 })
        #expect(shards.first?.prefix == "")
        for (term, entry) in terms {
            let home = shards.filter { term.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
            #expect(home?.number == entry.shard, "\(term)")
        }
        // No shard is much larger than the target unless it holds one term.
        for (_, number) in shards {
            let size = try #require(files["t\(number).js"]).contents.utf8.count
            let count = terms.values.filter { $0.shard == number }.count
            #expect(size <= 4096 + 200 || count == 1, "shard \(number): \(size) bytes, \(count) terms")
        }
    }

    @Test func documentsAreChunkedAsTheManifestSays() throws {
        let documents = (0..<50).map { SearchDocument(path: "en/\($0)/index.html", title: "Page \($0)", kind: .news, summary: String(repeating: "word ", count: 80)) }
        let files = index(documents, language: "en")
        let manifest = try #require(file("manifest.js", in: files) as? [Any])
        let fields = try #require(manifest.first as? [String: Any])
        let chunk = try #require(fields["chunk"] as? Int)
        #expect(fields["docs"] as? Int == 50)
        for id in [0, 17, 49] {
            let entries = try #require(try file("d\(id / chunk).js", in: files) as? [Any])
            let list = try #require(entries.last as? [[String]])
            #expect(list[id % chunk][0] == "en/\(id)/index.html")
            #expect(list[id % chunk][2] == "news")
            #expect(list[id % chunk][4].count <= SearchIndexBuilder.excerptLength + 1)
        }
    }

    /// Titles come from content: none may end the script or break the JSON, whatever it holds.
    @Test func hostileTitlesStayData() throws {
        let title = "</script><script>alert(1)</script> \"quoted\" \\ back\u{2028}line\u{1}bell"
        let files = index([SearchDocument(path: "en/x/index.html", title: title, kind: .page, place: "<b>", bodyHTML: "<script>alert(2)</script>")])
        for file in files.values {
            #expect(!file.contents.contains("</"))
            #expect(!file.contents.contains("\u{2028}"))
            _ = try payload(file)
        }
        let entries = try #require(file("d0.js", in: files) as? [Any])
        let list = try #require(entries.last as? [[String]])
        #expect(list[0][1] == "</script><script>alert(1)</script> \"quoted\" \\ back line bell")
    }

    @Test func theManifestCarriesTheRulesTheBrowserApplies() throws {
        let files = index([SearchDocument(path: "ky/x/index.html", title: "Бюджет", kind: .page)], language: "ky")
        let manifest = try #require(file("manifest.js", in: files) as? [Any])
        let fields = try #require(manifest.first as? [String: Any])
        let stem = try #require(fields["stem"] as? [String: Any])
        #expect(stem["suffixes"] as? [String] == SearchRules.kyrgyz.suffixes)
        #expect(stem["min"] as? Int == 3 && stem["passes"] as? Int == 3)
        #expect(fields["fold"] as? [String: String] == ["ө": "о", "ү": "у", "ң": "н", "ё": "е"])
        #expect(fields["minTerm"] as? Int == SearchRules.minTerm)
    }
}
