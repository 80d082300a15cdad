import AchykModel
import Mustache

/// A view of which a site has thousands (case studies, citizen budgets): worth a skeleton of its main block.
protocol RepeatedShapeView: FramedView, MustacheParent {}

extension PageView: RepeatedShapeView {}
extension BudgetPageView: RepeatedShapeView {}

/// Renders a template's block for thousands of pages without swift-mustache walking it for each page.
///
/// swift-mustache's control flow depends only on what each lookup answers: nothing, a Boolean, a number, a list of
/// some length, an object, or a text (any text, since every text is true in a section). So the block is rendered
/// once through a probe that answers every lookup as the page would, except that each text is a numbered marker,
/// and records each lookup with its answer: the *trace*. A later page whose lookups, replayed in the same order,
/// answer alike takes the same path through the template, so its output is the probe's output with its own texts
/// where the markers are (escaped where the template escapes them). The first page of every trace is also rendered
/// by swift-mustache and compared, so a theme doing something the markers cannot show (a transform on a text)
/// keeps its ordinary rendering.
final class BlockSkeletons: Sendable {
    private let library: MustacheLibrary
    /// False when a template uses a transform whose result depends on a text, not on its presence.
    private let usable: Bool
    /// The shapes of each template; none for a template whose probe failed (an answer of a kind the probe cannot
    /// stand in for), which is then rendered ordinarily.
    private let shapes = Locked<[String: [Shape]?]>([:])
    /// A template that makes more shapes than this is left to swift-mustache from then on.
    static let shapeLimit = 48

    init(library: MustacheLibrary, sources: [String: String]) {
        self.library = library
        self.usable = sources.values.allSatisfy(Self.usesOnlyStructuralTransforms)
    }

    struct Shape: Sendable {
        let trace: [Step]
        /// nil when the marked rendering did not give what swift-mustache gives; the trace then renders ordinarily.
        let skeleton: Skeleton?
    }

    /// One lookup: on which earlier answer (-1: the view), by name or position, and what it answered.
    struct Step: Sendable, Equatable {
        let parent: Int
        let access: Access
        let answer: Answer
    }

    enum Access: Sendable, Equatable {
        case name(String)
        case index(Int)
    }

    enum Answer: Sendable, Equatable {
        case nothing, object
        /// Whether it is empty: every text is true in a section, but `empty(…)` tells an empty one apart.
        case text(isEmpty: Bool)
        case bool(Bool)
        case number(Int)
        case list(Int)
    }

    struct Skeleton: Sendable {
        /// `literals.count == slots.count + 1`
        let literals: [String]
        let slots: [(step: Int, escaped: Bool)]
    }

    /// How many traces render from a skeleton, and how many ordinarily (for tests).
    var counts: (skeletons: Int, refused: Int) {
        shapes.withLock { shapes in
            let all = shapes.values.compactMap { $0 }.joined()
            return (all.filter { $0.skeleton != nil }.count, all.filter { $0.skeleton == nil }.count)
        }
    }

    /// `view` rendered with the registered template `name`.
    func render(_ view: some MustacheParent & Sendable, with name: String) -> String {
        guard usable, let known = shapes.withLock({ $0[name] ?? [] }) else { return library.render(view, withTemplate: name) ?? "" }
        for shape in known {
            guard let values = Self.replay(shape.trace, on: view) else { continue }
            guard let skeleton = shape.skeleton else { return library.render(view, withTemplate: name) ?? "" }
            return Self.fill(skeleton, values)
        }
        let whole = library.render(view, withTemplate: name) ?? ""
        guard known.count < Self.shapeLimit else { return whole }
        guard let (trace, skeleton) = probe(view, with: name), let values = Self.replay(trace, on: view) else {
            shapes.withLock { $0[name] = .some(nil) }
            return whole
        }
        let shape = Shape(trace: trace, skeleton: Self.fill(skeleton, values) == whole ? skeleton : nil)
        shapes.withLock { $0[name] = .some(($0[name] ?? []).map { $0 + [shape] }) }
        return whole
    }

    // MARK: - Replaying a trace on a page

    /// An answer kept for the lookups made on it, and for filling in.
    enum Value {
        case nothing
        case text(String)
        case parent(any MustacheParent)
        case list(any ProbedList)
        case plain
    }

    /// The page's answer to every step, or nil when one differs from the trace.
    static func replay(_ trace: [Step], on view: some MustacheParent) -> [Value]? {
        var values: [Value] = []
        values.reserveCapacity(trace.count)
        for step in trace {
            let owner: Value = step.parent < 0 ? .parent(view) : values[step.parent]
            let raw: Any?
            switch (step.access, owner) {
            case (.name(let name), .parent(let parent)): raw = parent.child(named: name)
            case (.index(let index), .list(let list)): raw = list.element(at: index)
            default: return nil
            }
            guard let (answer, value) = classify(raw), answer == step.answer else { return nil }
            values.append(value)
        }
        return values
    }

