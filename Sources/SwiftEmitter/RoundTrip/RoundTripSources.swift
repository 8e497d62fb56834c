/// The parts of a round trip that are the same for every spec: the runner, the recorders, the
/// comparison, the loopback host. Written as source text; only names and imports vary.
enum RoundTripSources {
    static func main(header: String, title: String) -> String {
        #"""
        \#(header)
        //
        // Serves the generated server stubs on a loopback port, calls every operation with the
        // generated client, delivers every webhook and callback, and reports where the two sides
        // disagree. `--json FILE` also writes every outcome as JSON. Exit status 0 when
        // everything agrees, 1 otherwise.

        import Foundation

        let report = RoundTripReport(title: \#(SwiftLiteral.string(title)), outcomes: try await RoundTripMain.outcomes())
        print(report.text, terminator: "")
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: "--json"), flag + 1 < arguments.count {
            try report.json().write(to: URL(fileURLWithPath: arguments[flag + 1]))
        }
        exit(report.passed ? 0 : 1)

        """#
    }

    /// The runner: the stubs and the receiver on one loopback server, then every call and delivery.
    static func runner(header: String, receives: Bool) -> String {
        let serve = receives
            ? [
                "let deliveries = RoundTripDeliveryLog()",
                "try RoundTripReceiverSide.register(on: router, log: deliveries)",
                "return try await RoundTripHost.serve(router) { url in",
                "    let calls = await RoundTripClientSide.run(serverURL: url, inbox: inbox)",
                "    return calls + (await RoundTripReceiverSide.run(serverURL: url, log: deliveries))",
                "}",
            ]
            : [
                "return try await RoundTripHost.serve(router) { url in",
                "    await RoundTripClientSide.run(serverURL: url, inbox: inbox)",
                "}",
            ]
        let setUp = serve.map { "        " + $0 }.joined(separator: "\n")
        return #"""
            \#(header)

            import Hummingbird
            import OpenAPIHummingbird

            /// Every exchange, in order: the client's calls, then the API's deliveries.
            enum RoundTripMain {
                static func outcomes() async throws -> [RoundTripOutcome] {
                    let inbox = RoundTripInbox()
                    let router = Router()
                    try RoundTripServerSide.register(on: router, inbox: inbox)
            \#(setUp)
                }
            }

            """#
    }

    static func stubs(header: String, module: String, protocolName: String) -> String {
        #"""
        \#(header)

        import APIRuntime
        import Foundation
        import \#(module)

        /// The generated server stubs, nothing implemented: every operation reaches the fallback.
        struct RoundTripStubs: \#(protocolName) {}

        /// The server's side: the stubs, answering what the inbox says and recording what arrived.
        enum RoundTripServerSide {
            static func register(on transport: any ServerTransport, inbox: RoundTripInbox) throws {
                let options = ServerOptions(maxBodyBytes: 1 << 26, fallback: { operationID, input in
                    try inbox.answer(operationID, input)
                })
                try RoundTripStubs().registerHandlers(on: transport, serverURL: URL(string: "/")!, options: options)
            }
        }

        """#
    }

    static func host(header: String) -> String {
        #"""
        \#(header)

        import Foundation
        import Hummingbird
        import Logging
        import OpenAPIHummingbird

        /// A Hummingbird server on a free loopback port, for as long as `body` runs.
        enum RoundTripHost {
            static func serve<T: Sendable>(_ router: Router<BasicRequestContext>, _ body: @escaping @Sendable (URL) async throws -> T) async throws -> T {
                let port = RoundTripBox<Int?>(nil)
                var logger = Logger(label: "round-trip")
                logger.logLevel = .critical
                let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { channel in port.set(channel.localAddress?.port) }, logger: logger)
                return try await withThrowingTaskGroup(of: T?.self) { group in
                    group.addTask {
                        try await app.run()
                        return nil
                    }
                    var bound: Int?
                    for _ in 0..<1000 where bound == nil {
                        try await Task.sleep(for: .milliseconds(10))
                        bound = port.get()
                    }
                    guard let bound, let url = URL(string: "http://127.0.0.1:\(bound)") else {
                        group.cancelAll()
                        throw RoundTripFailure("the server did not start")
                    }
                    let result = try await body(url)
                    group.cancelAll()
                    return result
                }
            }
        }

