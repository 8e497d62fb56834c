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
        blocks += readerNotes()
        blocks += parameters()
        blocks += requestBody()
        blocks += responses()
        blocks += isReceiver ? receiverExample() : examples()
        return blocks
    }

    /// How an app receives a webhook, in Swift.
    private func receiverExample() -> [Block] {
        let receiver = model.receiverProtocolName ?? "Webhooks"
        let payload = operation.requestBody?.contents.first.map { content -> String in
            switch content.kind {
            case .json, .form, .multipart: return content.type?.swiftSpelling ?? "JSONValue"
            case .text, .eventStream: return "String"
            case .binary: return "Data"
            }
        }
        // A reply the API expects back (a verification callback's echo) is the method's result.
        let reply = operation.responses.first { $0.isSuccess && !$0.contents.isEmpty }?.contents.first.flatMap { content -> (String, String)? in
            guard content.constant == nil else { return nil }
            let type: TypeRef = content.type ?? (content.kind == .text ? .string(format: nil) : .json)
            let spelled = content.kind == .binary ? "Data" : content.kind == .text ? "String" : type.swiftSpelling
            return (spelled, content.kind == .binary ? "Data()" : Samples(model: model).swift(type.nonNullable, name: "reply"))
        }
        let code = """
            struct Receiver: \(receiver) {
                func \(operation.swiftName)(\(payload.map { "_ payload: \($0)" } ?? "")) async throws\(reply.map { " -> \($0.0)" } ?? "") {
                    // What to do with a delivery.\(reply.map { "\n        return \($0.1)" } ?? "")
                }
            }
            try Receiver().registerWebhooks(on: router, path: "/webhooks")
            """
        return [.heading(level: 3, [.text("Example: Swift")], id: nil), .code(code, language: "swift")]
    }

    /// "Requires the OAuth scope `repo:read`." or "Anonymous".
    private func security() -> [Inline] {
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
    private func readerNotes() -> [Block] {
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

    private func examples() -> [Block] {
        var blocks: [Block] = [.heading(level: 3, [.text("Example: curl")], id: nil),
                               .code(CurlExample(model: model, operation: operation).text(), language: "sh"),
                               .heading(level: 3, [.text("Example: Swift")], id: nil),
                               .code(SwiftExample(model: model, operation: operation).text(), language: "swift")]
        for sample in operation.codeSamples where sample.lang.lowercased() != "curl" {
            blocks += [.heading(level: 3, [.text("Example: \(sample.label ?? sample.lang)")], id: nil),
                       .code(sample.source, language: sample.lang.lowercased())]
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
        return result
    }
}

/// Spec text for one table cell: one line.
enum DocText {
    static func flat(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingBlanks }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
