import APIModel

/// Writes `Exchanges.swift` of a round trip: every operation as a `RoundTripExchange`, the
/// generated client's call with each argument decoded from its JSON candidates, and the answer
/// the server stubs give.
struct ExchangeWriter {
    let model: ServiceModel
    let samples: RoundTripSamples

    func file(header: String, module: String) -> String {
        let writer = CodeWriter()
        writer.line(header)
        writer.blank()
        writer.line("import APIRuntime")
        writer.line("import Foundation")
        writer.line("import OpenAPIURLSession")
        writer.line("import \(module)")
        writer.blank()
        writer.line("/// The client's side: every operation of \(model.title), called once.")
        writer.block("enum RoundTripClientSide") {
            writer.line("/// Calls every operation against the server at `serverURL`, in document order.")
            writer.block("static func run(serverURL: URL, inbox: RoundTripInbox) async -> [RoundTripOutcome]") {
                writer.line("let client = \(model.name)(client: APIClient(serverURL: serverURL, transport: URLSessionTransport()))")
                writer.line("return await RoundTrip.run(exchanges(), client: client, inbox: inbox)")
            }
            writer.blank()
            // One append per operation: a literal of hundreds of closures is slow to type-check.
            writer.line("/// The operations, each with its call and its answer.")
            writer.block("static func exchanges() -> [RoundTripExchange<\(model.name)>]") {
                writer.line("var all: [RoundTripExchange<\(model.name)>] = []")
                writer.line("all.reserveCapacity(\(model.operations.count))")
                for operation in model.operations {
                    write(operation, to: writer)
                }
                writer.line("return all")
            }
        }
        let deprecated = model.operations.filter(\.deprecated)
        if !deprecated.isEmpty { writeDeprecatedCalls(deprecated, to: writer) }
        return writer.text
    }

    /// Calls of deprecated operations are made in deprecated functions, reached through a
    /// protocol whose requirements are not deprecated: calling them is then no warning.
    private func writeDeprecatedCalls(_ operations: [OperationModel], to writer: CodeWriter) {
        writer.blank()
        writer.line("/// The calls of operations the spec deprecates, reached through a protocol so that making them warns of nothing.")
        writer.block("protocol RoundTripDeprecatedCalls") {
            for operation in operations {
                writer.line("static func \(deprecatedName(operation))(_ client: \(model.name), _ values: RoundTripValues) async throws")
            }
        }
        writer.blank()
        writer.block("enum RoundTripDeprecated: RoundTripDeprecatedCalls") {
            writer.line("static var calls: any RoundTripDeprecatedCalls.Type { RoundTripDeprecated.self }")
            for operation in operations {
                writer.blank()
                writer.line("@available(*, deprecated, message: \"Calls an operation the spec deprecates.\")")
                writer.block("static func \(deprecatedName(operation))(_ client: \(model.name), _ values: RoundTripValues) async throws") {
                    writer.line(call(operation).statement)
                }
            }
        }
    }

    /// `callAudiencesCreate` for the operation `audiences.create`; a number told apart two IDs
    /// that spell the same.
    private func deprecatedName(_ operation: OperationModel) -> String {
        let name = "call" + SwiftName.type(operation.operationId)
        let same = model.operations.filter { $0.deprecated && "call" + SwiftName.type($0.operationId) == name }
        guard same.count > 1, let index = same.firstIndex(where: { $0.operationId == operation.operationId }) else { return name }
        return name + String(index + 1)
    }

    private func write(_ operation: OperationModel, to writer: CodeWriter) {
        let answer = self.answer(operation)
        let statement = operation.deprecated
            ? "try await RoundTripDeprecated.calls.\(deprecatedName(operation))(client, values)"
            : call(operation).statement
        writer.line("all.append(RoundTripExchange(")
        writer.indent {
            let routed = operation.sharesRouteWith.map { ", routedTo: \(SwiftLiteral.string($0))" } ?? ""
            writer.line("\(SwiftLiteral.string(operation.operationId)), status: \(answer.status)\(routed),")
            writer.line("answer: { \(answer.expression) },")
            writer.line("call: { client, values in \(statement) }")
        }
        writer.line("))")
    }

    /// The client call of an operation, every argument decoded from its candidates, as a statement
    /// that records what it returns.
    private func call(_ operation: OperationModel) -> (expression: String, statement: String) {
        let signature = OperationSignature(operation, side: .client)
        let arguments = signature.arguments.map { argument -> String in
            let candidates = argument.parameter.map(samples.parameter) ?? body(operation, signature)
            // Parameters and form bodies travel as text, where empty objects and lists vanish.
            let asText = argument.parameter != nil || signature.body?.kind == .form ? ", asText: true" : ""
            let reader = argument.parameter == nil && signature.body?.kind == .binary ? "stream" : "value"
            return "\(SwiftName.escapedLabel(argument.label)): values.\(reader)(\(SwiftLiteral.string(argument.label)), \(candidates.arguments)\(asText))"
        }
        let namespace = operation.tag.flatMap { tag in model.tags.first { $0.name == tag }?.memberName }
        let target = namespace.map { "client.\(SwiftName.escaped($0))" } ?? "client"
        let call = "\(target).\(SwiftName.escaped(operation.swiftName))(\(arguments.joined(separator: ", ")))"
        switch self.answer(operation).returned {
        case .compared: return (call, "try await values.result(\(call))")
        case .ignored: return (call, "_ = try await \(call)")
        case .none: return (call, "try await \(call)")
        }
    }

    /// The body's candidates: the examples of the media type the client sends, then a sample.
    private func body(_ operation: OperationModel, _ signature: OperationSignature) -> RoundTripSamples.Candidates {
        guard let content = signature.body else { return .init(examples: [], sample: .null) }
        switch content.kind {
        case .binary: return .init(examples: [], sample: .string("AQID"))
        case .text: return .init(examples: [], sample: .string("s-body é"))
        default: return samples.content(content, type: content.type ?? .json, seed: "body")
        }
    }

    /// What the client makes of the answer.
    private enum Returned {
        /// A decoded body, compared with what the server sent.
        case compared
        /// Text, bytes or events: the server stubs' fallback answers JSON only, so it is not compared.
        case ignored
        /// Nothing.
        case none
    }

    /// The status the server answers, the `RoundTripAnswer` expression, and what the client returns.
    private func answer(_ operation: OperationModel) -> (status: Int, expression: String, returned: Returned) {
        let successes = operation.responses.filter(\.isSuccess)
        let withBody = successes.first { !$0.contents.isEmpty }
        let status = (withBody ?? successes.first)?.code ?? 200
        guard let success = operation.success else {
            if let constant = withBody?.contents.first(where: { $0.constant != nil })?.constant {
                return (status, "try RoundTripAnswer(constant: \(constant.swiftJSONLiteral))", .none)
            }
            return (status, "nil", .none)
        }
        switch success.kind {
        case .text, .binary, .eventStream:
            return (status, "nil", .ignored)
        case .json, .form, .multipart:
            let content = withBody.flatMap { ContentModel.preferred($0.contents) }
            let candidates = content.map { samples.content($0, type: success.type, seed: "answer") }
                ?? .init(examples: [], sample: samples.value(success.type.nonNullable, seed: "answer"))
            let type = SwiftTypes.name(success.type.nonNullable)
            return (status, "try RoundTripAnswer(\(type).self, \(candidates.arguments))", .compared)
        }
    }
}