        """#
    }

    static func harness(header: String) -> String {
        #"""
        \#(header)

        import APIRuntime
        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif

        /// A problem of the round trip itself: a value no candidate makes, a server that never started.
        struct RoundTripFailure: Error, CustomStringConvertible {
            let description: String

            init(_ description: String) { self.description = description }
        }

        /// A value several tasks share, behind a lock.
        final class RoundTripBox<Value: Sendable>: @unchecked Sendable {
            private let lock = NSLock()
            private var value: Value

            init(_ value: Value) { self.value = value }

            func get() -> Value { lock.withLock { value } }

            func set(_ newValue: Value) { lock.withLock { value = newValue } }

            @discardableResult
            func update<T>(_ body: (inout Value) throws -> T) rethrows -> T { try lock.withLock { try body(&value) } }
        }

        /// The JSON candidates for one value: the spec's examples, then a sample made from its type.
        struct RoundTripCandidates: Sendable {
            var examples: [String]
            var sample: String

            /// The first candidate that decodes as `T` the way a server decodes (unknown enum values
            /// refused), and whether it is one of the spec's examples.
            func decode<T: Decodable>(as type: T.Type) throws -> (value: T, fromExample: Bool) {
                var problems: [String] = []
                for (index, text) in (examples + [sample]).enumerated() {
                    do {
                        return (try StrictDecoding.decode(T.self, from: Array(text.utf8)), index < examples.count)
                    } catch let error as DecodingError {
                        problems.append(StrictDecoding.describe(error))
                    } catch {
                        problems.append("\(error)")
                    }
                }
                throw RoundTripFailure("no candidate decodes as \(T.self): " + problems.joined(separator: "; "))
            }
        }

        /// What one call sends, by argument label, and what it returns: filled as the generated call
        /// builds its arguments.
        final class RoundTripValues: Sendable {
            private let sentValues = RoundTripBox<[String: JSONValue]>([:])
            private let returnedValue = RoundTripBox<JSONValue?>(nil)
            private let counts = RoundTripBox<(examples: Int, samples: Int)>((0, 0))
            private let textLabels = RoundTripBox<Set<String>>([])

            /// The argument `label`: the first candidate that decodes as the type the call takes.
            /// `asText` for a value that travels as text (a parameter, a form body), where an
            /// empty object or list says nothing on the wire: compared as absent.
            func value<T: Codable>(_ label: String, examples: [String] = [], sample: String, asText: Bool = false) throws -> T {
                let (value, fromExample) = try RoundTripCandidates(examples: examples, sample: sample).decode(as: T.self)
                let json = try JSONValue(encoding: value)
                sentValues.update { $0[label] = json }
                if asText { textLabels.update { $0.insert(label) } }
                counts.update { counts in
                    if fromExample { counts.examples += 1 } else { counts.samples += 1 }
                }
                return value
            }

            /// A binary body, which the client sends from a stream: the bytes of the first candidate
            /// that decodes as `Data`, recorded as `Data` is (what the server's handler gets).
            func stream(_ label: String, examples: [String] = [], sample: String) throws -> HTTPBody {
                HTTPBody(try value(label, examples: examples, sample: sample) as Data)
            }

            /// Records what the call returned.
            func result<T: Encodable>(_ value: T) throws {
                returnedValue.set(try JSONValue(encoding: value))
            }

            var sent: JSONValue { .object(sentValues.get()) }

