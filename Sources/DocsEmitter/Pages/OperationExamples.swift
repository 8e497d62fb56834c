import APIModel

/// The examples of one operation, the same for the HTML code panel and the Markdown: the call
/// (curl, Swift, and the spec's own `x-codeSamples`), the request body, and a body for each
/// response that has one.
struct OperationExamples {
    let site: DocsSite
    let operation: OperationModel
    /// A webhook or callback: the reader receives it, so the one call is a Swift receiver.
    var isReceiver = false

    private var model: ServiceModel { site.model }

    /// A way to make the call: its tab label, its language, and the code.
    struct Call: Equatable {
        var label: String
        var language: String
        var code: String
    }

    /// An example body of one response.
    struct Response: Equatable {
        var status: String
        var description: String
        var mediaType: String
        /// The JSON (indented) or text of the body.
        var body: String
        /// Whether the spec gave this example, rather than apigen making it from the schema.
        var fromSpec: Bool
    }

    /// curl and Swift first, then each non-curl `x-codeSamples` entry; for a webhook, how an
    /// app receives it in Swift.
    func calls() -> [Call] {
        if isReceiver { return [Call(label: "Swift", language: "swift", code: receiverCode())] }
        var calls = [Call(label: "curl", language: "sh", code: CurlExample(model: model, operation: operation).text()),
                     Call(label: "Swift", language: "swift", code: SwiftExample(site: site, operation: operation).text())]
        for sample in operation.codeSamples where sample.lang.lowercased() != "curl" {
            calls.append(Call(label: sample.label ?? sample.lang, language: sample.lang.lowercased(), code: sample.source.trimmingNewlines))
        }
        return calls
    }

    /// How an app receives a webhook, in Swift.
    private func receiverCode() -> String {
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
        return """
            struct Receiver: \(receiver) {
                func \(operation.swiftName)(\(payload.map { "_ payload: \($0)" } ?? "")) async throws\(reply.map { " -> \($0.0)" } ?? "") {
                    // What to do with a delivery.\(reply.map { "\n        return \($0.1)" } ?? "")
                }
            }
            try Receiver().registerWebhooks(on: router, path: "/webhooks")
            """
    }

    /// The request body's example, indented JSON, when the body is JSON.
    func requestBody() -> String? {
        guard let content = operation.requestBody?.contents.first, content.kind == .json else { return nil }
        if let value = content.examples.lazy.compactMap(\.value).first { return JSONText.pretty(value) }
        guard let type = content.type else { return nil }
        return site.madeUpBody(type, name: "body")
    }

    /// A body for every response whose content is JSON or text: the spec's example when it
    /// has one, else one made from the schema. Responses without a body are left out.
    func responses() -> [Response] {
        operation.responses.compactMap { response in
            guard let content = response.contents.first else { return nil }
            let description = DocText.flat(response.description)
            if let constant = content.constant {
                return Response(status: response.status, description: description, mediaType: content.mediaType,
                                body: JSONText.pretty(constant), fromSpec: true)
            }
            if let value = content.examples.lazy.compactMap(\.value).first {
                let body = content.kind == .json ? JSONText.pretty(value) : value.plainText
                return Response(status: response.status, description: description, mediaType: content.mediaType,
                                body: body, fromSpec: true)
            }
            switch content.kind {
            case .json:
                guard let type = content.type else { return nil }
                return Response(status: response.status, description: description, mediaType: content.mediaType,
                                body: site.madeUpBody(type, name: "value"), fromSpec: false)
            case .eventStream:
                let data = content.type.map { Samples(model: model).json($0.nonNullable, name: "data").jsonText } ?? "<data>"
                return Response(status: response.status, description: description, mediaType: content.mediaType,
                                body: "event: message\ndata: \(data)\n", fromSpec: false)
            default:
                return nil
            }
        }
    }

    /// Responses whose example bodies are the same, together: Quay's 400, 401, 403 and 404
    /// share one error body, which the Markdown shows once.
    func responsesByBody() -> [(statuses: [String], example: Response)] {
        var groups: [(statuses: [String], example: Response)] = []
        for response in responses() {
            if let index = groups.firstIndex(where: { $0.example.body == response.body && $0.example.mediaType == response.mediaType }) {
                groups[index].statuses.append(response.status)
            } else {
                groups.append(([response.status], response))
            }
        }
        return groups
    }
}
