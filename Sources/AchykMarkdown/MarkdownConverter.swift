import AchykModel
import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTML made from one Markdown text, with its headings.
public struct RenderedMarkdown: Hashable, Sendable {
    public let html: String
    /// Headings in document order; each has an `id` in the HTML, so links can point at it.
    public let headings: [MarkdownHeading]

    public init(html: String, headings: [MarkdownHeading] = []) {
        self.html = html
        self.headings = headings
    }
}

/// A heading of a Markdown text.
public struct MarkdownHeading: Hashable, Sendable {
    public let level: Int
    public let text: String
    /// Unique within the text: the words of the heading, lowercased, joined by hyphens ("ayil-okmot").
    public let id: String
}

/// A link or image found in Markdown, at its line counted from the start of the Markdown text.
public struct MarkdownLink: Hashable, Sendable {
    public let url: String
    public let line: Int
    public let isImage: Bool
}

/// Converts GitHub-flavoured Markdown to HTML with libcmark-gfm.
///
/// libcmark-gfm 0.29.0.gfm.6 flips entries of a process-wide table of special characters while its extensions
/// parse (`cmark_manage_extensions_special_characters`), and registers extensions behind a plain static flag,
/// so every parse in the process goes through one lock. Only parsing: walking the finished tree and rendering it
/// to HTML touch nothing shared, and run outside the lock, on as many threads as call `convert`.
public struct MarkdownConverter: Sendable {
    /// The version of the libcmark-gfm achyk runs with (`achyk --version`).
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Whether raw HTML passes through (site.yaml `markdown: {raw_html: true}`); otherwise it becomes a comment.
    public let allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    private static let lock = Locked<Bool>(false)
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private var options: Int32 {
        var options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Converts `markdown`; `rewriteLink` may replace the URL of each link and image (return nil to keep it).
    public func convert(
        _ markdown: String,
        rewriteLink: (MarkdownLink) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        // Parse under the process-wide lock; the parser and document stay this call's own afterwards.
        let parsed: (parser: OpaquePointer, document: OpaquePointer)? = Self.lock.withLock { registered in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
            guard let parser = cmark_parser_new(options) else { return nil }
            for name in Self.extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            markdown.utf8CString.withUnsafeBufferPointer { buffer in
                cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
            }
            guard let document = cmark_parser_finish(parser) else {
                cmark_parser_free(parser)
                return nil
            }
            return (parser, document)
        }
        guard let (parser, document) = parsed else { return RenderedMarkdown(html: "") }
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let headings = walk(document, rewritingLinksWith: rewriteLink)
        guard let htmlPointer = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "")
        }
        defer { free(htmlPointer) }
        return RenderedMarkdown(html: HeadingAnchors.insertIDs(headings, into: String(cString: htmlPointer)), headings: headings)
    }

    /// One pass over the tree: rewrites link and image URLs and collects the headings in document order.
    private func walk(_ document: OpaquePointer, rewritingLinksWith rewriteLink: (MarkdownLink) -> String?) -> [MarkdownHeading] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var headings: [MarkdownHeading] = []
        var ids = HeadingIDs()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                let text = plainText(of: node)
                headings.append(MarkdownHeading(level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.next(for: text)))
                continue
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let urlPointer = cmark_node_get_url(node) else {
                continue
            }
            let link = MarkdownLink(
                url: String(cString: urlPointer), line: Int(cmark_node_get_start_line(node)),
                isImage: type == CMARK_NODE_IMAGE)
            if let replacement = rewriteLink(link) {
                _ = cmark_node_set_url(node, replacement)
            }
        }
        return headings
    }

    /// The text of a node and its descendants, without markup.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
