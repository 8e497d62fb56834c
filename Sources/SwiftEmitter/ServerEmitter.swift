import APIModel

/// Emits the server module: the model types, one protocol with a method per operation (typed
/// input in, typed output out, a 501 default), and `registerHandlers(on:serverURL:options:)`,
/// which checks every request before a handler sees it.
public enum ServerEmitter {
    /// The files of the server module. `types`, when given, are the model's declarations
    /// written already (for a client made alongside with the same options).
    public static func emit(_ model: ServiceModel, options: SwiftOptions, types: DeclaredTypes? = nil) -> EmitterOutput {
        var diagnostics: [Diagnostic] = []
        let shapes = BodyShapeWriter(model: model, options: options)
        let writer = ServerWriter(model: model, options: options, shapes: shapes)
        let groups: [(name: String, operations: [OperationModel])] = (model.taggedGroups.map { ($0.tag.typeName, $0.operations) }
            + [("UntaggedOperations", model.untaggedOperations)]).filter { !$0.1.isEmpty }
        // The main file (nil here) and each group's file are written side by side.
        let written = Parallel.map([nil] + groups.map(Optional.some)) { group in
            var diagnostics: [Diagnostic] = []
            let units = Units(options: options)
            guard let group else {
                writer.writeProtocol(groups: groups.map(\.name), to: units)
                return (FileLayout.Group(name: "Server", units: units.list), diagnostics)
            }
            writer.writeGroup(group.name, group.operations, to: units, diagnostics: &diagnostics)
            return (FileLayout.Group(name: group.name, units: units.list), diagnostics)
        }
        // Webhooks and callbacks are requests the API sends: the client's receiver takes them.
        diagnostics += written.flatMap(\.1)
        var operationFiles = written.dropFirst().map(\.0)
        if !shapes.isEmpty {
            let units = Units(options: options)
            units.declaration(shapes.write)
            operationFiles.append(FileLayout.Group(name: "BodyShapes", units: units.list))
        }
        let files = FileLayout(options: options).files(main: written[0].0, operations: operationFiles,
                                                       types: types ?? DeclaredTypes(model, options: options))
        return EmitterOutput(files: files, diagnostics: diagnostics)
    }
}

/// Writes the server protocol, its defaults and registration, and each operation's input,
/// output and handler.
struct ServerWriter {
    let model: ServiceModel
    let options: SwiftOptions
    /// What the handlers check in JSON bodies beyond decoding.
    let shapes: BodyShapeWriter
    private var m: String { options.modifier }
    private var protocolName: String { model.serverProtocolName }
    private var qualifiedProtocol: String { options.qualified(protocolName) }

    // MARK: The protocol

    func writeProtocol(groups: [String], to units: Units) {
        units.declaration(writeProtocolDeclaration)
        units.fileLevel { writeDefaults(groups: groups, to: $0) }
        units.declaration(writeErrorBody)
        units.declaration(writeDescriptions)
    }

    private func writeProtocolDeclaration(to writer: CodeWriter) {
        DocComment.write(writer, [
            "The \(model.title.hasSuffix("API") ? model.title : model.title + " API"), to implement: one method per operation.",
            """
            Every method has a default that answers 501 Not Implemented, so a server implements \
            only what it needs. Register an implementation on any `ServerTransport` (Hummingbird, \
            Vapor, ...) with ``registerHandlers(on:serverURL:options:)``: requests are checked \
            before a method runs (credentials and scopes, body size and media type, parameters \
            and body), and a bad one gets a 4xx with the spec's error body naming the problem.
            """,
        ])
        writer.block("\(m)protocol \(protocolName): Sendable") {
            for operation in model.operations {
                DocComment.write(writer, protocolDoc(operation))
                writer.line("func \(SwiftName.escaped(operation.swiftName))(_ input: \(operation.typeName).Input) async throws -> \(operation.typeName).Output")
                writer.blank()
            }
        }
    }

    private func writeDefaults(groups: [String], to writer: CodeWriter) {
        writer.block("extension \(qualifiedProtocol)") {
            for operation in model.operations {
                writer.line("/// Answers 501 Not Implemented, or what `ServerOptions.fallback` says.")
                writer.block("\(m)func \(SwiftName.escaped(operation.swiftName))(_ input: \(options.qualified(operation.typeName)).Input) async throws -> \(options.qualified(operation.typeName)).Output") {
                    writer.line("let answer = try await ServerCall.unimplemented(\(SwiftLiteral.string(operation.operationId)), input)")
                    writer.line("return .undocumented(status: answer.status, body: answer.body)")
                }
                writer.blank()
            }
            DocComment.write(writer, [
                "Registers a handler for every operation on a transport.",
                """
                - Parameters:
                  - transport: Where routes are registered: a Hummingbird router, a Vapor app, ...
                  - serverURL: The server URL whose path prefixes every route.
                  - options: Body size limit, the authorizer that checks credentials and scopes, and the error body.
                """,
            ])
            writer.block("\(m)func registerHandlers(on transport: any ServerTransport, serverURL: URL = .defaultOpenAPIServerURL, options: ServerOptions = ServerOptions()) throws") {
                writer.line("var options = options")
                writer.line("if options.errorBody == nil { options.errorBody = \(options.qualified(protocolName + "Errors")).body }")
                for group in groups {
                    writer.line("try register\(group)(on: transport, serverURL: serverURL, options: options)")
                }
            }
        }
    }

