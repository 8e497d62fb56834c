import APIModel

/// Writes the registration of one operation: the route (a value spanning N segments is N
/// captures), the security rule, reading and checking the input, calling the implementation,
/// and writing its output.
struct HandlerWriter {
    let model: ServiceModel
    let operation: OperationModel
    /// The namespace declarations are in: this code stands in a protocol extension, which does
    /// not see its members, so type names are qualified.
    let namespace: String?
    /// What JSON bodies are checked against beyond decoding.
    let shapes: BodyShapeWriter

    func write(to writer: CodeWriter, diagnostics: inout [Diagnostic]) {
        let signature = OperationSignature(operation, side: .server)
        let security = securityRule()
        writer.line("try ServerRouting.register(")
        writer.indent {
            writer.line("on: transport, serverURL: serverURL, options: options, method: .\(operation.method.lowercased()),")
            writer.line("path: \(SwiftLiteral.string(routePath())), operationID: \(SwiftLiteral.string(operation.operationId)),")
            writer.line("security: \(security)")
        }
        writer.line(") { call in")
        writer.indent {
            var bodyExpression: String?
            if let requestBody = operation.requestBody, let body = signature.body {
                let accepted = requestBody.contents.map { SwiftLiteral.string($0.mediaType) }.joined(separator: ", ")
                let read = readBody(body, contents: requestBody.contents)
                if requestBody.required {
                    writer.line("_ = try call.checkBody(required: true, accepted: [\(accepted)])")
                    bodyExpression = read
                } else {
                    writer.line("let hasBody = try call.checkBody(required: false, accepted: [\(accepted)])")
                    bodyExpression = "hasBody ? \(read) : nil"
                }
            }
            writer.line("let input = \(namespace.map { "\($0)." } ?? "")\(operation.typeName).Input(")
            writer.indent {
                let values = signature.arguments.map { argument -> String in
                    let value = argument.parameter.map { read($0, diagnostics: &diagnostics) } ?? bodyExpression ?? "nil"
                    return "\(SwiftName.escapedLabel(argument.label)): \(value)"
                }
                for (index, value) in values.enumerated() {
                    writer.line(value + (index < values.count - 1 ? "," : ""))
                }
            }
            writer.line(")")
            writer.switchBlock("try await self.\(SwiftName.escaped(operation.swiftName))(input)") {
                for response in operation.responses {
                    writer.line(respond(OutputCase(response)))
                }
                writer.line("case .undocumented(let status, let body): return try call.any(status, body)")
            }
        }
        writer.line("}")
    }

    /// The template with each N-segment parameter as N captures: `{repository}/{repository_2}`.
    private func routePath() -> String {
        operation.pathComponents.map { component in
            switch component {
            case .literal(let text): return PathComponent.wireText(text)
            case .parameter(let name):
                let segments = operation.parameters.first { $0.location == .path && $0.name == name }?.segments ?? 1
                return (1...max(1, segments)).map { $0 == 1 ? "{\(name)}" : "{\(name)_\($0)}" }.joined(separator: "/")
            }
        }.joined()
    }

    /// `SecurityRule(anonymous: false, scopes: [["repo:read"]])`, and the kinds of credentials
    /// the operation takes (`accepts: [.basic]`) when the spec's schemes take more than one kind.
    private func securityRule() -> String {
        if operation.security.isEmpty { return ".anonymous" }
        let alternatives = operation.security.filter { !$0.schemes.isEmpty }.map { requirement in
            "[" + requirement.schemes.flatMap(\.scopes).map(SwiftLiteral.string).joined(separator: ", ") + "]"
        }
        let anyScopes = operation.security.contains { $0.schemes.contains { !$0.scopes.isEmpty } }
        let scopes = anyScopes ? "[" + alternatives.joined(separator: ", ") + "]" : "[]"
        var accepts = ""
        if Set(model.securitySchemes.compactMap(\.credentialKind)).count > 1 {
            let kinds = operation.security.flatMap { $0.schemes.compactMap { model.securityScheme(named: $0.scheme)?.credentialKind } }
            let unique = kinds.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !unique.isEmpty { accepts = ", accepts: [" + unique.map { "." + $0 }.joined(separator: ", ") + "]" }
        }
        return "SecurityRule(anonymous: \(operation.allowsAnonymous), scopes: \(scopes)\(accepts))"
    }

