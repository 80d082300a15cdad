import AchykModel
import Foundation

/// The script that reloads a page after each build, put into pages only while serving.
enum LiveReload {
    static let script = """
        <script>(function () {
          var events = new EventSource("\(PreviewServer.livePath)");
          events.onmessage = function () { location.reload(); };
        })();</script>
        """

    /// The page with the overlay after `<body>` and the script before `</body>`.
    static func inject(into page: String, overlay: String) -> String {
        var page = page
        if !overlay.isEmpty, let body = page.range(of: "<body") , let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: overlay, at: page.index(after: end))
        }
        if let close = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script + "\n", at: close.lowerBound)
        } else {
            page += script
        }
        return page
    }
}

/// A build's problems, as a panel over the page or as a page of their own when nothing has built yet.
enum ProblemPage {
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        """
        <div id="achyk-problems" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;\
        background:#fff4f4;color:#111;border-top:4px solid #b00020;padding:1rem;font:14px/1.5 monospace">\
        <strong>The last build failed; this is the previous version of the page.</strong>
        <pre style="white-space:pre-wrap;margin:0.5rem 0 0">\(lines(diagnostics))</pre></div>
        """
    }

    static func standalone(_ diagnostics: [Diagnostic]) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>achyk: the site does not build</title></head>
        <body><main><h1>The site does not build yet</h1><p>Fix these problems and save; this page reloads by itself.</p>
        <pre>\(lines(diagnostics))</pre></main></body></html>
        """
    }

    private static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { escape($0.description) }.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