    /// `QuayAPIOperations.all`: every operation's method, path, scopes, responses and examples.
    private func writeDescriptions(to writer: CodeWriter) {
        writer.line("/// What the spec says about each operation, for code that handles operations generically.")
        writer.block("\(m)enum \(protocolName)Operations") {
            writer.line("/// Every operation, in document order.")
            writer.line("\(m)static let all: [OperationDescription] = [")
            writer.indent {
                for operation in model.operations {
                    let scopes = operation.scopes.map(SwiftLiteral.string).joined(separator: ", ")
                    let responses = operation.responses.map { response in
                        "(\(SwiftLiteral.string(response.status)), [\(response.contents.map { SwiftLiteral.string($0.mediaType) }.joined(separator: ", "))])"
                    }.joined(separator: ", ")
                    // Each response's first JSON example, as JSON text: cheap to compile, parsed on use.
                    let examples = operation.responses.compactMap { response -> String? in
                        guard let example = response.contents.first(where: { $0.kind == .json })?.examples.first?.value else { return nil }
                        return "\(SwiftLiteral.string(response.status)): \(SwiftLiteral.raw(example.jsonText))"
                    }
                    let exampleArgument = examples.isEmpty ? "" : ", examples: [\(examples.joined(separator: ", "))]"
                    writer.line("OperationDescription(\(SwiftLiteral.string(operation.operationId)), .\(operation.method.lowercased()), \(SwiftLiteral.string(operation.path)), scopes: [\(scopes)], anonymous: \(operation.allowsAnonymous), responses: [\(responses)]\(exampleArgument)),")
                }
            }
            writer.line("]")
        }
    }

    private func protocolDoc(_ operation: OperationModel) -> [String?] {
        var paragraphs: [String?] = [operation.summary ?? "`\(operation.method) \(operation.path)`"]
        if let description = operation.description, DocComment.clean(description) != DocComment.clean(operation.summary ?? "") {
            paragraphs.append(description)
        }
        paragraphs.append("`\(operation.method) \(operation.path)`. \(SecurityText.sentence(operation, model: model))")
        if let other = operation.sharesRouteWith {
            paragraphs.append("- Note: The spec gives `\(other)` the same method and path, so a server cannot tell their "
                              + "requests apart: ``registerHandlers(on:serverURL:options:)`` hands them all to `\(other)`, "
                              + "and this method is only called by code of yours.")
        }
        paragraphs.append("- Returns: one of the documented responses, or `.undocumented(status:body:)`.\n- Throws: a ``HTTPProblem`` to answer with an error status and the spec's error body.")
        return paragraphs
    }

    /// How problems become the spec's error body: its properties filled from a problem's
    /// status, title and detail, by their usual names. Without a fitting error schema,
    /// problems are answered as RFC 9457 problem details.
    private func writeErrorBody(to writer: CodeWriter) {
        writer.line("/// How \(protocolName) answers problems: with the spec's error body.")
        writer.block("\(m)enum \(protocolName)Errors") {
            writer.line("/// A problem as the spec's error schema\(model.errorTypeName.map { ", ``\($0)``" } ?? "").")
            writer.line("\(m)static let body: @Sendable (HTTPProblem) -> JSONValue = { problem in")
            writer.indent {
                if let mapping = errorMapping() {
                    writer.line("let body = \(mapping)")
                    writer.line("return (try? JSONValue(encoding: body)) ?? problem.standardBody")
                } else {
                    writer.line("problem.standardBody")
                }
            }
            writer.line("}")
        }
    }

    /// `ApiError(status: problem.status.code, title: problem.title, ...)`, when every required
    /// property of the error schema has a source.
    private func errorMapping() -> String? {
        guard let name = model.errorTypeName, case .object(let object)? = model.type(named: name)?.kind else { return nil }
        var arguments: [String] = []
        for property in object.properties {
            let source = Self.problemSource(property)
            if source == nil, property.required { return nil }
            if let source { arguments.append("\(SwiftName.escapedLabel(property.swiftName)): \(source)") }
        }
        return arguments.isEmpty ? nil : "\(name)(\(arguments.joined(separator: ", ")))"
    }

