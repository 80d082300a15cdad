import AchykModel
import CMarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTML made from one Markdown text.
public struct RenderedMarkdown: Hashable, Sendable {
    public let html: String

    public init(html: String) { self.html = html }
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
/// so every parse in the process goes through one lock. Conversion is cheap; parallelism belongs to templates.
public struct MarkdownConverter: Sendable {
    /// Whether raw HTML passes through (site.yaml `markdown: {raw_html: true}`); otherwise it becomes a comment.
    public let allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    private static let lock = Mutex<Bool>(false)
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
        Self.lock.withLock { registered in
            if !registered {
                cmark_gfm_core_extensions_ensure_registered()
                registered = true
            }
            return convertLocked(markdown, rewriteLink: rewriteLink)
        }
    }

    private func convertLocked(_ markdown: String, rewriteLink: (MarkdownLink) -> String?) -> RenderedMarkdown {
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "") }
        defer { cmark_node_free(document) }
        rewriteLinks(in: document, with: rewriteLink)
        guard let htmlPointer = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "")
        }
        defer { free(htmlPointer) }
        return RenderedMarkdown(html: String(cString: htmlPointer))
    }

    private func rewriteLinks(in document: OpaquePointer, with rewriteLink: (MarkdownLink) -> String?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
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
    }
}
