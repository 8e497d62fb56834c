import APIModel

/// One operation on the HTML page: the docs column (title, route, description, who may call
/// it, parameters, request body, responses with their schemas) and the code panel beside it
/// (the call in curl, Swift and the spec's own samples; the request body; a body for each
/// response), which stays in view while the docs column scrolls on wide screens.
struct OperationView {
    let site: DocsSite
    let operation: OperationModel
    var isReceiver = false

    private var model: ServiceModel { site.model }
    private var schema: SchemaView { SchemaView(site: site) }
    private var types: TypeText { TypeText(model: model, links: .html, file: nil) }
    private var doc: OperationDoc { OperationDoc(site: site, operation: operation, links: .html, file: nil, isReceiver: isReceiver) }
    private var id: String { operation.operationId }

    /// The operation's section.
    func node() -> HTMLNode {
        .tag("section", [.class("op"), .id(id)], [
            .tag("div", [.class("op-doc")], documentation()),
            .tag("div", [.class("op-code")], [.tag("div", [.class("code-sticky")], panels())]),
        ])
    }

    /// The heading: the summary, as people name the operation, or its id.
    var title: String { Self.title(operation) }

    /// A summary without its closing full stop, or the operationId.
    static func title(_ operation: OperationModel) -> String {
        let summary = DocText.flat(operation.summary)
        guard !summary.isEmpty else { return operation.operationId }
        return summary.hasSuffix(".") && !summary.hasSuffix("..") ? String(summary.dropLast()) : summary
    }

    private func documentation() -> [HTMLNode] {
        let route: HTMLNode = isReceiver
            ? .inlines(site.receiverRoute(operation, links: .html, from: nil))
            : .tag("code", [.class("path")], text: operation.path)
        var meta: [HTMLNode] = [.tag("code", text: operation.operationId)]
        if !isReceiver, let tag = operation.tag.flatMap({ name in model.tags.first { $0.name == name } }) {
            meta += [.text(" · Swift "), .tag("code", text: "\(SwiftName.member(model.name)).\(tag.memberName).\(operation.swiftName)")]
        }
        if operation.deprecated { meta += [.text(" "), .tag("span", [.class("badge warn")], text: "deprecated")] }
        var nodes: [HTMLNode] = [
            .tag("h3", [.id(id + "--title"), .class("op-title")], [.tag("a", [.href("#" + id)], text: title)]),
            .tag("p", [.class("route")], [HTMLPage.badge(operation.method), .text(" "), route]),
            .tag("p", [.class("meta")], meta),
            .blocks(doc.intro()),
        ]
        nodes += parameters()
        nodes += requestBody()
        nodes += responses()
        return nodes
    }

    /// Parameters, grouped by where they go.
    private func parameters() -> [HTMLNode] {
        guard !operation.parameters.isEmpty else { return [] }
        var nodes: [HTMLNode] = [.tag("h4", text: "Parameters")]
        for location in [ParameterModel.Location.path, .query, .header, .cookie] {
            let parameters = operation.parameters.filter { $0.location == location }
            guard !parameters.isEmpty else { continue }
            nodes.append(.tag("p", [.class("group-label")], text: location.rawValue.prefix(1).uppercased() + location.rawValue.dropFirst() + " parameters"))
            nodes.append(.tag("ul", [.class("fields")], parameters.map(parameter)))
        }
        return nodes
    }

    private func parameter(_ parameter: ParameterModel) -> HTMLNode {
        var head: [HTMLNode] = [.tag("code", [.class("name")], text: parameter.name),
                                .tag("span", [.class("field-type")], [.inlines(types.inlines(parameter.type))])]
        if parameter.segments > 1 { head.append(.tag("span", [.class("field-type")], [.text(", "), .tag("code", text: "namespace/name")])) }
        if parameter.required { head.append(.tag("span", [.class("badge req")], text: "required")) }
        if parameter.deprecated { head.append(.tag("span", [.class("badge warn")], text: "deprecated")) }
        let facts = schema.facts(type: parameter.type, constraints: parameter.constraints, defaultValue: parameter.defaultValue,
                                 example: parameter.example)
        return .tag("li", [], [
            .tag("div", [.class("field-head")], head),
            parameter.description.map { .tag("div", [.class("field-doc")], [.inlines(SpecText.inlines(DocText.flat($0)))]) } ?? .empty,
            facts.isEmpty ? .empty : .tag("p", [.class("facts")], facts),
            schema.unfold(parameter.type) ?? .empty,
        ])
    }

    private func requestBody() -> [HTMLNode] {
        guard let body = operation.requestBody else { return [] }
        var nodes: [HTMLNode] = [.tag("h4", text: isReceiver ? "Payload" : "Request body")]
        let media = body.contents.map { HTMLNode.tag("code", text: $0.mediaType) }
        nodes.append(.tag("p", [.class("muted")], [.text(body.required ? "Required, as " : "Optional, as ")] + joined(media)))
        if let description = body.description { nodes.append(.blocks(SpecText.blocks(description))) }
        if let type = body.contents.first?.type { nodes.append(schema.body(type)) }
        return nodes
    }

