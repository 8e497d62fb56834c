import APIRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import QuayClient
import QuayMock
import Synchronization
import Testing

/// The real-Quay recordings (`Tests/QuayRecordings`) replayed through the generated client and
/// the generated server stubs: the client must send what was recorded and decode what came
/// back, losing nothing; the stubs must read every recorded request into its typed input.
@Suite(.serialized) struct WireTests {
    static let exchanges: [RecordedExchange] = (try? RecordedExchange.all()) ?? []

    /// Exchanges whose request the spec no longer describes: the call Quay refused because the
    /// spec was wrong, kept as the evidence for the fix. The client cannot make them any more.
    /// `refused`: whether the stubs refuse it too, as Quay did.
    static let superseded: [String: (reason: String, refused: Bool)] = [
        "036-createOrgRobotFederation.json": ("sent without the JSON body the operation now requires; Quay answered 415", true),
        // Hummingbird's router matches a path with or without its trailing slash, so the stubs
        // read it as the listing where Quay redirected it: a difference of the router, not of
        // the stubs (routing is the server's, as DESIGN.md says).
        "166-listAllOrganizations.json": ("sent without the trailing slash of Quay's route; Quay redirected it (308)", false),
    ]

    @Test func everyRecordingIsRead() {
        #expect(Self.exchanges.count == 232)
        #expect(Set(Self.exchanges.map(\.operationId)).count == 190)
    }

    @Test func theClientSendsTheRecordedRequestAndDecodesTheRecordedResponse() async throws {
        for exchange in Self.exchanges where Self.superseded[exchange.file] == nil {
            let transport = ReplayTransport(exchange.response)
            let quay = Quay(serverURL: URL(string: "http://quay.test")!, transport: transport)
            var result: WireResult?
            do {
                result = try await WireCalls.call(exchange.operationId, on: quay, with: exchange.request)
                if result == nil { Issue.record("\(exchange.file): the client has no operation \(exchange.operationId)") }
            } catch is ReplayTransport.Dropped {
                // Quay dropped the connection; only the request is compared.
            } catch where transport.sent == nil && (400..<500).contains(exchange.response.status) {
                // The typed client cannot build a request Quay refused as malformed (a body
                // missing a field the spec requires): both refuse it.
                continue
            } catch {
                Issue.record("\(exchange.file): the call failed: \(error)")
                continue
            }
            guard let sent = transport.sent else {
                Issue.record("\(exchange.file): nothing was sent")
                continue
            }
            for problem in Self.differences(sent, exchange.request) { Issue.record("\(exchange.file): \(problem)") }
            guard let result else { continue }
            for problem in Self.problems(result, exchange.response) { Issue.record("\(exchange.file): \(problem)") }
        }
    }

