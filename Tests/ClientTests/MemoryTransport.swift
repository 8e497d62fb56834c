import APIRuntime
import Synchronization

/// A `ClientTransport` in memory: it records every request and answers with a script.
final class MemoryTransport: ClientTransport, Sendable {
    /// One request as it reached the transport.
    struct Sent: Sendable {
        var request: HTTPRequest
        var body: [UInt8]
        var baseURL: URL
        var operationID: String

        var path: String { String(request.path?.split(separator: "?", maxSplits: 1).first ?? "") }
        var query: String? { request.path?.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { request.headerFields[$0] } }
    }

    /// What to answer: a status, headers and a body.
    struct Answer: Sendable {
        var status: HTTPResponse.Status = .ok
        var headers: [String: String] = [:]
        var body: String = ""

        static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Answer {
            Answer(status: status, headers: ["Content-Type": "application/json"], body: text)
        }
    }

    private let state = Mutex<[Sent]>([])
    private let respond: @Sendable (Sent) -> Answer

    init(_ respond: @escaping @Sendable (Sent) -> Answer = { _ in Answer() }) {
        self.respond = respond
    }

    /// Everything sent so far.
    var sent: [Sent] { state.withLock { $0 } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: [UInt8] = []
        if let body { bytes = try await [UInt8](collecting: body, upTo: 1 << 24) }
        let sent = Sent(request: request, body: bytes, baseURL: baseURL, operationID: operationID)
        state.withLock { $0.append(sent) }
        let answer = respond(sent)
        var fields = HTTPFields()
        for (name, value) in answer.headers { if let field = HTTPField.Name(name) { fields[field] = value } }
        return (HTTPResponse(status: answer.status, headerFields: fields), answer.body.isEmpty ? nil : HTTPBody(answer.body))
    }
}

let server = URL(string: "https://quay.example.com")!
