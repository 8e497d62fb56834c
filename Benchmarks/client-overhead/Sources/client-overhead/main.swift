import APIRuntime
import Foundation
import Logging
import OpenAPIURLSession

// client-overhead URL ROUNDS CALLS: GET /api/v1/user/ against quay-mock at URL, CALLS times in
// a row, ROUNDS rounds of each way of sending it, interleaved; prints one JSON line with the
// median time per call of each way, in microseconds.

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

let arguments = CommandLine.arguments
guard arguments.count == 4, let server = URL(string: arguments[1]), let rounds = Int(arguments[2]), let calls = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: client-overhead URL ROUNDS CALLS\n".utf8))
    exit(64)
}
let transport = URLSessionTransport()

func request() -> APIRequest {
    var request = APIRequest(.get, operationID: "getLoggedInUser")
    request.path("/api/v1/user/")
    request.headerFields[.authorization] = "Bearer quay-mock-token"
    return request
}

/// The transport alone, the body collected: a loopback round trip and nothing else.
func bare() async throws {
    let (response, body) = try await transport.send(request().httpRequest, body: nil, baseURL: server, operationID: "getLoggedInUser")
    guard response.status == .ok else { throw CancellationError() }
    if let body { _ = try await [UInt8](collecting: body, upTo: 1 << 20) }
}

let minimal = APIClient(serverURL: server, transport: transport,
                        options: ClientOptions(retry: .never, attemptTimeout: nil, deadline: nil))
let defaults = APIClient(serverURL: server, transport: transport)
let logging = APIClient(serverURL: server, transport: transport,
                        options: ClientOptions(logger: Logger(label: "bench") { _ in DroppingHandler() }))

let ways: [(String, () async throws -> Void)] = [
    ("transport", bare),
    ("client_no_retry_no_timeout", { _ = try await minimal.send(request()) }),
    ("client_defaults", { _ = try await defaults.send(request()) }),
    ("client_defaults_debug_log", { _ = try await logging.send(request()) }),
]
var samples: [String: [Double]] = [:]
for (_, send) in ways { for _ in 0..<50 { try await send() } }  // warm up connections and caches
for _ in 0..<rounds {
    for (name, send) in ways {
        let start = ContinuousClock.now
        for _ in 0..<calls { try await send() }
        let elapsed = ContinuousClock.now - start
        let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(calls)
        samples[name, default: []].append(micros)
    }
}
let medians = samples.mapValues { $0.sorted()[$0.count / 2] }
let fields = ways.map { "\"\($0.0)_us\": \(String(format: "%.1f", medians[$0.0]!))" }
print("{" + fields.joined(separator: ", ") + "}")