    @Test func theServerStubsReadEveryRecordedRequest() async throws {
        let recorder = Recorder()
        let answers = Mutex<RecordedResponse?>(nil)
        let fallback: ServerOptions.Fallback = { operationID, input in
            recorder.record(operationID, input)
            guard let response = answers.withLock({ $0 }), response.status != 0 else { return (502, nil) }
            return (response.status, response.isWholeJSON ? response.body : nil)
        }
        try await withServer(RecordingQuay(), tokens: nil, fallback: fallback) { url in
            for exchange in Self.exchanges {
                answers.withLock { $0 = exchange.response }
                let (status, detail) = try await Self.replay(exchange.request, to: url)
                let reached = recorder.take(exchange.operationId) != nil
                let recorded = exchange.response.status
                if let (reason, refused) = Self.superseded[exchange.file] {
                    #expect(refused ? !reached && (400..<500).contains(status) : reached,
                            "\(exchange.file) (\(reason)): the stubs answered \(status) \(detail)")
                } else if reached {
                    #expect(recorded == 0 || status == recorded, "\(exchange.file): answered \(status), Quay \(recorded)")
                } else {
                    // Refused before the handler: only what Quay refused too.
                    #expect((400..<500).contains(recorded) && status == recorded,
                            "\(exchange.file): the stubs refused it with \(status) \(detail); Quay answered \(recorded)")
                }
            }
        }
    }

    // MARK: Comparing

    /// How what the client sent differs from the recorded request.
    static func differences(_ sent: ReplayTransport.Sent, _ recorded: RecordedRequest) -> [String] {
        var problems: [String] = []
        if sent.method != recorded.method { problems.append("sent \(sent.method), recorded \(recorded.method)") }
        let path = sent.path.removingPercentEncoding ?? sent.path
        let recordedPath = recorded.path.removingPercentEncoding ?? recorded.path
        if path != recordedPath { problems.append("sent to \(path), recorded \(recordedPath)") }
        // Each name's values in order; the order between names is the client's (spec order).
        let sentQuery = Dictionary(grouping: sent.query, by: \.name).mapValues { $0.map(\.value) }
        let recordedQuery = Dictionary(grouping: recorded.query, by: \.name).mapValues { $0.map(\.value) }
        if sentQuery != recordedQuery { problems.append("sent the query \(sent.query), recorded \(recorded.query)") }
        let body = sent.body.isEmpty ? nil : try? JSONValue(parsing: sent.body)
        if body?.normalized != recorded.json?.normalized {
            problems.append("sent the body \(body?.description ?? "none"), recorded \(recorded.json?.description ?? "none")")
        }
        return problems
    }

    /// What is wrong with how the client read the recorded response.
    static func problems(_ result: WireResult, _ response: RecordedResponse) -> [String] {
        if result.status != response.status { return ["the client saw \(result.status), recorded \(response.status)"] }
        guard (200..<300).contains(response.status) else {
            let isJSON = response.headers["Content-Type"]?.hasPrefix("application/json") == true
            return isJSON && !result.errorDecoded ? ["the \(response.status) body is not an ApiError"] : []
        }
        // JSON cut mid-text (discovery's 255 KB document) cannot decode; nothing to compare.
        if response.isCutText { return [] }
        if let failure = result.decodingFailure { return ["the \(response.status) body did not decode: \(failure)"] }
        guard let reencoded = result.reencoded, let body = response.body else { return [] }
        return reencoded.normalized.firstDifference(from: body.normalized).map { ["decoded and encoded again, \($0)"] } ?? []
    }

    // MARK: Replaying to the server

    /// Sends a recorded request to the server: its method, path, query, content type and body.
    static func replay(_ request: RecordedRequest, to server: URL) async throws -> (Int, String) {
        var components = URLComponents(string: server.absoluteString + request.path)!
        if !request.query.isEmpty {
            components.percentEncodedQuery = request.query.map {
                PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value)
            }.joined(separator: "&")
        }
        var urlRequest = URLRequest(url: components.url!)
        urlRequest.httpMethod = request.method
        if let contentType = request.contentType { urlRequest.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let body = request.json { urlRequest.httpBody = try JSONCoding.encoder().encode(body) }
        let (data, response) = try await URLSession.shared.data(for: urlRequest)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data.prefix(300), as: UTF8.self))
    }
}

/// A transport that keeps the request and answers with a recorded response; for a recording
/// where Quay dropped the connection, it throws.
final class ReplayTransport: ClientTransport, Sendable {
    struct Sent: Sendable {
        var method: String
        /// The percent-encoded path, without the query.
        var path: String
        /// The query's pairs, decoded, in order.
        var query: [RecordedRequest.Pair]
        var body: [UInt8]
    }

    struct Dropped: Error {}

    private let response: RecordedResponse
    private let state = Mutex<Sent?>(nil)

    init(_ response: RecordedResponse) { self.response = response }

    var sent: Sent? { state.withLock { $0 } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: [UInt8] = []
        if let body { bytes = try await [UInt8](collecting: body, upTo: 1 << 24) }
        let target = request.path ?? ""
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = parts.count > 1 ? parts[1].split(separator: "&").map { pair -> RecordedRequest.Pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            return RecordedRequest.Pair(name: halves[0], value: halves.count > 1 ? halves[1] : "")
        } : []
        state.withLock { $0 = Sent(method: request.method.rawValue, path: String(parts[0]), query: query, body: bytes) }
        guard response.status != 0 else { throw Dropped() }
        var fields = HTTPFields()
        for (name, value) in response.headers { if let field = HTTPField.Name(name) { fields[field] = value } }
        let bytesOut = response.bytes
        return (HTTPResponse(status: .init(code: response.status), headerFields: fields), bytesOut.isEmpty ? nil : HTTPBody(bytesOut))
    }
}
