import APIRuntime
import Foundation
import Logging
import OpenAPIAsyncHTTPClient
import OpenAPIURLSession

// client-overhead URL ROUNDS CALLS: GET /api/v1/user/ against quay-mock at URL, CALLS times in a row, ROUNDS rounds of each way of sending it, interleaved, over each transport: URLSession,
// AsyncHTTPClient, and one in memory that answers at once (50 times as many calls), which
// shows the client's own cost without the network's noise. Prints one JSON object: per
// transport, the median time per call of each way, in microseconds. ONLY_WAY=NAME runs one way.
// (A @main type: the same code as top-level statements crashed in a release build, reading a
// stored array as a bad pointer.)

/// A handler that accepts every level and drops every line: the cost of making the lines.
struct DroppingHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {}
}

/// Answers every request at once with quay-mock's answer to GET /api/v1/user/, as recorded.
struct MemoryTransport: ClientTransport {
    let answer: [UInt8]

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(answer))
    }
}

@main
struct ClientOverhead {
    static func request() -> APIRequest {
        var request = APIRequest(.get, operationID: "getLoggedInUser")
        request.path("/api/v1/user/")
        request.headerFields[.authorization] = "Bearer quay-mock-token"
        return request
    }

    /// The four ways of sending the request over one transport.
    static func ways(_ transport: any ClientTransport, server: URL) -> [(String, @Sendable () async throws -> Void)] {
        let minimal = APIClient(serverURL: server, transport: transport, options: ClientOptions(retry: .never, attemptTimeout: nil, deadline: nil))
        let defaults = APIClient(serverURL: server, transport: transport)
        let logging = APIClient(serverURL: server, transport: transport,
                                options: ClientOptions(logger: Logger(label: "bench") { _ in DroppingHandler() }))
        /// The transport alone, the body collected: a round trip and nothing else.
        let bare: @Sendable () async throws -> Void = {
            let (response, body) = try await transport.send(request().httpRequest, body: nil, baseURL: server, operationID: "getLoggedInUser")
            guard response.status == .ok else { throw CancellationError() }
            if let body { _ = try await [UInt8](collecting: body, upTo: 1 << 20) }
        }
        return [
            ("transport", bare),
            ("client_no_retry_no_timeout", { _ = try await minimal.send(request()) }),
            ("client_defaults", { _ = try await defaults.send(request()) }),
            ("client_defaults_debug_log", { _ = try await logging.send(request()) }),
        ]
    }

    /// The median time per call of each way, in microseconds, over `rounds` interleaved rounds.
    static func measure(_ ways: [(String, @Sendable () async throws -> Void)], calls: Int, rounds: Int) async throws -> [(String, Double)] {
        var samples: [String: [Double]] = [:]
        for (_, send) in ways { for _ in 0..<min(calls, 200) { try await send() } }  // warm up connections and caches
        for _ in 0..<rounds {
            for (name, send) in ways {
                let start = ContinuousClock.now
                for _ in 0..<calls { try await send() }
                let elapsed = ContinuousClock.now - start
                let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(calls)
                samples[name, default: []].append(micros)
            }
        }
        return ways.map { ($0.0, samples[$0.0]!.sorted()[rounds / 2]) }
    }

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let server = URL(string: arguments[1]), let rounds = Int(arguments[2]), let calls = Int(arguments[3]) else {
            FileHandle.standardError.write(Data("usage: client-overhead URL ROUNDS CALLS\n".utf8))
            exit(64)
        }

        // The answer the in-memory transport gives: quay-mock's own.
        let (_, answerBody) = try await AsyncHTTPClientTransport().send(request().httpRequest, body: nil, baseURL: server, operationID: "getLoggedInUser")
        let answer = try await [UInt8](collecting: answerBody ?? HTTPBody(), upTo: 1 << 20)

        let only = ProcessInfo.processInfo.environment["ONLY_WAY"]
        var report: [String] = []
        for (name, transport, count) in [("urlsession", URLSessionTransport() as any ClientTransport, calls),
                                         ("asynchttpclient", AsyncHTTPClientTransport(), calls),
                                         ("memory", MemoryTransport(answer: answer), calls * 50)] {
            let medians = try await measure(ways(transport, server: server).filter { only == nil || $0.0 == only }, calls: count, rounds: rounds)
            let fields = medians.map { "\"\($0.0)_us\": \(String(format: "%.2f", $0.1))" }
            report.append("\"\(name)\": {" + fields.joined(separator: ", ") + "}")
        }
        print("{" + report.joined(separator: ", ") + "}")
    }
}
