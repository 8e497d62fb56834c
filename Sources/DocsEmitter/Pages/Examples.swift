import APIModel

/// The call with the generated Swift client, the way a user writes it.
struct SwiftExample {
    let site: DocsSite
    let operation: OperationModel

    private var model: ServiceModel { site.model }

    /// The client variable: the client's name in lower camel case (`quay`).
    var client: String { SwiftName.member(model.name) }

    func text() -> String {
        let samples = Samples(model: model)
        var arguments: [String] = []
        for parameter in operation.parameters where parameter.required {
            arguments.append("\(SwiftName.escapedLabel(parameter.swiftName)): \(samples.swift(parameter.type.nonNullable, name: parameter.name, example: parameter.example ?? parameter.defaultValue))")
        }
        if let body = operation.requestBody, let content = body.contents.first {
            let value: String
            switch content.kind {
            case .binary: value = "HTTPBody(try Data(contentsOf: file))"
            case .text, .eventStream: value = "\"<text>\""
            default: value = content.type.map { samples.swift($0.nonNullable, name: "body") } ?? "[\"key\": \"value\"]"
            }
            arguments.append("body: \(value)")
        }
        let namespace = site.tagMember(operation).map { ".\(SwiftName.escaped($0))" } ?? ""
        let call = "\(client)\(namespace).\(SwiftName.escaped(operation.swiftName))(\(arguments.joined(separator: ", ")))"
        var lines: [String] = []
        switch operation.success?.kind {
        case .eventStream:
            lines.append("for try await event in try await \(call) {")
            lines.append("    print(event.data)")
            lines.append("}")
        case .binary:
            lines.append("let bytes = try await \(call)")
            lines.append("let data = try await Data(collecting: bytes, upTo: 100 << 20)")
        case .some:
            lines.append("let result = try await \(call)")
        case nil:
            lines.append("try await \(call)")
        }
        if let pagination = operation.pagination {
            let pageArguments = arguments.filter { !$0.hasPrefix(SwiftName.argumentLabel(pagination.parameter) + ":") }
            lines.append("")
            lines.append("// Every item of every page:")
            lines.append("for try await item in \(client)\(namespace).\(operation.swiftName)Pages(\(pageArguments.joined(separator: ", "))).items {")
            lines.append("    print(item)  // one of each page's `\(pagination.itemsField)`")
            lines.append("}")
        }
        return lines.joined(separator: "\n")
    }
}

/// The call with curl: the spec's own `x-codeSamples` example when it has one, else one made
/// from the spec.
struct CurlExample {
    let model: ServiceModel
    let operation: OperationModel

    func text() -> String {
        if let sample = operation.codeSamples.first(where: { $0.lang.lowercased() == "curl" }) {
            return sample.source.trimmingNewlines
        }
        let samples = Samples(model: model)
        var path = ""
        for component in operation.pathComponents {
            switch component {
            case .literal(let text): path += text
            case .parameter(let name): path += "<\(name)>"
            }
        }
        let query = operation.parameters.filter { $0.location == .query && $0.required }.map { "\($0.name)=<\($0.name)>" }
        let url = server() + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var lines = ["curl -X \(operation.method) \"\(url)\""]
        if !operation.allowsAnonymous { lines.append("  -H \"Authorization: Bearer <access_token>\"") }
        for header in operation.parameters where header.location == .header && header.required {
            lines.append("  -H \"\(header.name): <\(header.name)>\"")
        }
        if let body = operation.requestBody, let content = body.contents.first {
            lines.append("  -H \"Content-Type: \(content.mediaType)\"")
            switch content.kind {
            case .json:
                let json = content.examples.first?.value ?? content.type.map { samples.json($0.nonNullable, name: "body") } ?? .object([])
                lines.append("  -d '\(json.jsonText.replacing("'", with: "'\\''"))'")
            case .binary: lines.append("  --data-binary @file")
            default: lines.append("  -d '<body>'")
            }
        }
        return lines.joined(separator: " \\\n")
    }

    /// The first server, its variables at their defaults.
    private func server() -> String {
        guard let server = model.servers.first else { return "https://api.example.com" }
        var url = server.url
        for variable in server.variables { url = url.replacing("{\(variable.name)}", with: variable.defaultValue) }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