            /// What a server's input is compared with `sent` as: values that travel as text as
            /// the text says them (``JSONDifference/asText(_:)``).
            func comparable(_ input: JSONValue) -> JSONValue {
                guard case .object(var members) = input else { return input }
                for label in textLabels.get() { members[label] = members[label].map(JSONDifference.asText) }
                return .object(members)
            }
            var returned: JSONValue? { returnedValue.get() }
            var fromExamples: Int { counts.get().examples }
            var fromSamples: Int { counts.get().samples }
        }

        /// What the server answers, and what the client must make of it.
        struct RoundTripAnswer: Sendable {
            /// The body the server sends.
            let body: JSONValue
            /// What the client returns, as JSON; nil when it returns nothing to compare.
            let expected: JSONValue?
            let fromExample: Bool

            /// A body of type `T`, from the first candidate that decodes as one.
            init<T: Codable>(_ type: T.Type, examples: [String] = [], sample: String) throws {
                let (value, fromExample) = try RoundTripCandidates(examples: examples, sample: sample).decode(as: T.self)
                body = try JSONValue(encoding: value)
                expected = body
                self.fromExample = fromExample
            }

            /// A body the spec fixes: sent, and the client returns nothing.
            init(constant text: String) throws {
                body = try JSONValue(parsing: Array(text.utf8))
                expected = nil
                fromExample = false
            }

            /// A text reply.
            init(text: String) throws {
                body = .string(text)
                expected = body
                fromExample = false
            }
        }

        /// One operation's round trip: its call and the answer the server gives.
        struct RoundTripExchange<Client: Sendable>: Sendable {
            let operationID: String
            let status: Int
            /// The operation whose method and path this one shares, which receives its requests.
            let routedTo: String?
            let answer: @Sendable () throws -> RoundTripAnswer?
            let call: @Sendable (Client, RoundTripValues) async throws -> Void

            init(_ operationID: String, status: Int, routedTo: String? = nil,
                 answer: @escaping @Sendable () throws -> RoundTripAnswer?,
                 call: @escaping @Sendable (Client, RoundTripValues) async throws -> Void) {
                self.operationID = operationID
                self.status = status
                self.routedTo = routedTo
                self.answer = answer
                self.call = call
            }
        }

        /// What the stubs' fallback answers, by operation, and what reached it.
        final class RoundTripInbox: Sendable {
            private let answers = RoundTripBox<[String: (status: Int, body: JSONValue?)]>([:])
            private let inputs = RoundTripBox<[String: JSONValue]>([:])

            func expect(_ operationID: String, status: Int, body: JSONValue?) {
                answers.update { $0[operationID] = (status, body) }
            }

            /// The fallback: records the input, answers as told.
            func answer(_ operationID: String, _ input: JSONValue) throws -> (status: Int, body: JSONValue?) {
                inputs.update { $0[operationID] = input }
                guard let answer = answers.get()[operationID] else { throw HTTPProblem.notImplemented(operationID) }
                return answer
            }

            /// What reached the operation, forgotten as it is read.
            func take(_ operationID: String) -> JSONValue? {
                inputs.update { $0.removeValue(forKey: operationID) }
            }

            /// Forgets the operation's answer: a later request for it is not answered from an old one.
            func forget(_ operationID: String) {
                answers.update { $0[operationID] = nil }
            }
        }

        /// A webhook's or callback's payload as the API sends it.
        struct RoundTripPayload: Sendable {
            let bytes: Data
            let contentType: String
            /// What the receiver must get, as JSON.
            let expected: JSONValue
            let fromExample: Bool

            /// A JSON payload of type `T`, from the first candidate that decodes as one.
            init<T: Codable>(_ type: T.Type, contentType: String, examples: [String] = [], sample: String) throws {
                let (value, fromExample) = try RoundTripCandidates(examples: examples, sample: sample).decode(as: T.self)
                bytes = try JSONCoding.encoder().encode(value)
                expected = try JSONValue(encoding: value)
                self.contentType = contentType
                self.fromExample = fromExample
            }

            init(text: String, contentType: String) {
                bytes = Data(text.utf8)
                expected = .string(text)
                self.contentType = contentType
                fromExample = false
            }

