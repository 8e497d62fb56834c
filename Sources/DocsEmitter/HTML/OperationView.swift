import APIModel

/// One operation on the HTML page: the docs column (title, route, description, who may call
/// it, parameters, request body, responses with their schemas) and the code panel beside it
/// (``CodePanelView``), which stays in view while the docs column scrolls on wide screens.
struct OperationView {
    let site: DocsSite
    let operation: OperationModel
    let isReceiver: Bool
    private let schema: SchemaView

    init(site: DocsSite, operation: OperationModel, isReceiver: Bool = false) {
        self.site = site
        self.operation = operation
        self.isReceiver = isReceiver
        schema = SchemaView(site: site)
    }

    private var model: ServiceModel { site.model }
    private var id: String { operation.operationId }

    /// The operation's section.
    func node() -> HTMLNode {
        .tag("section", [.class("op"), .id(id)], [
            .tag("div", [.class("op-doc")], documentation()),
            CodePanelView(site: site, operation: operation, isReceiver: isReceiver).node(),
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
        if !isReceiver, let member = site.tagMember(operation) {
            meta += [.text(" · Swift "), .tag("code", text: "\(SwiftName.member(model.name)).\(member).\(operation.swiftName)")]
        }
        if operation.deprecated { meta += [.text(" "), SchemaView.badge("deprecated", "warn")] }
        return [
            .tag("h3", [.class("op-title")], [.tag("a", [.href("#" + id)], text: title)]),
            .tag("p", [.class("route")], [HTMLPage.badge(operation.method), .text(" "), route]),
            .tag("p", [.class("meta")], meta),
            .blocks(OperationDoc(site: site, operation: operation, links: .html, file: nil, isReceiver: isReceiver).intro()),
            // Each part's nodes move into a fragment rather than being copied into this array.
            .fragment(parameters()),
            .fragment(requestBody()),
            .fragment(responses()),
        ]
    }

    /// Parameters, grouped by where they go.
    private func parameters() -> [HTMLNode] {
        guard !operation.parameters.isEmpty else { return [] }
        var nodes: [HTMLNode] = [.tag("h4", text: "Parameters")]
        for location in [ParameterModel.Location.path, .query, .header, .cookie] {
            let parameters = operation.parameters.filter { $0.location == location }
            guard !parameters.isEmpty else { continue }
            nodes.append(.tag("h5", text: location.rawValue.prefix(1).uppercased() + location.rawValue.dropFirst() + " parameters"))
            nodes.append(.tag("ul", [.class("fields")], parameters.map(parameter)))
        }
        return nodes
    }

    /// A parameter as a field: name, type and flags, then its description and facts.
    private func parameter(_ parameter: ParameterModel) -> HTMLNode {
        let type = schema.typeCode(parameter.type, parameter.segments > 1 ? [.text(", namespace/name")] : [])
        var nodes: [HTMLNode] = [.tag("code", text: parameter.name), type]
        if parameter.required { nodes.append(SchemaView.badge("required", "req")) }
        if parameter.deprecated { nodes.append(SchemaView.badge("deprecated", "warn")) }
        if let description = parameter.description { nodes.append(.tag("p", [], [.inlines(SpecText.inlines(DocText.flat(description)))])) }
        let facts = schema.facts(type: parameter.type, constraints: parameter.constraints, defaultValue: parameter.defaultValue,
                                 example: parameter.example)
        if !facts.isEmpty { nodes.append(.tag("p", [.class("facts")], facts)) }
        return .tag("li", schema.unfold(parameter.type), nodes)
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

    /// Each response: a head (its status and description: the first paragraph), then its
    /// body's schema and headers. Statuses whose responses are the same (a shared error
    /// response under 400 and `default`) are one, with a badge each. With the script, each
    /// folds, and the first success starts open (`open`); without it, all show.
    private func responses() -> [HTMLNode] {
        guard !operation.responses.isEmpty else { return [] }
        var groups: [(statuses: [String], response: ResponseModel)] = []
        for response in operation.responses {
            if let index = groups.firstIndex(where: { Self.same($0.response, response) }) {
                groups[index].statuses.append(response.status)
            } else {
                groups.append(([response.status], response))
            }
        }
        let firstSuccess = groups.firstIndex { $0.response.isSuccess }
        let items = groups.enumerated().map { index, group -> HTMLNode in
            let response = group.response
            var head: [HTMLNode] = []
            for status in group.statuses { head += [HTMLPage.status(status), .text(" ")] }
            var nodes: [HTMLNode] = [.tag("p", [], head + [.inlines(SpecText.inlines(DocText.flat(response.description)))])]
            if let content = response.contents.first {
                if let constant = content.constant {
                    nodes.append(.tag("p", [.class("muted")], [.text("Always "), .tag("code", text: constant.jsonText), .text(", as "),
                                                                 .tag("code", text: content.mediaType), .text(".")]))
                } else {
                    nodes.append(.tag("p", [.class("muted")], [.tag("code", text: content.mediaType)]))
                    if let type = content.type { nodes.append(schema.body(type, folded: !response.isSuccess)) }
                }
            } else {
                nodes.append(.tag("p", [.class("muted")], text: "No body."))
            }
            if !response.headers.isEmpty {
                nodes.append(.tag("h5", text: "Headers"))
                nodes.append(.tag("ul", [.class("fields")], response.headers.map { header in
                    var parts: [HTMLNode] = [.tag("code", text: header.name), schema.typeCode(header.type)]
                    if let description = header.description { parts.append(.tag("p", [], [.inlines(SpecText.inlines(DocText.flat(description)))])) }
                    return .tag("li", [], parts)
                }))
            }
            return .tag("div", [.class(index == firstSuccess ? "response open" : "response")], nodes)
        }
        return [.tag("h4", text: "Responses"), .fragment(items)]
    }

    /// Whether two responses read the same apart from their status.
    private static func same(_ one: ResponseModel, _ other: ResponseModel) -> Bool {
        one.isSuccess == other.isSuccess && one.description == other.description && one.contents == other.contents
            && one.headers == other.headers
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
