import APIRuntime
import Foundation
import OpenAPIURLSession
import QuayClient
import QuayMock
import QuayServer
import Testing

/// The generated client against the generated server, over real HTTP on loopback, for every
/// one of the spec's operations.
@Suite(.serialized) struct EveryOperationTests {
    @Test func theCallListCoversEveryOperation() {
        #expect(QuayCalls.all.count == 190)
        #expect(Set(QuayCalls.all.map(\.operationID)).count == 190)
        #expect(Set(QuayCalls.all.map(\.operationID)) == Set(QuayAPIOperations.all.map(\.operationID)))
    }

    /// What the handler received equals what the client sent (path values, `namespace/name`
    /// included, query, headers and body, compared through JSON), and what the server answered
    /// comes back decoded.
    @Test func everyOperationArrivesAsSentAndItsAnswerDecodes() async throws {
        let recorder = Recorder()
        let answers = Dictionary(uniqueKeysWithValues: QuayCalls.all.map { ($0.operationID, $0) })
        let fallback: ServerOptions.Fallback = { operationID, input in
            recorder.record(operationID, input)
            guard let call = answers[operationID] else { throw HTTPProblem.notImplemented(operationID) }
            return (call.status, call.answer)
        }
        try await withServer(RecordingQuay(), tokens: TestTokens.table, authorizer: TestTokens.authorizer, fallback: fallback) { url in
            let quay = Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.all, basic: TestTokens.robot)
            for call in QuayCalls.all {
                do {
                    let returned = try await call.run(quay)
                    #expect(recorder.input(call.operationID) == call.input,
                            "\(call.operationID): the server received \(recorder.input(call.operationID)?.description ?? "nothing"), the client sent \(call.input)")
                    #expect(returned == call.answer, "\(call.operationID): returned \(returned?.description ?? "nothing")")
                } catch {
                    Issue.record("\(call.operationID) failed: \(error)")
                }
            }
        }
    }

    /// No token: 401, except for anonymous operations, which succeed. A token without the
    /// operation's scope: 403.
    @Test func everyOperationChecksCredentialsAndScopes() async throws {
        let answers = Dictionary(uniqueKeysWithValues: QuayCalls.all.map { ($0.operationID, $0) })
        let fallback: ServerOptions.Fallback = { operationID, _ in
            guard let call = answers[operationID] else { throw HTTPProblem.notImplemented(operationID) }
            return (call.status, call.answer)
        }
        try await withServer(RecordingQuay(), tokens: TestTokens.table, authorizer: TestTokens.authorizer, fallback: fallback) { url in
            let anonymous = Quay(serverURL: url, transport: URLSessionTransport())
            for call in QuayCalls.all {
                if call.anonymous {
                    await #expect(throws: Never.self, "\(call.operationID) is anonymous") { _ = try await call.run(anonymous) }
                    continue
                }
                let missing = await status { _ = try await call.run(anonymous) }
                #expect(missing == 401, "\(call.operationID) without a token answered \(missing.map(String.init) ?? "success")")
                for scope in call.scopes {
                    let limited = Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.without(scope))
                    let forbidden = await status { _ = try await call.run(limited) }
                    #expect(forbidden == 403, "\(call.operationID) without \(scope) answered \(forbidden.map(String.init) ?? "success")")
                }
            }
        }
    }

    /// The status of the `ResponseError` a call throws, or nil when it succeeds.
    private func status(_ body: () async throws -> Void) async -> Int? {
        do {
            try await body()
            return nil
        } catch let error as ResponseError {
            if error.status.code == 401 || error.status.code == 403 {
                #expect(error.apiError?.title != nil, "the \(error.status.code) has an ApiError body")
            }
            return error.status.code
        } catch {
            Issue.record("\(error)")
            return -1
        }
    }
}