    private static func problemSource(_ property: Property) -> String? {
        let key = property.name.lowercased().filter { $0 != "_" && $0 != "-" }
        switch (key, property.type.nonNullable) {
        case ("status", .integer), ("code", .integer), ("statuscode", .integer):
            return "\(SwiftTypes.name(property.type.nonNullable))(problem.status.code)"
        case ("status", .string), ("code", .string), ("errortype", .string), ("error", .string), ("title", .string):
            return "problem.title"
        case ("detail", .string), ("message", .string), ("errormessage", .string), ("description", .string),
             ("errordescription", .string):
            return "problem.detail"
        case ("type", .string): return "problem.type"
        default: return nil
        }
    }

    // MARK: Operations

    func writeGroup(_ name: String, _ operations: [OperationModel], to units: Units, diagnostics: inout [Diagnostic]) {
        for operation in operations {
            units.declaration { writeNamespace(operation, to: $0) }
        }
        units.fileLevel { writeRegistration(name, operations, to: $0, diagnostics: &diagnostics) }
    }

    private func writeRegistration(_ name: String, _ operations: [OperationModel], to writer: CodeWriter,
                                   diagnostics: inout [Diagnostic]) {
        writer.block("extension \(qualifiedProtocol)") {
            writer.line("/// Registers the handlers of \(name).")
            writer.block("func register\(name)(on transport: any ServerTransport, serverURL: URL, options: ServerOptions) throws") {
                // An operation whose route is an earlier one's gets its requests: no route of its own.
                for operation in operations where operation.sharesRouteWith == nil {
                    HandlerWriter(model: model, operation: operation, namespace: options.namespace, shapes: shapes)
                        .write(to: writer, diagnostics: &diagnostics)
                }
            }
        }
    }

    /// `enum ListRepoTags { struct Input; enum Output }`.
    private func writeNamespace(_ operation: OperationModel, to writer: CodeWriter) {
        let signature = OperationSignature(operation, side: .server)
        DocComment.write(writer, ["The input and output of `\(operation.operationId)`: `\(operation.method) \(operation.path)`."])
        writer.block("\(m)enum \(operation.typeName)") {
            writer.line("/// What the request carried, checked and typed.")
            writer.block("\(m)struct Input: Sendable, Encodable") {
                for argument in signature.arguments {
                    writer.line("/// \(argument.doc)")
                    writer.line("\(m)var \(SwiftName.escaped(argument.label)): \(argument.type)")
                }
                writer.blank()
                writer.line("/// Creates an input.")
                writer.block("\(m)init(\(signature.declaration))") {
                    for argument in signature.arguments {
                        writer.line("self.\(argument.label) = \(SwiftName.escaped(argument.label))")
                    }
                }
            }
            writer.blank()
            writer.line("/// What to answer: a documented response, or any status with any JSON.")
            writer.block("\(m)enum Output: Sendable") {
                for response in operation.responses {
                    let output = OutputCase(response)
                    writer.line("/// \(response.status): \(DocComment.firstLine(response.description) ?? "")")
                    writer.line("case \(output.declaration)")
                }
                writer.line("/// Any status, with any JSON body or none.")
                writer.line("case undocumented(status: Int, body: JSONValue?)")
            }
        }
    }
}

/// One documented response as a case of an operation's `Output`.
struct OutputCase {
    let response: ResponseModel
    /// The case name: `ok`, `notFound`, `other` for `default`, `success2XX` for ranges.
    let name: String
    /// The body's content, JSON first.
    let content: ContentModel?

    init(_ response: ResponseModel) {
        self.response = response
        content = ContentModel.preferred(response.contents)
        if response.status == "default" {
            name = "other"
        } else if let code = response.code {
            name = Self.names[code] ?? "status\(code)"
        } else {
            name = ["1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError"][String(response.status.prefix(1))].map { $0 + response.status.uppercased() } ?? "other"
        }
    }

    /// Whether the case carries a status (ranges and `default`).
    var carriesStatus: Bool { response.code == nil }

    /// The body's Swift type, if there is a body the implementation gives. A constant body
    /// (`const: Created`) is written by the stubs themselves.
    var bodyType: String? { content.flatMap { $0.constant == nil ? OperationSignature.bodyType($0) : nil } }

    /// `ok(ListReposResponse)`, `created`, `other(status: Int, ApiError)`, `created(Pet, headers: HTTPFields = HTTPFields())`.
    var declaration: String {
        var values: [String] = []
        if carriesStatus { values.append("status: Int") }
        if let bodyType { values.append(bodyType) }
        if !response.headers.isEmpty { values.append("headers: HTTPFields = HTTPFields()") }
        return values.isEmpty ? name : "\(name)(\(values.joined(separator: ", ")))"
    }

    static let names: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent", 300: "multipleChoices", 301: "movedPermanently", 302: "found",
        303: "seeOther", 304: "notModified", 307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest",
        401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed",
        406: "notAcceptable", 408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired",
        412: "preconditionFailed", 413: "contentTooLarge", 415: "unsupportedMediaType", 422: "unprocessableContent",
        423: "locked", 428: "preconditionRequired", 429: "tooManyRequests", 500: "internalServerError",
        501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable", 504: "gatewayTimeout",
    ]
}
