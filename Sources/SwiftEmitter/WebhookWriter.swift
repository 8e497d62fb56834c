import APIModel

/// Writes the webhook receiver of a client module: for the webhooks (3.1 `webhooks`) and the
/// operations' callbacks, the requests the API sends to an app, a protocol with one method per
/// receiver taking the decoded payload, defaults that accept a delivery and do nothing, and
/// `registerWebhooks(on:serverURL:path:options:)`, which mounts them on any `ServerTransport`.
struct WebhookWriter {
    let model: ServiceModel
    let options: SwiftOptions
    private var m: String { options.modifier }

    func write(to units: Units) {
        let receivers = model.receivers
        guard let protocolName = model.receiverProtocolName, !receivers.isEmpty else { return }
        units.declaration { writeProtocol(protocolName, receivers, to: $0) }
        units.fileLevel { writeExtension(protocolName, receivers, to: $0) }
    }

    private func writeProtocol(_ protocolName: String, _ receivers: [OperationModel], to writer: CodeWriter) {
        DocComment.write(writer, [
            "The webhooks and callbacks \(model.title) sends, for an app of yours to receive.",
            """
            Implement the methods of those you take; the others accept a delivery and do nothing. \
            Mount them with ``registerWebhooks(on:serverURL:path:options:)``. A method reads the \
            request's headers (a signature, say) from `ServerCall.current`, and throws an \
            `HTTPProblem` to answer with an error status.
            """,
        ])
        writer.block("\(m)protocol \(protocolName): Sendable") {
            for receiver in receivers {
                DocComment.write(writer, doc(receiver))
                writer.line("func \(SwiftName.escaped(receiver.swiftName))(\(parameter(receiver))) async throws\(returnClause(receiver))")
                writer.blank()
            }
        }
    }

    private func writeExtension(_ protocolName: String, _ receivers: [OperationModel], to writer: CodeWriter) {
        let discriminators = self.discriminators(receivers)
        writer.block("extension \(options.qualified(protocolName))") {
            for receiver in receivers {
                let signature = "\(m)func \(SwiftName.escaped(receiver.swiftName))(\(parameter(receiver, qualified: true))) async throws"
                if answer(receiver) == nil {
                    writer.line("/// Accepts `\(receiver.operationId)` deliveries and does nothing with them.")
                    writer.line(signature + " {}")
                } else {
                    // A reply is the implementation's to give: without one, 501.
                    writer.line("/// Answers `\(receiver.operationId)` deliveries 501 Not Implemented: its reply is yours to give.")
                    writer.block(signature + returnClause(receiver, qualified: true)) {
                        writer.line("throw HTTPProblem.notImplemented(\(SwiftLiteral.string(receiver.operationId)))")
                    }
                }
                writer.blank()
            }
            DocComment.write(writer, [
                "Receives deliveries at `path` on a transport (a Hummingbird router, a Vapor app, ...).",
                """
                Each delivery goes to the method of the webhook it is\(discriminators.isEmpty ? ", the one whose payload it decodes as" : ", as its payload's field names it"); \
                the sender gets the spec's success status when the method returns, and a 400 for a delivery \
                that is none of them or does not decode.
                """,
                """
                - Parameters:
                  - transport: Where the route is registered.
                  - serverURL: The URL whose path prefixes `path`.
                  - path: The path you gave the sender, such as `/webhooks`.
                  - options: Body size limit and error body.
                """,
            ])
            writer.block("\(m)func registerWebhooks(on transport: any ServerTransport, serverURL: URL = .defaultOpenAPIServerURL, path: String, options: ServerOptions = ServerOptions()) throws") {
                writer.line("try WebhookRouting.register(on: transport, serverURL: serverURL, path: path, options: options, receivers: [")
                writer.indent {
                    for receiver in receivers {
                        writeReceiver(receiver, discriminator: discriminators[receiver.operationId], to: writer)
                    }
                }
                writer.line("])")
            }
        }
    }

