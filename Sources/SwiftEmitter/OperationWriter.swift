import APIModel

/// Writes the client type, the namespaces of tags and the operation methods.
struct OperationWriter {
    let model: ServiceModel
    let options: SwiftOptions

    private var m: String { options.modifier }

    // MARK: The client type

    func writeClient(to units: Units, diagnostics: inout [Diagnostic]) {
        units.declaration { writeClientType(to: $0, diagnostics: &diagnostics) }
        if let error = model.errorTypeName, let accessor = errorAccessor {
            units.fileLevel { writer in
                writer.block("extension ResponseError") {
                    writer.line("/// The body decoded as the spec's error schema, ``\(options.qualified(error))``, when it is one.")
                    writer.line("\(m)var \(SwiftName.escaped(accessor)): \(options.qualified(error))? { try? decode(\(options.qualified(error)).self) }")
                }
            }
        }
    }

    /// The `ResponseError` accessor for the spec's error schema (`apiError`). It stands
    /// outside any namespace, so it is named after it: two specs in one module do not clash.
    private var errorAccessor: String? {
        model.errorTypeName.map { error in SwiftName.member(options.namespace.map { "\($0) \(error)" } ?? error) }
    }

    private func writeClientType(to writer: CodeWriter, diagnostics: inout [Diagnostic]) {
        DocComment.write(writer, [
            model.summary.map { "\(model.title): \($0)" } ?? "A client for \(model.title) \(model.version).",
            model.description,
            """
            Operations are grouped by tag: `client.\(model.tags.first?.memberName ?? "tag").someOperation(...)`. Each \
            returns the decoded success body or throws ``ResponseError``; its `…Raw` variant returns the whole \
            response instead.
            """,
        ])
        writer.block("\(m)struct \(model.name): Sendable") {
            writer.line("/// The HTTP client every operation goes through.")
            writer.line("\(m)let client: APIClient")
            writer.blank()
            writeInitializer(to: writer)
            writer.blank()
            writer.line("/// A client that sends through an ``APIClient`` you configured yourself.")
            writer.block("\(m)init(client: APIClient)") {
                writer.line("self.client = client")
            }
            for (tag, _) in model.taggedGroups {
                writer.blank()
                DocComment.write(writer, [DocComment.firstLine(tag.description) ?? "Operations tagged `\(tag.name)`."])
                writer.line("\(m)var \(SwiftName.escaped(tag.memberName)): \(tag.typeName) { \(tag.typeName)(client: client) }")
            }
            for operation in model.untaggedOperations {
                writer.blank()
                writeOperation(operation, to: writer, diagnostics: &diagnostics)
            }
        }
    }

    /// `init(serverURL:transport:token:middlewares:options:)`, with `basic:` when some operations
    /// take HTTP Basic credentials: those go to them, and the bearer token to every other request.
    /// Operations the spec marks `x-apigen-idempotent` join the options' retryable ones.
    private func writeInitializer(to writer: CodeWriter) {
        let basicOperations = model.basicAuthOperations
        let idempotentOperations = model.operations.filter(\.isMarkedIdempotent).map(\.operationId)
        let basicDoc = basicOperations.isEmpty ? "" : """
              - basic: A user name and password sent as HTTP Basic, instead of the bearer token, to the \
            operations that take them: \(basicOperations.map { "`\($0)`" }.joined(separator: ", ")). The password is never printed.

            """
        DocComment.write(writer, [
            "A client for the server at `serverURL`.",
            """
            - Parameters:
              - serverURL: The server, with any base path (`https://quay.io`). Operation paths are appended to it.
              - transport: How requests travel: `URLSessionTransport()`, `AsyncHTTPClientTransport()`, or your own.
              - token: A bearer token sent as `Authorization: Bearer …`. It is never printed or logged.
            \(basicDoc)  - middlewares: Middlewares run in order around every request, outside the credentials.
              - options: Retries, time limits, the request id header and logging.
            """,
        ])
        let basic = basicOperations.isEmpty ? "" : " basic: BasicCredentials? = nil,"
        writer.block("\(m)init(serverURL: URL, transport: any ClientTransport, token: String? = nil,\(basic) middlewares: [any ClientMiddleware] = [], options: ClientOptions = ClientOptions())") {
            if basicOperations.isEmpty {
                writer.line("let auth: [any ClientMiddleware] = token.map { [BearerTokenMiddleware(token: $0)] } ?? []")
            } else {
                writer.line("var auth: [any ClientMiddleware] = []")
                writer.line("if let basic { auth.append(BasicAuthMiddleware(credentials: basic, operations: Self.basicAuthOperations)) }")
                writer.line("if let token { auth.append(BearerTokenMiddleware(token: token)) }")
            }
            if !idempotentOperations.isEmpty {
                writer.line("var options = options")
                writer.line("options.retry.idempotentOperations.formUnion(Self.idempotentOperations)")
            }
            writer.line("self.client = APIClient(serverURL: serverURL, transport: transport, middlewares: middlewares + auth, options: options)")
        }
        if !basicOperations.isEmpty {
            writer.blank()
            writer.line("/// The operations that take HTTP Basic credentials.")
            writer.line("\(m)static let basicAuthOperations: Set<String> = [\(basicOperations.map(SwiftLiteral.string).joined(separator: ", "))]")
        }
        if !idempotentOperations.isEmpty {
            writer.blank()
            writer.line("/// The operations the spec marks safe to repeat (`x-apigen-idempotent`): retried like a GET.")
            writer.line("\(m)static let idempotentOperations: Set<String> = [\(idempotentOperations.map(SwiftLiteral.string).joined(separator: ", "))]")
        }
    }