    /// The expression reading one parameter from the call.
    private func read(_ parameter: ParameterModel, diagnostics: inout [Diagnostic]) -> String {
        let name = SwiftLiteral.string(parameter.name)
        let what = SwiftLiteral.string("\(parameter.location.rawValue) parameter '\(parameter.name)'")
        let type = parameter.type.nonNullable
        let swiftType = SwiftTypes.name(type, namespace: namespace)
        let expression: String
        let scalar = SwiftTypes.isParameterScalar(type, in: model)
        // The spec's bounds, lengths, pattern or item counts, checked where the value is read as text.
        let rules = BodyShapeWriter.rules(parameter.constraints).map { ", rules: \($0)" } ?? ""
        switch parameter.location {
        case .path:
            let segments = parameter.segments > 1 ? ", segments: \(parameter.segments)" : ""
            if parameter.contentType != nil {
                return "try call.required(call.json(call.path(\(name)\(segments), as: String.self), as: \(swiftType).self, what: \(what)), \(what))"
            }
            return scalar ? "try call.path(\(name)\(segments), as: \(swiftType).self\(rules))"
                : "try call.path(\(name)\(segments), decoding: \(swiftType).self)"
        case .query, .header, .cookie:
            let method = parameter.location.rawValue
            let element = SwiftTypes.arrayElement(type, in: model)
            let scalarArray = element.map { SwiftTypes.isParameterScalar($0, in: model) } == true
            if parameter.contentType != nil {
                // A `content` parameter travels as JSON text.
                expression = "call.json(call.\(method)(\(name), as: String.self), as: \(swiftType).self, what: \(what))"
            } else if let element, scalarArray, parameter.location != .cookie, parameter.style == "form" || parameter.location != .query {
                let explode = parameter.location == .query ? ", explode: \(parameter.explode)" : ""
                expression = "call.\(method)(\(name), as: [\(SwiftTypes.name(element, namespace: namespace))].self\(explode)\(rules))"
            } else if scalar {
                expression = "call.\(method)(\(name), as: \(swiftType).self\(rules))"
            } else if parameter.location == .query, parameter.style == "form", parameter.explode, SwiftTypes.isObject(type, in: model) {
                // An exploded form object: its properties are query fields of their own, but
                // not those the other query parameters name (a map would take every field).
                let others = operation.parameters.filter { $0.location == .query && $0.name != parameter.name }.map(\.name)
                let excluding = others.isEmpty ? "" : ", excluding: [\(others.map(SwiftLiteral.string).joined(separator: ", "))]"
                expression = "call.queryFields(as: \(swiftType).self\(excluding))"
            } else if parameter.location == .query {
                expression = "call.query(\(name), decoding: \(swiftType).self, style: \(SwiftTypes.parameterStyle(parameter.style)), explode: \(parameter.explode))"
            } else {
                expression = "call.\(method)(\(name), decoding: \(swiftType).self)"
            }
        }
        return parameter.required ? "try call.required(\(expression), \(what))" : "try \(expression)"
    }

    /// The expression reading the body, by the media type it arrived as.
    private func readBody(_ preferred: ContentModel, contents: [ContentModel]) -> String {
        let type = OperationSignature.bodyType(preferred, namespace: namespace)
        func reader(_ content: ContentModel) -> String {
            switch content.kind {
            case .json:
                let shape = content.type.flatMap(shapes.bodyExpression).map { ", shape: \($0)" } ?? ""
                return "try call.jsonBody(\(type).self\(shape))"
            case .form: return "try call.formBody(\(type).self)"
            case .multipart: return "try call.multipartBody(\(type).self)"
            case .text, .eventStream: return "call.textBody()"
            case .binary: return "call.bytesBody()"
            }
        }
        // Other media types of the same Swift type are read their own way; the preferred one last.
        let alternatives = contents.filter {
            $0 != preferred && OperationSignature.bodyType($0, namespace: namespace) == type && $0.kind != preferred.kind
        }
        var expression = reader(preferred)
        for content in alternatives.reversed() {
            expression = "call.bodyMatches([\(SwiftLiteral.string(content.mediaType))]) ? \(reader(content)) : \(expression)"
        }
        return expression
    }

    /// The `case` that writes one documented response.
    private func respond(_ output: OutputCase) -> String {
        var bindings: [String] = []
        if output.carriesStatus { bindings.append("let status") }
        if output.bodyType != nil { bindings.append("let body") }
        let headers = !output.response.headers.isEmpty
        if headers { bindings.append("let headers") }
        let pattern = bindings.isEmpty ? ".\(output.name)" : ".\(output.name)(\(bindings.joined(separator: ", ")))"
        let status = output.carriesStatus ? "status" : String(output.response.code ?? 500)
        let headerArgument = headers ? ", headers: headers" : ""
        guard let content = output.content else {
            return "case \(pattern): return call.empty(\(status)\(headerArgument))"
        }
        let mediaType = SwiftLiteral.string(content.mediaType.contains("*") ? "application/octet-stream" : content.mediaType)
        if let constant = content.constant {
            // The one body the spec allows, as written on the wire: JSON text, or the text itself.
            let wire: String
            if content.kind != .json, case .string(let text) = constant { wire = text } else { wire = constant.jsonText }
            return "case \(pattern): return call.text(\(status), \(SwiftLiteral.string(wire)), contentType: \(mediaType)\(headerArgument))"
        }
        switch content.kind {
        case .json:
            let custom = content.mediaType == "application/json" ? "" : ", contentType: \(mediaType)"
            return "case \(pattern): return try call.json(\(status), body\(custom)\(headerArgument))"
        case .text:
            return "case \(pattern): return call.text(\(status), body, contentType: \(mediaType)\(headerArgument))"
        case .eventStream:
            return "case \(pattern): return call.events(\(status), body\(headerArgument))"
        case .binary, .form, .multipart:
            if OperationSignature.bodyType(content) == "Data" {
                return "case \(pattern): return call.bytes(\(status), body, contentType: \(mediaType)\(headerArgument))"
            }
            return "case \(pattern): return try call.json(\(status), body, contentType: \(mediaType)\(headerArgument))"
        }
    }
}
