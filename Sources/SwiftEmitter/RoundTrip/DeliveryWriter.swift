import APIModel

/// Writes `Deliveries.swift` of a round trip: a receiver implementing every method of the
/// client's webhook protocol by recording what it got, and one `RoundTripDelivery` per webhook
/// and callback, its payload decoded from JSON candidates and sent as the API would send it.
struct DeliveryWriter {
    let model: ServiceModel
    let samples: RoundTripSamples

    /// The path the receiver is mounted at.
    static let path = "/round-trip/webhooks"

    func file(header: String, module: String, protocolName: String) -> String {
        let receivers = model.receivers
        let writer = CodeWriter()
        writer.line(header)
        writer.blank()
        writer.line("import APIRuntime")
        writer.line("import Foundation")
        writer.line("import \(module)")
        writer.blank()
        writer.line("/// Every webhook and callback, recorded as it arrives; a callback's reply comes from the log.")
        writer.block("struct RoundTripReceiver: \(protocolName)") {
            writer.line("let log: RoundTripDeliveryLog")
            for receiver in receivers {
                writer.blank()
                let name = SwiftLiteral.string(receiver.operationId)
                let payload = self.payload(receiver)
                let parameter = payload.map { "_ payload: \($0.type)\(receiver.requestBody?.required == false ? "?" : "")" } ?? ""
                let record = payload == nil ? "log.received(\(name), nil as String?)" : "log.received(\(name), payload)"
                if let reply = self.reply(receiver) {
                    writer.block("func \(SwiftName.escaped(receiver.swiftName))(\(parameter)) async throws -> \(reply.type)") {
                        writer.line("try \(record)")
                        writer.line("return try log.reply(\(name))")
                    }
                } else {
                    writer.line("func \(SwiftName.escaped(receiver.swiftName))(\(parameter)) async throws { try \(record) }")
                }
            }
        }
        writer.blank()
        writer.line("/// The API's side of its webhooks and callbacks: each delivered once to ``RoundTripReceiver``.")
        writer.block("enum RoundTripReceiverSide") {
            writer.line("/// Mounts the receiver at `\(Self.path)`.")
            writer.block("static func register(on transport: any ServerTransport, log: RoundTripDeliveryLog) throws") {
                writer.line("try RoundTripReceiver(log: log).registerWebhooks(on: transport, serverURL: URL(string: \"/\")!, path: \(SwiftLiteral.string(Self.path)))")
            }
            writer.blank()
            writer.line("/// Delivers every webhook and callback to the receiver at `serverURL`.")
            writer.block("static func run(serverURL: URL, log: RoundTripDeliveryLog) async -> [RoundTripOutcome]") {
                writer.line("let url = serverURL.appendingPathComponent(\(SwiftLiteral.string(String(Self.path.dropFirst()))))")
                writer.line("return await RoundTrip.deliver(deliveries(), to: url, log: log)")
            }
            writer.blank()
            writer.line("/// The webhooks and callbacks, each with its payload and the reply expected.")
            writer.block("static func deliveries() -> [RoundTripDelivery]") {
                writer.line("var all: [RoundTripDelivery] = []")
                for receiver in receivers {
                    write(receiver, to: writer)
                }
                writer.line("return all")
            }
        }
        return writer.text
    }

    private func write(_ receiver: OperationModel, to writer: CodeWriter) {
        let status = receiver.responses.compactMap { $0.isSuccess ? ($0.code ?? 200) : nil }.first ?? 200
        writer.line("all.append(RoundTripDelivery(")
        writer.indent {
            writer.line("\(SwiftLiteral.string(receiver.operationId)), method: \(SwiftLiteral.string(receiver.method)), status: \(status),")
            if let payload = payload(receiver) {
                writer.line("payload: { \(payload.expression) },")
            } else {
                writer.line("payload: { nil },")
            }
            writer.line("reply: \(reply(receiver).map { "{ \($0.expression) }" } ?? "nil")")
        }
        writer.line("))")
    }

    /// The payload's Swift type and the `RoundTripPayload` expression that makes one.
    private func payload(_ receiver: OperationModel) -> (type: String, expression: String)? {
        guard let content = receiver.requestBody.flatMap({ ContentModel.preferred($0.contents) }) else { return nil }
        let mediaType = SwiftLiteral.string(content.mediaType)
        switch content.kind {
        case .text: return ("String", "RoundTripPayload(text: \"s-payload é\", contentType: \(mediaType))")
        case .binary: return ("Data", "RoundTripPayload(bytes: [1, 2, 3], contentType: \(mediaType))")
        default:
            // Spelled as the receiver protocol spells it.
            let type = OperationSignature.bodyType(content)
            let candidates = samples.content(content, type: content.type ?? .json, seed: "payload")
            return (type, "try RoundTripPayload(\(type).self, contentType: \(mediaType), \(candidates.arguments))")
        }
    }

    /// The reply a callback expects back, when its success response has a body: its Swift type
    /// and the `RoundTripAnswer` expression.
    private func reply(_ receiver: OperationModel) -> (type: String, expression: String)? {
        guard let content = receiver.responses.first(where: { $0.isSuccess && !$0.contents.isEmpty })
            .flatMap({ ContentModel.preferred($0.contents) }), content.constant == nil else { return nil }
        switch content.kind {
        case .text: return ("String", "try RoundTripAnswer(text: \"s-reply é\")")
        case .binary: return ("Data", "try RoundTripAnswer(Data.self, sample: \"\\\"AQID\\\"\")")
        default:
            let type = OperationSignature.bodyType(content)
            return (type, "try RoundTripAnswer(\(type).self, \(samples.content(content, type: content.type ?? .json, seed: "reply").arguments))")
        }
    }
}
