import APIRuntime
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIURLSession
import QuayClient
import QuayMock
import QuayServer
import Synchronization
import Testing

/// One operation called once: what the client sends, what the server must receive, and what it
/// answers. `QuayCalls.all` lists one per operation of spec/quay.yaml.
struct Call<Client: Sendable>: Sendable, CustomTestStringConvertible {
    var operationID: String
    var anonymous: Bool
    var scopes: [String]
    /// The handler's input, as JSON (argument names, body with the spec's keys).
    var input: JSONValue
    var status: Int
    /// The body the server answers with, and the client must return; nil for none.
    var answer: JSONValue?
    var run: @Sendable (Client) async throws -> JSONValue?

    var testDescription: String { operationID }
}

/// A server on a free loopback port, for as long as `body` runs. Nil `tokens` checks no credentials.
func withServer<T: Sendable>(_ api: some QuayAPI, tokens: [String: Principal]?, authorizer: (any Authorizer)? = nil,
                             fallback: ServerOptions.Fallback? = nil, maxBodyBytes: Int = 1 << 20, faults: FaultInjector? = nil,
                             _ body: @Sendable (URL) async throws -> T) async throws -> T {
    let port = Mutex<Int?>(nil)
    let settings = QuayMockApplication.Settings(host: "127.0.0.1", port: 0, tokens: tokens, maxBodyBytes: maxBodyBytes, faults: faults)
    let app = try QuayMockApplication.make(api, settings: settings, authorizer: authorizer, fallback: fallback, onRunning: { bound in
        port.withLock { $0 = bound }
    })
    return try await serve(app, port: port, body)
}

/// Tokens for the auth tests: one with every scope, and for each scope one with all the others.
enum TestTokens {
    static let all = "all-scopes"

    static func without(_ scope: String) -> String { "without-\(scope)" }

    /// HTTP Basic credentials of a robot, for the operations that take Basic (the federated
    /// robot token); ``authorizer`` accepts them.
    static let robot = BasicCredentials(username: "acme+builder", password: "federated-jwt")

    /// Bearer tokens from ``table``, and ``robot`` as HTTP Basic.
    static let authorizer: any Authorizer = FirstMatchAuthorizer([
        BearerTokenAuthorizer(tokens: table),
        BasicAuthorizer { credentials in
            credentials.username == robot.username && credentials.password.reveal() == robot.password.reveal()
                ? Principal(name: robot.username, scopes: []) : nil
        },
    ])

    static let table: [String: Principal] = {
        var tokens = [all: Principal(name: "quayadmin", scopes: TokenFile.allScopes)]
        for scope in TokenFile.allScopes {
            tokens[without(scope)] = Principal(name: "quayadmin", scopes: TokenFile.allScopes.subtracting([scope]))
        }
        return tokens
    }()
}

/// A Quay server that implements nothing itself: every operation reaches the fallback, which
/// records what arrived and answers what the call says.
struct RecordingQuay: QuayAPI {}

/// What the recording server received, by operation.
final class Recorder: Sendable {
    private let inputs = Mutex<[String: JSONValue]>([:])

    func record(_ operationID: String, _ input: JSONValue) { inputs.withLock { $0[operationID] = input } }

    func input(_ operationID: String) -> JSONValue? { inputs.withLock { $0[operationID] } }

    /// What the operation received, forgotten as it is read.
    func take(_ operationID: String) -> JSONValue? { inputs.withLock { $0.removeValue(forKey: operationID) } }
}

/// A Hummingbird server on a free loopback port serving what `register` puts on its router
/// (generated stubs of any spec), for as long as `body` runs.
func withRouter<T: Sendable>(_ register: (Router<BasicRequestContext>) throws -> Void,
                             _ body: @Sendable (URL) async throws -> T) async throws -> T {
    let router = Router()
    try register(router)
    let port = Mutex<Int?>(nil)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } })
    return try await serve(app, port: port, body)
}

/// Runs `app` until `body`, given its URL once `port` holds the port it bound, is done.
private func serve<T: Sendable>(_ app: some ApplicationProtocol, port: borrowing Mutex<Int?>,
                                _ body: @Sendable (URL) async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await app.run()
            return nil
        }
        var bound: Int?
        for _ in 0..<500 where bound == nil {
            try await Task.sleep(for: .milliseconds(10))
            bound = port.withLock { $0 }
        }
        guard let bound, let url = URL(string: "http://127.0.0.1:\(bound)") else {
            group.cancelAll()
            throw CancellationError()
        }
        let result = try await body(url)
        group.cancelAll()
        return result
    }
}

/// A value several tasks share, behind a lock.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<T: Sendable>(_ body: (inout Value) -> T) -> T { mutex.withLock { body(&$0) } }

    var value: Value { mutex.withLock { $0 } }
}