    static func classify(_ raw: Any?) -> (Answer, Value)? {
        switch raw {
        case .none: (.nothing, .nothing)
        case let text as String: (.text(isEmpty: text.isEmpty), .text(text))
        case let bool as Bool: (.bool(bool), .plain)
        case let number as Int: (.number(number), .plain)
        case let list as any ProbedList: (.list(list.count), .list(list))
        case let parent as any MustacheParent: (.object, .parent(parent))
        default: nil
        }
    }

    static func fill(_ skeleton: Skeleton, _ values: [Value]) -> String {
        var html = ""
        for (index, slot) in skeleton.slots.enumerated() {
            html += skeleton.literals[index]
            guard case .text(let text) = values[slot.step] else { continue }
            html += slot.escaped ? FastHTMLContentType.escape(text) : text
        }
        html += skeleton.literals[skeleton.literals.count - 1]
        return html
    }

    // MARK: - Probing

    /// The template rendered through a probe twice, the second time with an `&` in every marker to see which
    /// places escape it; nil when an answer is of a kind the probe cannot stand in for.
    private func probe(_ view: some MustacheParent & Sendable, with name: String) -> (trace: [Step], skeleton: Skeleton)? {
        let plain = Recorder(ampersand: false), marked = Recorder(ampersand: true)
        guard let plainText = library.render(Probe(view, step: -1, recorder: plain), withTemplate: name),
            let markedText = library.render(Probe(view, step: -1, recorder: marked), withTemplate: name),
            plain.isComplete, marked.isComplete, plain.trace == marked.trace,
            let (literals, markers) = FrameCache.split(plainText, ampersand: false, unmarked: nil),
            let (_, escapes) = FrameCache.split(markedText, ampersand: true, unmarked: nil),
            markers.map(\.number) == escapes.map(\.number),
            markers.allSatisfy({ plain.trace.indices.contains($0.number) && plain.trace[$0.number].answer == .text(isEmpty: false) })
        else { return nil }
        let slots = zip(markers, escapes).map { (step: $0.number, escaped: $1.escaped) }
        return (plain.trace, Skeleton(literals: literals, slots: slots))
    }

    /// Transforms that look at a list's length or ends or at whether a text is empty (`empty`, `count`, `first`,
    /// `last`) give the same answer for the probe as for the page; any other (`reversed`, `uppercased`…) could
    /// depend on a text.
    static func usesOnlyStructuralTransforms(_ source: String) -> Bool {
        let allowed: Set<Substring> = ["empty", "count", "first", "last"]
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return true }
            let tag = rest[open.upperBound..<close.lowerBound]
            if tag.first != "!", let parenthesis = tag.firstIndex(of: "(") {
                let name = tag[..<parenthesis].drop { "#^/&{!>$<% ".contains($0) }
                if !allowed.contains(name) { return false }
            }
            rest = rest[close.upperBound...]
        }
        return true
    }
}

/// A list the probe can look into without copying it.
protocol ProbedList {
    var count: Int { get }
    func element(at index: Int) -> Any
}

extension Array: ProbedList {
    func element(at index: Int) -> Any { self[index] }
}

/// Records the lookups of one probe rendering.
private final class Recorder {
    let ampersand: Bool
    private(set) var trace: [BlockSkeletons.Step] = []
    private(set) var isComplete = true

    init(ampersand: Bool) { self.ampersand = ampersand }

    /// What the template sees for `raw`: the same, except a marker for a text and a probe for an object.
    func answer(_ raw: Any?, parent: Int, access: BlockSkeletons.Access) -> Any? {
        guard let (kind, _) = BlockSkeletons.classify(raw) else {
            isComplete = false
            return nil
        }
        trace.append(BlockSkeletons.Step(parent: parent, access: access, answer: kind))
        let step = trace.count - 1
        switch raw {
        case .none: return nil
        case let text as String: return text.isEmpty ? "" : "\u{1}\(step)\(ampersand ? "&" : "")\u{2}"
        case let list as any ProbedList:
            return (0..<list.count).map { answer(list.element(at: $0), parent: step, access: .index($0)) as Any }
        case let parent as any MustacheParent: return Probe(parent, step: step, recorder: self)
        default: return raw
        }
    }
}

/// Stands in for an object of the page during probing.
private final class Probe: MustacheParent, @unchecked Sendable {
    let object: any MustacheParent
    let step: Int
    let recorder: Recorder

    init(_ object: any MustacheParent, step: Int, recorder: Recorder) {
        self.object = object
        self.step = step
        self.recorder = recorder
    }

    func child(named name: String) -> Any? {
        recorder.answer(object.child(named: name), parent: step, access: .name(name))
    }
}