            init(bytes: [UInt8], contentType: String) {
                self.bytes = Data(bytes)
                expected = .string(Data(bytes).base64EncodedString())
                self.contentType = contentType
                fromExample = false
            }
        }

        /// One webhook or callback: its payload, and the reply the API expects back.
        struct RoundTripDelivery: Sendable {
            let name: String
            let method: String
            let status: Int
            let payload: @Sendable () throws -> RoundTripPayload?
            let reply: (@Sendable () throws -> RoundTripAnswer)?

            init(_ name: String, method: String, status: Int, payload: @escaping @Sendable () throws -> RoundTripPayload?,
                 reply: (@Sendable () throws -> RoundTripAnswer)?) {
                self.name = name
                self.method = method
                self.status = status
                self.payload = payload
                self.reply = reply
            }
        }

        /// What the receiver got, and the replies it gives.
        final class RoundTripDeliveryLog: Sendable {
            private let got = RoundTripBox<[(name: String, payload: JSONValue)]>([])
            private let replies = RoundTripBox<[String: JSONValue]>([:])

            func received<T: Encodable>(_ name: String, _ payload: T?) throws {
                let json = try payload.map { try JSONValue(encoding: $0) } ?? .null
                got.update { $0.append((name, json)) }
            }

            func expectReply(_ name: String, _ body: JSONValue) { replies.update { $0[name] = body } }

            /// The reply of `name`, decoded as the receiver's method returns it.
            func reply<T: Decodable>(_ name: String) throws -> T {
                guard let body = replies.get()[name] else { throw RoundTripFailure("no reply for \(name)") }
                return try body.decode(as: T.self)
            }

            /// What arrived since the last call.
            func take() -> [(name: String, payload: JSONValue)] {
                got.update { log in
                    defer { log.removeAll() }
                    return log
                }
            }
        }

        /// How one operation or delivery went.
        struct RoundTripOutcome: Sendable, Codable {
            enum Verdict: String, Sendable, Codable {
                /// Both sides saw the same values.
                case agree
                /// A value changed on the way.
                case differ
                /// The call or the delivery failed.
                case failed
                /// Not compared: the operation shares its method and path with another, which
                /// the server stubs hand its requests to (the spec documents a form of that request).
                case skipped
            }

            let name: String
            let verdict: Verdict
            let detail: String?
            /// Whether the answer (the reply) was compared too.
            let answerCompared: Bool
            let fromExamples: Int
            let fromSamples: Int
        }

        /// Runs round trips and compares what they carried.
        enum RoundTrip {
            static func run<Client: Sendable>(_ exchanges: [RoundTripExchange<Client>], client: Client,
                                              inbox: RoundTripInbox) async -> [RoundTripOutcome] {
                var outcomes: [RoundTripOutcome] = []
                for exchange in exchanges {
                    outcomes.append(await run(exchange, client: client, inbox: inbox))
                }
                return outcomes
            }

            private static func run<Client: Sendable>(_ exchange: RoundTripExchange<Client>, client: Client,
                                                      inbox: RoundTripInbox) async -> RoundTripOutcome {
                let values = RoundTripValues()
                func outcome(_ verdict: RoundTripOutcome.Verdict, _ detail: String? = nil, compared: Bool = false) -> RoundTripOutcome {
                    RoundTripOutcome(name: exchange.operationID, verdict: verdict, detail: detail, answerCompared: compared,
                                     fromExamples: values.fromExamples, fromSamples: values.fromSamples)
                }
                let answer: RoundTripAnswer?
                do {
                    answer = try exchange.answer()
                } catch {
                    return outcome(.failed, "its answer: \(error)")
                }
                if let other = exchange.routedTo {
                    return await rerouted(exchange, to: other, answer: answer, client: client, values: values, inbox: inbox, outcome)
                }
                inbox.expect(exchange.operationID, status: exchange.status, body: answer?.body)
                defer { inbox.forget(exchange.operationID) }
                do {
                    try await exchange.call(client, values)
                } catch {
                    _ = inbox.take(exchange.operationID)
                    return outcome(.failed, "the call: \(error)")
                }
                guard let received = inbox.take(exchange.operationID) else {
                    return outcome(.failed, "the call never reached the server stubs")
                }
                if let difference = JSONDifference.first(values.comparable(values.sent), values.comparable(received)) {
                    return outcome(.differ, "the server received \(difference)")
                }
                guard let expected = answer?.expected else { return outcome(.agree) }
                if let difference = JSONDifference.first(expected, values.returned ?? .null) {
                    return outcome(.differ, "the client returned \(difference)", compared: true)
                }
                return outcome(.agree, compared: true)
            }