    /// Each response as a fold: its status and description, then its body's schema and
    /// headers. The first success is open.
    private func responses() -> [HTMLNode] {
        guard !operation.responses.isEmpty else { return [] }
        let firstSuccess = operation.responses.firstIndex { $0.isSuccess }
        let items = operation.responses.enumerated().map { index, response -> HTMLNode in
            var body: [HTMLNode] = []
            if let content = response.contents.first {
                if let constant = content.constant {
                    body.append(.tag("p", [.class("muted")], [.text("Always "), .tag("code", text: constant.jsonText), .text(", as "),
                                                                .tag("code", text: content.mediaType), .text(".")]))
                } else {
                    body.append(.tag("p", [.class("muted")], [.tag("code", text: content.mediaType)]))
                    if let type = content.type { body.append(schema.body(type, folded: !response.isSuccess)) }
                }
            } else {
                body.append(.tag("p", [.class("muted")], text: "No body."))
            }
            if !response.headers.isEmpty {
                body.append(.tag("p", [.class("group-label")], text: "Headers"))
                body.append(.tag("ul", [.class("fields")], response.headers.map { header in
                    .tag("li", [], [
                        .tag("div", [.class("field-head")], [.tag("code", [.class("name")], text: header.name),
                                                             .tag("span", [.class("field-type")], [.inlines(types.inlines(header.type))])]),
                        header.description.map { .tag("div", [.class("field-doc")], [.inlines(SpecText.inlines(DocText.flat($0)))]) } ?? .empty,
                    ])
                }))
            }
            let open: [HTMLAttribute] = index == firstSuccess ? [.flag("open")] : []
            return .tag("details", [.class("response")] + open, [
                .tag("summary", [], [HTMLPage.status(response.status), .text(" "),
                                     .inlines(SpecText.inlines(DocText.flat(response.description)))]),
                .tag("div", [.class("response-body")], body),
            ])
        }
        return [.tag("h4", text: "Responses"), .tag("div", [.class("responses")], items)]
    }

    /// The code panel: the request (a tab per language, and the body), then the responses (a
    /// tab per status).
    private func panels() -> [HTMLNode] {
        let examples = OperationExamples(model: model, operation: operation, isReceiver: isReceiver)
        var requestTabs = examples.calls().map { call in
            Tab(labels: [call.label], language: call.label, captions: [], code: call.code)
        }
        if let body = examples.requestBody() {
            requestTabs.append(Tab(labels: [isReceiver ? "Payload" : "Body"], language: nil, captions: [], code: body))
        }
        var nodes = [tabs(requestTabs, title: isReceiver ? "Receive it" : "Request", key: "request")]
        // Statuses with the same body (Quay's 400, 401, 403 and 404) share one panel.
        var responseTabs: [Tab] = []
        for response in examples.responses() {
            let caption = response.description.isEmpty ? response.status : "\(response.status): \(response.description)"
            if let index = responseTabs.firstIndex(where: { $0.code == response.body }) {
                responseTabs[index].labels.append(response.status)
                responseTabs[index].captions.append(caption)
            } else {
                responseTabs.append(Tab(labels: [response.status], language: nil, captions: [caption], code: response.body,
                                        madeUp: !response.fromSpec))
            }
        }
        if !responseTabs.isEmpty { nodes.append(tabs(responseTabs, title: "Response", key: "response")) }
        return nodes
    }

    /// One panel of the code panel, and the tabs that show it.
    private struct Tab {
        /// A tab for each: a language, or the statuses whose example this is.
        var labels: [String]
        /// The language a reader picks once for every operation (curl, Swift, ...), or nil.
        var language: String?
        var captions: [String]
        var code: String
        /// Whether apigen made the example from the schema, the spec having none.
        var madeUp = false
    }

    /// A tab list and its panels. Without JavaScript every panel shows, each under its label;
    /// the script hides all but the chosen one. Tabs are buttons without `type`: there is no
    /// form on the page for them to submit.
    private func tabs(_ tabs: [Tab], title: String, key: String) -> HTMLNode {
        let base = id + "--" + key
        var buttons: [HTMLNode] = []
        var panels: [HTMLNode] = []
        for (index, tab) in tabs.enumerated() {
            let panelID = "\(base)-panel\(index)"
            let firstButton = "\(base)-tab\(buttons.count)"
            for label in tab.labels {
                let selected = buttons.isEmpty
                var attributes: [HTMLAttribute] = [.init("role", "tab"), .id("\(base)-tab\(buttons.count)"),
                                                   .init("aria-controls", panelID), .init("aria-selected", selected ? "true" : "false")]
                if !selected { attributes.append(.init("tabindex", "-1")) }
                if let language = tab.language { attributes.append(.init("data-lang", language)) }
                if key == "response" { attributes.append(.class("status-tab " + HTMLPage.statusClass(label))) }
                buttons.append(.tag("button", attributes, text: label))
            }
            var note = tab.captions.joined(separator: ". ")
            if tab.madeUp { note += note.isEmpty ? "An example made from the schema." : ". An example made from the schema." }
            panels.append(.tag("div", [.class(index == 0 ? "tabpanel is-active" : "tabpanel"), .init("role", "tabpanel"), .id(panelID),
                                       .init("aria-labelledby", firstButton)], [
                .tag("p", [.class("caption")], text: tab.labels.joined(separator: ", ")),
                note.isEmpty ? .empty : .tag("p", [.class("panel-note")], [.inlines(SpecText.inlines(note))]),
                // Focusable: a long example scrolls, and the keyboard must reach it.
                .tag("pre", [.init("tabindex", "0")], [.tag("code", text: tab.code)]),
            ]))
        }
        return .tag("div", [.class("panel"), .init("data-tabs", key)], [
            .tag("div", [.class("panel-head")], [
                .tag("span", [.class("panel-title")], text: title),
                .tag("div", [.class("tablist"), .init("role", "tablist"), .label(title + " examples")], buttons),
                // One button copies whichever example is showing.
                HTMLPage.copyButton,
            ]),
        ] + panels)
    }

    /// `a`, `a and b`, `a, b and c`.
    private func joined(_ items: [HTMLNode]) -> [HTMLNode] {
        var result: [HTMLNode] = []
        for (index, item) in items.enumerated() {
            if index > 0 { result.append(.text(index == items.count - 1 ? " or " : ", ")) }
            result.append(item)
        }
        return result + [.text(".")]
    }
}