    // MARK: Namespaces

    func writeNamespace(_ tag: TagModel, _ operations: [OperationModel], to units: Units,
                        diagnostics: inout [Diagnostic]) {
        units.fileLevel { writeNamespace(tag, operations, to: $0, diagnostics: &diagnostics) }
    }

    private func writeNamespace(_ tag: TagModel, _ operations: [OperationModel], to writer: CodeWriter,
                                diagnostics: inout [Diagnostic]) {
        writer.block("extension \(options.qualified(model.name))") {
            DocComment.write(writer, [tag.description ?? "Operations tagged `\(tag.name)`.",
                                      "Reach it through ``\(model.name)/\(tag.memberName)``."])
            writer.block("\(m)struct \(tag.typeName): Sendable") {
                writer.line("/// The HTTP client.")
                writer.line("\(m)let client: APIClient")
                writer.blank()
                writer.line("/// The namespace, sending through `client`.")
                writer.block("\(m)init(client: APIClient)") {
                    writer.line("self.client = client")
                }
                for operation in operations {
                    writer.blank()
                    writeOperation(operation, to: writer, diagnostics: &diagnostics)
                }
            }
        }
    }

    // MARK: Operations

    func writeOperation(_ operation: OperationModel, to writer: CodeWriter, diagnostics: inout [Diagnostic]) {
        let signature = OperationSignature(operation, side: .client)
        let name = SwiftName.escaped(operation.swiftName)
        let raw = operation.swiftName + "Raw"
        let result = ResultShape(operation.success)
        let deprecation = operation.deprecated ? "@available(*, deprecated, message: \"Deprecated in the spec.\")" : nil

        DocComment.write(writer, documentation(operation, signature, returns: result.doc(operation)))
        deprecation.map(writer.line)
        // What a write answers (the created repository, say) may go unread; what a read
        // answers is the point of calling it.
        // A stream is never dropped unread.
        if !result.isVoid, !result.isStreamed, !["GET", "HEAD"].contains(operation.method) { writer.line("@discardableResult") }
        writer.block("\(m)func \(name)(\(signature.declaration)) async throws\(result.returnClause)") {
            let call = "try await \(raw)(\(signature.forwarding())).body()"
            writer.line(result.isVoid ? call : "return " + call)
        }
        writer.blank()
        DocComment.write(writer, [
            "``\(operation.swiftName)(\(labels(signature)))``, returning the whole response: status, headers and body"
                + (result.isStreamed ? ", a 2xx body still streaming." : "."),
            "It does not throw for the response's status; `body()` on the result does.",
        ])
        deprecation.map(writer.line)
        writer.block("\(m)func \(raw)(\(signature.declaration)) async throws -> \(result.rawType)") {
            RequestWriter(model: model, operation: operation, signature: signature)
                .write(to: writer, diagnostics: &diagnostics)
            writer.line("return try await client.\(result.sendCall)")
        }
        if let pagination = operation.pagination {
            writer.blank()
            PagesWriter(model: model, operation: operation, signature: signature, pagination: pagination, options: options)
                .write(to: writer, deprecation: deprecation)
        }
    }

    /// `repository:onlyActiveTags:` for a symbol link.
    private func labels(_ signature: OperationSignature) -> String {
        signature.arguments.map { "\($0.label):" }.joined()
    }

