import AchykModel

/// Renders a template once per distinct view and hands out the HTML after that. The same list item appears in the
/// handbook's lists by oblast and by topic, and the same menu frames every case study of a language; with
/// swift-mustache's per-lookup cost, rendering each of them once made large builds markedly faster.
final class FragmentCache<View: Hashable & Sendable>: Sendable {
    let template: String
    private let rendered = Locked<[View: String]>([:])

    init(template: String) {
        self.template = template
    }

    /// The HTML of the template for `view`, rendered by `render` the first time this view is asked for.
    func html(_ view: View, render: (View, String) -> String) -> String {
        if let cached = rendered.withLock({ $0[view] }) { return cached }
        var html = render(view, template)
        // The template file's last line break would leave a blank line where the fragment is placed.
        while html.hasSuffix("\n") { html.removeLast() }
        rendered.withLock { $0[view] = html }
        return html
    }
}
