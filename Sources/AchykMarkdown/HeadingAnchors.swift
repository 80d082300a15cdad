/// Makes heading ids the way GitHub does: lowercase words joined by hyphens, numbered when repeated.
public struct HeadingIDs: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func next(for text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else if character == " " || character == "-" || character == "_" {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count + 1)"
    }
}

/// Puts heading ids into cmark's HTML, which writes every heading as a bare `<hN>` in document order.
enum HeadingAnchors {
    static func insertIDs(_ headings: [MarkdownHeading], into html: String) -> String {
        guard !headings.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + headings.count * 32)
        var html = html
        html.withUTF8 { bytes in
            var position = 0
            for heading in headings {
                let tag: [UInt8] = [0x3C, 0x68, 0x30 + UInt8(heading.level), 0x3E]  // <hN>
                guard let found = find(tag, in: bytes, from: position) else { break }
                output.append(contentsOf: bytes[position..<found])
                output.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
                position = found + tag.count
            }
            output.append(contentsOf: bytes[position...])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index + 1] == needle[1] && bytes[index + 2] == needle[2] && bytes[index + 3] == needle[3] {
                return index
            }
            index += 1
        }
        return nil
    }
}