            /// An operation whose route is another's: its request must reach that one's stub (which
            /// may refuse it, its input being another), and nothing is compared.
            private static func rerouted<Client: Sendable>(
                _ exchange: RoundTripExchange<Client>, to other: String, answer: RoundTripAnswer?, client: Client,
                values: RoundTripValues, inbox: RoundTripInbox,
                _ outcome: (RoundTripOutcome.Verdict, String?, Bool) -> RoundTripOutcome
            ) async -> RoundTripOutcome {
                inbox.expect(other, status: exchange.status, body: answer?.body)
                defer { inbox.forget(other) }
                var refusal = ""
                do {
                    try await exchange.call(client, values)
                } catch let error as ResponseError where error.status.code != 404 && error.status.code != 405 {
                    refusal = ", which answered \(error.status.code)"
                } catch {
                    return outcome(.failed, "its route is \(other)'s, but the call failed: \(error)", false)
                }
                guard inbox.take(other) != nil || !refusal.isEmpty else {
                    return outcome(.failed, "its route is \(other)'s, but the request never reached \(other)", false)
                }
                return outcome(.skipped, "its method and path are \(other)'s: the request reached \(other)\(refusal)", false)
            }

            static func deliver(_ deliveries: [RoundTripDelivery], to url: URL, log: RoundTripDeliveryLog) async -> [RoundTripOutcome] {
                var outcomes: [RoundTripOutcome] = []
                for delivery in deliveries {
                    outcomes.append(await deliver(delivery, to: url, log: log))
                }
                return outcomes
            }

            private static func deliver(_ delivery: RoundTripDelivery, to url: URL, log: RoundTripDeliveryLog) async -> RoundTripOutcome {
                var fromExamples = 0
                func outcome(_ verdict: RoundTripOutcome.Verdict, _ detail: String? = nil, compared: Bool = false) -> RoundTripOutcome {
                    RoundTripOutcome(name: "webhook " + delivery.name, verdict: verdict, detail: detail, answerCompared: compared,
                                     fromExamples: fromExamples, fromSamples: 1 - fromExamples)
                }
                let payload: RoundTripPayload?
                let reply: RoundTripAnswer?
                do {
                    payload = try delivery.payload()
                    reply = try delivery.reply?()
                } catch {
                    return outcome(.failed, "its payload: \(error)")
                }
                fromExamples = payload?.fromExample == true ? 1 : 0
                if let reply { log.expectReply(delivery.name, reply.body) }
                var request = URLRequest(url: url)
                request.httpMethod = delivery.method
                if let payload {
                    request.setValue(payload.contentType, forHTTPHeaderField: "Content-Type")
                    request.httpBody = payload.bytes
                }
                let data: Data
                let status: Int
                do {
                    let (body, response) = try await URLSession.shared.data(for: request)
                    data = body
                    status = (response as? HTTPURLResponse)?.statusCode ?? 0
                } catch {
                    return outcome(.failed, "the delivery: \(error)")
                }
                let arrived = log.take()
                guard status == delivery.status else {
                    return outcome(.failed, "the receiver answered \(status), not \(delivery.status): \(String(decoding: data, as: UTF8.self))")
                }
                guard let first = arrived.first else { return outcome(.failed, "the delivery reached no method") }
                guard first.name == delivery.name else { return outcome(.differ, "the delivery reached \(first.name)") }
                if let difference = JSONDifference.first(payload?.expected ?? .null, first.payload) {
                    return outcome(.differ, "the receiver got \(difference)")
                }
                guard let expected = reply?.expected else { return outcome(.agree) }
                let answered: JSONValue = (try? JSONValue(parsing: Array(data))) ?? .string(String(decoding: data, as: UTF8.self))
                if let difference = JSONDifference.first(expected, answered) {
                    return outcome(.differ, "the sender got back \(difference)", compared: true)
                }
                return outcome(.agree, compared: true)
            }
        }