    private func documentation(_ operation: OperationModel, _ signature: OperationSignature, returns: String?) -> [String?] {
        var paragraphs: [String?] = [operation.summary ?? "`\(operation.method) \(operation.path)`"]
        if let description = operation.description, DocComment.clean(description) != DocComment.clean(operation.summary ?? "") {
            paragraphs.append(description)
        }
        paragraphs.append("`\(operation.method) \(operation.path)`. \(SecurityText.sentence(operation, model: model))")
        if operation.deprecated { paragraphs.append("- Warning: Deprecated in the spec.") }
        var tail: [String] = []
        if !signature.arguments.isEmpty {
            tail.append("- Parameters:")
            tail += signature.arguments.map { "  - \($0.label): \($0.doc)" }
        }
        if let returns { tail.append("- Returns: \(returns)") }
        let typed = errorAccessor.map { ", whose body `error.\($0)` decodes" } ?? ""
        tail.append("- Throws: ``ResponseError`` when the server answers with a status that is not 2xx\(typed), or with a body that does not decode; and the transport's errors.")
        paragraphs.append(tail.joined(separator: "\n"))
        return paragraphs
    }
}

/// What a client method returns, and how its raw variant asks for it.
struct ResultShape {
    /// `Void`, `Pet`, `Pet?`, `String`, `HTTPBody`, `ServerSentEvents<Chunk>`, ...
    let bodyType: String
    /// `client.send(request, as: Pet.self)` and friends, without `client.`.
    let sendCall: String
    let isVoid: Bool
    /// Whether the body is handed over as it arrives (bytes, server-sent events), not collected.
    let isStreamed: Bool

    init(_ success: SuccessModel?) {
        isStreamed = success.map { $0.kind == .binary || $0.kind == .eventStream } ?? false
        guard let success else {
            bodyType = "Void"
            sendCall = "send(request)"
            isVoid = true
            return
        }
        isVoid = false
        switch success.kind {
        case .binary:
            bodyType = "HTTPBody"
            sendCall = "stream(request)"
        case .eventStream:
            let payload = OperationSignature.eventPayload(success.type)
            bodyType = "ServerSentEvents<\(payload)>"
            sendCall = "streamEvents(request, of: \(payload).self)"
        case .text:
            bodyType = "String"
            sendCall = "sendForText(request)"
        case .json, .form, .multipart:
            let type = SwiftTypes.name(success.type.nonNullable)
            let optional = success.isOptional || success.type.isNullable
            bodyType = optional ? type + "?" : type
            sendCall = optional ? "send(request, asOptional: \(type).self)" : "send(request, as: \(type).self)"
        }
    }

    /// What the raw variant returns: the whole response, its body collected or still streaming.
    var rawType: String { isStreamed ? "StreamedResponse<\(bodyType)>" : "APIResponse<\(bodyType)>" }

    /// ` -> Pet`, or nothing for `Void`.
    var returnClause: String { isVoid ? "" : " -> \(bodyType)" }

    /// The `- Returns:` line.
    func doc(_ operation: OperationModel) -> String? {
        guard !isVoid else { return nil }
        let response = operation.responses.first { $0.isSuccess && !$0.contents.isEmpty }
        let description = DocComment.firstLine(response?.description) ?? "The decoded body."
        switch operation.success?.kind {
        case .eventStream: return description + " Server-sent events, each decoded as it arrives: read them with `for try await`."
        case .binary: return description + " The bytes as they arrive; `Data(collecting:upTo:)` collects them."
        default: return description
        }
    }
}

/// What the docs say about an operation's security.
enum SecurityText {
    /// "Requires the OAuth scope `repo:read`." or "Anonymous: no credentials needed."
    static func sentence(_ operation: OperationModel, model: ServiceModel) -> String {
        if operation.allowsAnonymous {
            return operation.security.isEmpty ? "Anonymous: no credentials needed." : "Credentials are optional."
        }
        let scopes = operation.scopes
        if scopes.isEmpty {
            let schemes = operation.security.flatMap { $0.schemes.map(\.scheme) }
            return "Requires credentials (\(schemes.map { "`\($0)`" }.joined(separator: " or ")))."
        }
        let list = scopes.map { "`\($0)`" }.joined(separator: ", ")
        return scopes.count == 1 ? "Requires the OAuth scope \(list)." : "Requires the OAuth scopes \(list)."
    }
}
