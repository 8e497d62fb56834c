import APIModel

/// An operation's code panel: the request (the call in curl, Swift and the spec's own
/// samples, then the body), and the responses (an example body for each status, statuses
/// with the same body sharing one).
///
/// The markup is what a reader without JavaScript sees: each panel's title (its first
/// paragraph), then every example (`ex`) under its label (the example's first paragraph),
/// perhaps a note (its second), and the code. The page's script turns a panel into tabs when
/// its operation first comes into view (the labels become tab buttons, and a copy button is
/// added), so a page of thousands of operations carries no tab markup and no work at load.
struct CodePanelView {
    let site: DocsSite
    let operation: OperationModel
    var isReceiver = false

    func node() -> HTMLNode {
        .tag("div", [.class("op-code")], [.tag("div", [.class("code-sticky")], panels())])
    }

    /// One example: its labels (a language, or the statuses that share it), a note, the code.
    struct Example: Equatable {
        /// A tab for each: a language, or the statuses whose example this is.
        var labels: [String]
        /// The language a reader picks once for every operation (curl, Swift, ...), or nil.
        var language: String?
        /// For a response: the description of each of its statuses, in order.
        var descriptions: [String] = []
        var code: String
        /// Whether apigen made the example from the schema, the spec having none.
        var madeUp = false

        /// What the panel says above the code: each description with its statuses (`404,
        /// default: An error.`), and whether the example was made up.
        var note: String {
            var sentences: [(statuses: [String], text: String)] = []
            for (status, description) in zip(labels, descriptions) where !description.isEmpty {
                let text = description.last.map { ".!?".contains($0) } == true ? description : description + "."
                if let index = sentences.firstIndex(where: { $0.text == text }) {
                    sentences[index].statuses.append(status)
                } else {
                    sentences.append(([status], text))
                }
            }
            var words = sentences.map { $0.statuses.joined(separator: ", ") + ": " + $0.text }
            if madeUp { words.append("An example made from the schema.") }
            return words.joined(separator: " ")
        }
    }

    /// The request's examples, then the responses'.
    func examples() -> (request: [Example], response: [Example]) {
        let examples = OperationExamples(site: site, operation: operation, isReceiver: isReceiver)
        var request = examples.calls().map { Example(labels: [$0.label], language: $0.label, code: $0.code) }
        if let body = examples.requestBody() {
            request.append(Example(labels: [isReceiver ? "Payload" : "Body"], language: nil, code: body))
        }
        // Statuses with the same body (Quay's 400, 401, 403 and 404) share one example.
        var response: [Example] = []
        for example in examples.responses() {
            if let index = response.firstIndex(where: { $0.code == example.body }) {
                response[index].labels.append(example.status)
                response[index].descriptions.append(example.description)
            } else {
                response.append(Example(labels: [example.status], language: nil, descriptions: [example.description],
                                        code: example.body, madeUp: !example.fromSpec))
            }
        }
        return (request, response)
    }

    private func panels() -> [HTMLNode] {
        let (request, response) = examples()
        var nodes = [panel(request, title: isReceiver ? "Receive it" : "Request", key: "request")]
        if !response.isEmpty { nodes.append(panel(response, title: "Response", key: "response")) }
        return nodes
    }

    /// A titled panel of examples, each under its label (which the script reads for the tab
    /// buttons: the labels joined by ", "). A language's example says which language
    /// (`data-lang`), so picking one applies to every operation.
    private func panel(_ examples: [Example], title: String, key: String) -> HTMLNode {
        let items = examples.map { example -> HTMLNode in
            let note = example.note
            return .tag("div", [.class("ex")] + (example.language.map { [.init("data-lang", $0)] } ?? []), [
                .tag("p", [], text: example.labels.joined(separator: ", ")),
                note.isEmpty ? .empty : .tag("p", [], [.inlines(SpecText.inlines(note))]),
                // A long example scrolls, so the keyboard must reach it.
                .tag("pre", Self.mayScroll(example.code) ? [.init("tabindex", "0")] : [], [.text(example.code)]),
            ])
        }
        return .tag("div", [.class("panel"), .init("data-tabs", key)], [.tag("p", [], text: title), .fragment(items)])
    }

    /// Whether the code may be taller than its box (60% of the window, 20 lines at the
    /// least) on the narrowest screen, about 40 characters to a line: such a box scrolls,
    /// and must be reachable by keyboard. The script makes every example's box focusable.
    static func mayScroll(_ code: String) -> Bool {
        var lines = 0, column = 0
        for byte in code.utf8 {
            if byte == UInt8(ascii: "\n") {
                lines += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
                if column > 40 { lines += 1; column = 1 }
            }
            if lines >= 20 { return true }
        }
        return false
    }
}