        /// Where two JSON values first differ, for a report line.
        enum JSONDifference {
            /// The value as a form or a query can say it: empty objects and lists left out (no
            /// field says they are there), and a list of one the same as its item (`tag=a` is both).
            static func asText(_ value: JSONValue) -> JSONValue {
                switch value {
                case .object(let members):
                    let kept = members.mapValues(asText).filter { $0.value != .null }
                    return kept.isEmpty ? .null : .object(kept)
                case .array(let items):
                    let kept = items.map(asText).filter { $0 != .null }
                    return kept.isEmpty ? .null : kept.count == 1 ? kept[0] : .array(kept)
                default:
                    return value
                }
            }

            /// Nil when they are equal (integers and doubles of the same value are); else
            /// `at body.card.exp_month: sent 12, got "12"`.
            static func first(_ sent: JSONValue, _ got: JSONValue, at path: String = "") -> String? {
                switch (sent, got) {
                case (.object(let left), .object(let right)):
                    for key in Set(left.keys).union(right.keys).sorted() {
                        let place = path.isEmpty ? key : path + "." + key
                        if let difference = first(left[key] ?? .null, right[key] ?? .null, at: place) { return difference }
                    }
                    return nil
                case (.array(let left), .array(let right)) where left.count == right.count:
                    for (index, pair) in zip(left, right).enumerated() {
                        if let difference = first(pair.0, pair.1, at: path + "[\(index)]") { return difference }
                    }
                    return nil
                default:
                    if sent == got { return nil }
                    if let left = sent.doubleValue, let right = got.doubleValue, left == right { return nil }
                    return "\(path.isEmpty ? "" : "at \(path): ")sent \(sent), got \(got)"
                }
            }
        }

        /// The outcomes, as lines and as JSON.
        struct RoundTripReport {
            let title: String
            let outcomes: [RoundTripOutcome]

            /// Whether nothing differs and nothing failed.
            var passed: Bool { outcomes.allSatisfy { $0.verdict == .agree || $0.verdict == .skipped } }

            /// A line per disagreement, failure and skip, then the totals.
            var text: String {
                var lines = outcomes.filter { $0.verdict != .agree }.map { "\($0.verdict.rawValue): \($0.name): \($0.detail ?? "")" }
                let count = { (verdict: RoundTripOutcome.Verdict) in self.outcomes.filter { $0.verdict == verdict }.count }
                let compared = outcomes.filter(\.answerCompared).count
                let examples = outcomes.reduce(0) { $0 + $1.fromExamples }
                let samples = outcomes.reduce(0) { $0 + $1.fromSamples }
                lines.append("\(title) round trip: \(outcomes.count) exchanges, \(count(.agree)) agree, \(count(.differ)) differ, "
                             + "\(count(.failed)) failed, \(count(.skipped)) skipped (another operation's route); answers "
                             + "compared in \(compared); values taken whole from the spec's examples: \(examples), made from "
                             + "the types (with the spec's property examples): \(samples)")
                return lines.joined(separator: "\n") + "\n"
            }

            func json() throws -> Data {
                try JSONCoding.encoder(sortedKeys: true).encode(outcomes)
            }
        }

        """#
    }
}