    /// One `WebhookReceiver(...)`.
    private func writeReceiver(_ receiver: OperationModel, discriminator: (field: String, value: String)?,
                               to writer: CodeWriter) {
        let name = SwiftLiteral.string(receiver.operationId)
        let method = receiver.method.lowercased()
        let named = discriminator.map { ", field: \(SwiftLiteral.string($0.field)), value: \(SwiftLiteral.string($0.value))" } ?? ""
        let status = receiver.responses.compactMap { $0.isSuccess ? ($0.code ?? 200) : nil }.first ?? 200
        let call = "try await self.\(SwiftName.escaped(receiver.swiftName))"
        var argument = ""
        writer.line("WebhookReceiver(\(name), method: .\(method)\(named),")
        writer.indent {
            if let body = payload(receiver) {
                let type = OperationSignature.bodyType(body, namespace: options.namespace)
                argument = body.kind == .json ? "try call.jsonBody(\(type).self)" : body.kind == .text ? "call.textBody()" : "call.bytesBody()"
                writer.line(body.kind == .json ? "accepts: { call in (try? call.jsonBody(\(type).self)) != nil }," : "accepts: { _ in true },")
            } else {
                writer.line("accepts: { _ in true },")
            }
            guard let reply = answer(receiver) else {
                writer.line("handle: { call in \(call)(\(argument)); return call.empty(\(status)) }),")
                return
            }
            let contentType = SwiftLiteral.string(reply.mediaType)
            switch reply.kind {
            case .json:
                writer.line("handle: { call in try call.json(\(status), \(call)(\(argument))) }),")
            case .text:
                writer.line("handle: { call in call.text(\(status), \(call)(\(argument)), contentType: \(contentType)) }),")
            default:
                writer.line("handle: { call in call.bytes(\(status), \(call)(\(argument)), contentType: \(contentType)) }),")
            }
        }
    }

    /// The body the API expects back, when its success response has one (a verification
    /// callback echoes a challenge).
    private func answer(_ receiver: OperationModel) -> ContentModel? {
        receiver.responses.first { $0.isSuccess && !$0.contents.isEmpty }.flatMap { ContentModel.preferred($0.contents) }
            .flatMap { $0.constant == nil ? $0 : nil }
    }

    private func returnClause(_ receiver: OperationModel, qualified: Bool = false) -> String {
        answer(receiver).map { " -> " + OperationSignature.bodyType($0, namespace: qualified ? options.namespace : nil) } ?? ""
    }

    /// The body the API sends, JSON first.
    private func payload(_ receiver: OperationModel) -> ContentModel? {
        receiver.requestBody.flatMap { ContentModel.preferred($0.contents) }
    }

    /// `_ payload: EmailSentEvent`, or nothing for a delivery without a body.
    private func parameter(_ receiver: OperationModel, qualified: Bool = false) -> String {
        guard let body = payload(receiver) else { return "" }
        let type = OperationSignature.bodyType(body, namespace: qualified ? options.namespace : nil)
        return "_ payload: " + (receiver.requestBody?.required == false ? type + "?" : type)
    }

    private func doc(_ receiver: OperationModel) -> [String?] {
        var paragraphs: [String?] = [receiver.summary ?? "`\(receiver.operationId)`"]
        if let description = receiver.description, DocComment.clean(description) != DocComment.clean(receiver.summary ?? "") {
            paragraphs.append(description)
        }
        let kind = model.webhooks.contains(receiver) ? "The webhook" : "The callback"
        let body = payload(receiver).map { ", its payload ``\(OperationSignature.bodyType($0))``" } ?? ""
        let reply = answer(receiver).map { "; it answers with ``\(OperationSignature.bodyType($0))``" } ?? ""
        paragraphs.append("\(kind) `\(receiver.operationId)`: `\(receiver.method)`\(body)\(reply).")
        return paragraphs
    }

    /// The payload field that names each webhook, when every receiver of a method has one with
    /// a constant value (`type: email.sent`), the same field, and values that differ.
    private func discriminators(_ receivers: [OperationModel]) -> [String: (field: String, value: String)] {
        var result: [String: (field: String, value: String)] = [:]
        for method in Set(receivers.map(\.method)) {
            let group = receivers.filter { $0.method == method }
            guard group.count > 1 else { continue }
            let constants = group.map { constantFields($0) }
            guard let first = constants.first else { continue }
            for field in first.keys.sorted() {
                let values = constants.compactMap { $0[field] }
                guard values.count == group.count, Set(values).count == values.count else { continue }
                for (receiver, value) in zip(group, values) { result[receiver.operationId] = (field, value) }
                break
            }
        }
        return result
    }

    /// The payload's properties whose value is fixed: a `const`, or an enum of one value.
    private func constantFields(_ receiver: OperationModel) -> [String: String] {
        guard case .named(let name)? = payload(receiver)?.type?.nonNullable,
              case .object(let object)? = model.type(named: name)?.kind else { return [:] }
        var fields: [String: String] = [:]
        for property in object.properties where property.required {
            if let constant = property.constValue?.stringValue {
                fields[property.name] = constant
            } else if case .named(let enumName) = property.type.nonNullable,
                      case .enumeration(let enumeration)? = model.type(named: enumName)?.kind, enumeration.cases.count == 1,
                      let value = enumeration.cases[0].value.stringValue {
                fields[property.name] = value
            }
        }
        return fields
    }
}
