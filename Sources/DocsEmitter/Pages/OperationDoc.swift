import APIModel

/// One operation's docs, as blocks both formats render: method and path, what it does, who
/// may call it, parameters, body, responses, paging, and the call in curl and in Swift.
struct OperationDoc {
    let site: DocsSite
    let operation: OperationModel
    let links: LinkStyle
    let file: String?
    /// A webhook or callback: a request the API sends, which the reader receives.
    var isReceiver = false

    private var model: ServiceModel { site.model }
    private var types: TypeText { TypeText(model: model, links: links, file: file) }

    func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 2, [.text(operation.operationId)], id: operation.operationId)]
        var line: [Inline] = isReceiver
            ? [.code(operation.method), .text(" ")] + site.receiverRoute(operation, links: links, from: file)
            : [.code("\(operation.method) \(operation.path)")]
        if operation.deprecated { line += [.text(" "), .strong([.text("Deprecated.")])] }
        blocks.append(.paragraph(line))
        if let summary = operation.summary { blocks.append(.paragraph(SpecText.inlines(summary))) }
        blocks += intro()
        blocks += parameters()
        blocks += requestBody()
        blocks += responses()
        blocks += examples()
        return blocks
    }

    /// What the operation does and who may call it (or, for a webhook, who sends it), and
    /// what apigen's extensions mean for it: what both formats show before the parameters.
    func intro() -> [Block] {
        var blocks: [Block] = []
        if let description = operation.description, description != operation.summary {
            blocks += SpecText.blocks(description)
        }
        if isReceiver {
            let receiver = model.receiverProtocolName ?? "Webhooks"
            let sent: [Inline] = site.callbackOwners[operation.operationId].map { owner in
                [.text(" \(model.title) makes this request after a "), .code(owner.operationId), .text(" call, to the URL that call gives.")]
            } ?? [.text(" \(model.title) sends this webhook to the URL you register with it.")]
            blocks.append(.paragraph([.strong([.text("Sent to you:")])] + sent + [.text(" The Swift client receives it with "),
                                      .code("\(receiver).\(operation.swiftName)"), .text(".")]))
        } else {
            blocks.append(.paragraph(security()))
        }
        return blocks + readerNotes()
    }

    /// "Requires the OAuth scope `repo:read`." or "Anonymous".
    func security() -> [Inline] {
        if operation.allowsAnonymous {
            return [.strong([.text("Anonymous:")]), .text(operation.security.isEmpty ? " no credentials needed." : " credentials are optional.")]
        }
        let scopes = operation.scopes
        if scopes.isEmpty {
            let schemes = operation.security.flatMap { $0.schemes.map(\.scheme) }
            return [.strong([.text("Requires credentials:")]), .text(" ")] + list(schemes.map { [.code($0)] })
        }
        return [.strong([.text(scopes.count == 1 ? "Scope:" : "Scopes:")]), .text(" ")] + list(scopes.map { [.code($0)] })
    }

    /// What apigen's extensions mean here, in plain words.
    func readerNotes() -> [Block] {
        var notes: [Block] = []
        for parameter in operation.parameters where parameter.segments > 1 {
            notes.append(.note([.code(parameter.name), .text(" is \(parameter.segments) path segments, such as "),
                                .code(parameter.example?.stringValue ?? "namespace/name"),
                                .text(": the slash between them is sent as it is, not escaped.")]))
        }
        if let other = operation.sharesRouteWith, let earlier = model.operations.first(where: { $0.operationId == other }) {
            notes.append(.note([.text("On the wire this is the same method and path as "),
                                .link([.code(other)], url: links.operation(earlier, site: site, from: file)),
                                .text(": the spec documents another form of that request, and a server receives both as one.")]))
        }
        if let pagination = operation.pagination {
            switch pagination.style {
            case .token:
                notes.append(.note([.text("Paged: each answer holds up to a page of "), .code(pagination.itemsField),
                                    .text("; while more remain it carries "), .code(pagination.tokenField ?? "next_page"),
                                    .text(". Send that back as the "), .code(pagination.parameter),
                                    .text(" parameter for the next page. The Swift client's "), .code(operation.swiftName + "Pages"),
                                    .text(" follows the pages for you.")]))
            case .page:
                var words: [Inline] = [.text("Paged: pages are numbered from 1 in "), .code(pagination.parameter)]
                if let limit = pagination.limitParameter { words += [.text(", sized by "), .code(limit)] }
                words += [.text("; "), .code(pagination.moreField ?? "has_additional"), .text(" is true while more pages remain. The Swift client's "),
                          .code(operation.swiftName + "Pages"), .text(" follows the pages for you.")]
                notes.append(.note(words))
            }
        }
        return notes
    }

    private func parameters() -> [Block] {
        guard !operation.parameters.isEmpty else { return [] }
        let rows = operation.parameters.map { parameter -> [[Inline]] in
            var type = types.inlines(parameter.type)
            if parameter.segments > 1 { type += [.text(", "), .code("namespace/name")] }
            var constraints: [Inline] = types.allowedValues(parameter.type)
            for (label, value) in Self.bounds(parameter.constraints) {
                if !constraints.isEmpty { constraints.append(.text(", ")) }
                constraints += [.text(label + " "), .code(value)]
            }
            return [
                [.text(parameter.location.rawValue)], [.code(parameter.name)], type,
                [.text(parameter.required ? "yes" : "no")],
                parameter.defaultValue.map { [.code($0.jsonText)] } ?? [],
                constraints,
                SpecText.inlines(DocText.flat(parameter.description)),
            ]
        }
        return [
            .heading(level: 3, [.text("Parameters")], id: nil),
            .table(header: ["In", "Name", "Type", "Required", "Default", "Allowed values", "Description"].map(Inline.plain),
                   rows: rows),
        ]
    }

    private func requestBody() -> [Block] {
        guard let body = operation.requestBody else { return [] }
        var blocks: [Block] = [.heading(level: 3, [.text(isReceiver ? "Payload" : "Request body")], id: nil)]
        for content in body.contents {
            var line: [Inline] = [.code(content.mediaType), .text(body.required ? ", required: " : ", optional: ")]
            line += content.type.map(types.inlines) ?? [.text("any content")]
            blocks.append(.paragraph(line))
        }
        if let description = body.description { blocks += SpecText.blocks(description) }
        if let type = body.contents.first?.type, let fields = fields(of: type) {
            blocks.append(fields)
        }
        return blocks
    }

    private func responses() -> [Block] {
        let rows = operation.responses.map { response -> [[Inline]] in
            let schema: [Inline]
            if let content = response.contents.first, let constant = content.constant {
                schema = [.text("always "), .code(constant.jsonText), .text(" ("), .code(content.mediaType), .text(")")]
            } else if let content = response.contents.first {
                schema = (content.type.map(types.inlines) ?? [.text(content.kind == .json ? "JSON" : "content")]) + [.text(" ("), .code(content.mediaType), .text(")")]
            } else {
                schema = [.text("none")]
            }
            return [[.text(response.status)], SpecText.inlines(DocText.flat(response.description)), schema]
        }
        var blocks: [Block] = [
            .heading(level: 3, [.text("Responses")], id: nil),
            .table(header: ["Status", "Description", "Body"].map(Inline.plain), rows: rows),
        ]
        // What a successful call returns, field by field.
        if let success = operation.success, let fields = fields(of: success.type) {
            // An event stream's schema is the type of each event's data.
            let subject = success.kind == .eventStream ? "Each event's data, " : "The success body, "
            var line: [Inline] = [.text(subject)] + types.inlines(success.type)
            if case .array = success.type.nonNullable { line += [.text(", each item with")] } else { line += [.text(", has")] }
            blocks += [.paragraph(line + [.text(":")]), fields]
        }
        return blocks
    }

    /// The field table of an object type, or of the items of an array of one.
    private func fields(of type: TypeRef) -> Block? {
        var type = type.nonNullable
        if case .array(let element) = type { type = element.nonNullable }
        guard case .named(let name) = type, case .object(let object)? = types.resolved(name)?.kind,
              !object.properties.isEmpty || object.composedParts != nil else { return nil }
        return types.fieldTable(object)
    }

    /// The call in each language, the request body, and a body for each response, as the
    /// HTML code panel shows them; responses with the same body share one block.
    private func examples() -> [Block] {
        let examples = OperationExamples(site: site, operation: operation, isReceiver: isReceiver)
        var blocks: [Block] = []
        for call in examples.calls() {
            blocks += [.heading(level: 3, [.text("Example: \(call.label)")], id: nil), .code(call.code, language: call.language)]
        }
        if let body = examples.requestBody() {
            blocks += [.heading(level: 3, [.text(isReceiver ? "Example payload" : "Example request body")], id: nil), .code(body, language: "json")]
        }
        for (statuses, example) in examples.responsesByBody() {
            let title = "Example response: " + statuses.joined(separator: ", ")
            blocks.append(.heading(level: 3, [.text(title)], id: nil))
            if statuses.count == 1, !example.description.isEmpty { blocks.append(.paragraph(SpecText.inlines(example.description))) }
            blocks.append(.code(example.body, language: example.mediaType.contains("json") ? "json" : ""))
        }
        return blocks
    }

    /// `a, b and c`.
    private func list(_ items: [[Inline]]) -> [Inline] {
        var result: [Inline] = []
        for (index, item) in items.enumerated() {
            if index > 0 { result.append(.text(index == items.count - 1 ? " or " : ", ")) }
            result += item
        }
        return result + [.text(".")]
    }

    /// Bounds in words.
    static func bounds(_ constraints: Constraints) -> [(String, String)] {
        var result: [(String, String)] = []
        func number(_ value: Double) -> String { value.rounded() == value ? String(Int(value)) : String(value) }
        if let value = constraints.minimum { result.append(("min", number(value))) }
        if let value = constraints.exclusiveMinimum { result.append(("above", number(value))) }
        if let value = constraints.maximum { result.append(("max", number(value))) }
        if let value = constraints.exclusiveMaximum { result.append(("below", number(value))) }
        if let value = constraints.minLength { result.append(("min length", String(value))) }
        if let value = constraints.maxLength { result.append(("max length", String(value))) }
        if let value = constraints.pattern { result.append(("pattern", value)) }
        if let value = constraints.multipleOf { result.append(("multiple of", number(value))) }
        if let value = constraints.minItems { result.append(("min items", String(value))) }
        if let value = constraints.maxItems { result.append(("max items", String(value))) }
        if constraints.uniqueItems == true { result.append(("items", "unique")) }
        return result
    }
}

/// Spec text for one table cell: one line.
enum DocText {
    static func flat(_ text: String?) -> String {
        guard let text else { return "" }
        // Most text is one line of printable ASCII already: nothing to split.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text.utf8.first == 0x20 || text.utf8.last == 0x20 ? text.trimmingBlanks : text
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingBlanks }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
