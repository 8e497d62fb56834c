import APIRuntime
import Foundation
import Logging
import OpenAPIURLSession
import QuayClient
import QuayMock
import Synchronization
import Testing

/// The client's retries, time limits, request ids and logging, over real HTTP against
/// quay-mock injecting faults (`FaultPlan`). Calls go one at a time, so the seeded faults are the
/// same on every run.
@Suite(.serialized) struct ProductionClientTests {
    /// Short waits, so the tests run in seconds.
    static func quickRetries(_ retries: Int) -> RetryPolicy {
        RetryPolicy(maxRetries: retries, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(8))
    }

    /// quay-mock following `plan`, and a Quay client with `options`, for as long as `body` runs.
    func withFaultyMock<T: Sendable>(_ plan: FaultPlan, options: ClientOptions,
                                     _ body: @escaping @Sendable (Quay, FaultInjector) async throws -> T) async throws -> T {
        let injector = FaultInjector(plan: plan)
        let store = QuayStore(superuser: "quayadmin", pageSize: 50)
        return try await withServer(QuayMockServer(store: store, defaultUser: "quayadmin"), tokens: TestTokens.table,
                                    faults: injector) { url in
            let quay = Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.all, options: options)
            return try await body(quay, injector)
        }
    }

    static let faults: [(fault: FaultPlan.Fault, chance: Double)] = [(.status(429), 0.2), (.status(503), 0.1), (.reset, 0.05)]

    @Test func aThousandIdempotentCallsSurviveFaults() async throws {
        let plan = FaultPlan(faults: Self.faults, latency: .zero ... .milliseconds(2), seed: 7)
        try await withFaultyMock(plan, options: ClientOptions(retry: Self.quickRetries(12))) { quay, injector in
            for _ in 0..<1000 {
                let user = try await quay.user.getLoggedInUser()
                #expect(user.username == "quayadmin")
            }
            let struck = injector.faultCounts
            // About 35% of the attempts were faulted, every kind of fault among them.
            let tooMany: Int = struck["429"] ?? 0
            let unavailable: Int = struck["503"] ?? 0
            let resets: Int = struck["reset"] ?? 0
            #expect(tooMany > 100, "\(struck)")
            #expect(unavailable > 50, "\(struck)")
            #expect(resets > 20, "\(struck)")
            let arrived: Int = injector.arrivalCounts.values.reduce(0, +)
            let faulted: Int = struck.values.reduce(0, +)
            #expect(arrived == 1000 + faulted)
        }
    }

    @Test func writesAreNeverSentTwice() async throws {
        let plan = FaultPlan(faults: Self.faults, seed: 11)
        try await withFaultyMock(plan, options: ClientOptions(retry: Self.quickRetries(12))) { quay, injector in
            var refused = 0
            for index in 0..<200 {
                do {
                    try await quay.repository.createRepo(body: NewRepository(repository: "repo-\(index)", visibility: .private,
                                                                             namespace: "quayadmin", description: "number \(index)"))
                } catch {
                    refused += 1
                }
            }
            // The faults reached the caller (a POST is not retried), and no POST arrived twice.
            #expect(refused == injector.faultCounts.values.reduce(0, +))
            #expect(refused > 40)
            #expect(injector.repeatedWrites.isEmpty, "\(injector.repeatedWrites)")
        }
    }

    @Test func aWriteWithAnIdempotencyKeyIsRetried() async throws {
        let plan = FaultPlan(faults: [(.status(503), 0.5)], seed: 3)
        var options = ClientOptions(retry: Self.quickRetries(12))
        options.retry.idempotencyKeyHeader = "Idempotency-Key"
        try await withFaultyMock(plan, options: options) { quay, injector in
            for index in 0..<20 {
                let key = KeyMiddleware(key: "key-\(index)")
                let keyed = Quay(client: APIClient(serverURL: quay.client.serverURL, transport: quay.client.transport,
                                                   middlewares: [key] + quay.client.middlewares, options: quay.client.options))
                try await keyed.repository.createRepo(body: NewRepository(repository: "keyed-\(index)", visibility: .private,
                                                                          namespace: "quayadmin", description: ""))
            }
            #expect(!injector.repeatedWrites.isEmpty, "some keyed writes were faulted and sent again")
        }
    }

    @Test func retryAfterIsWaitedFor() async throws {
        let plan = FaultPlan(faults: [(.status(429), 1)], retryAfter: 1)
        try await withFaultyMock(plan, options: ClientOptions(retry: Self.quickRetries(1))) { quay, injector in
            let start = ContinuousClock.now
            await #expect(throws: ResponseError.self) { try await quay.user.getLoggedInUser() }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .seconds(1) && elapsed < .milliseconds(1300), "waited \(elapsed)")
            #expect(injector.arrivalCounts.values.reduce(0, +) == 2)
        }
    }

    @Test func theDeadlineFiresOnTime() async throws {
        let plan = FaultPlan(faults: [(.status(503), 1)], latency: .milliseconds(20) ... .milliseconds(20))
        let options = ClientOptions(retry: RetryPolicy(maxRetries: 1000, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(40)),
                                    deadline: .seconds(1))
        try await withFaultyMock(plan, options: options) { quay, _ in
            let start = ContinuousClock.now
            do {
                _ = try await quay.user.getLoggedInUser()
                Issue.record("the call succeeded against a server that always answers 503")
            } catch let error as TimeoutError {
                let elapsed = ContinuousClock.now - start
                #expect(error.limit == .deadline)
                #expect(error.attempt > 5)
                #expect(elapsed >= .milliseconds(900) && elapsed <= .milliseconds(1100), "fired after \(elapsed)")
                #expect(error.description.hasPrefix("getLoggedInUser: the call's deadline of 1 s passed after "))
            }
        }
    }

    @Test func anAttemptTimeoutSaysWhichLimitFired() async throws {
        let plan = FaultPlan(latency: .milliseconds(600) ... .milliseconds(600))
        let options = ClientOptions(retry: .never, attemptTimeout: .milliseconds(100))
        try await withFaultyMock(plan, options: options) { quay, _ in
            let start = ContinuousClock.now
            let error = await #expect(throws: TimeoutError.self) { try await quay.user.getLoggedInUser() }
            #expect(ContinuousClock.now - start < .milliseconds(400))
            #expect(error?.limit == .attempt)
            #expect(error?.description.hasPrefix("getLoggedInUser: attempt 1 took longer than the attempt timeout of 100 ms") == true)
        }
    }

    @Test func cancellationEndsACallWaitingToRetry() async throws {
        let plan = FaultPlan(faults: [(.status(503), 1)], retryAfter: 30)
        try await withFaultyMock(plan, options: ClientOptions(retry: Self.quickRetries(1))) { quay, _ in
            let call = Task { try await quay.user.getLoggedInUser() }
            try await Task.sleep(for: .milliseconds(300))
            let cancelled = ContinuousClock.now
            call.cancel()
            let result = await call.result
            #expect(ContinuousClock.now - cancelled < .milliseconds(200))
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test func requestIDsAreKeptOnResponsesAndErrors() async throws {
        try await withFaultyMock(FaultPlan(), options: ClientOptions()) { quay, _ in
            let response = try await quay.user.getLoggedInUserRaw()
            #expect(response.requestID?.hasPrefix("qm-") == true)
            do {
                _ = try await quay.repository.getRepo(repository: "quayadmin/missing")
                Issue.record("a missing repository was found")
            } catch let error as ResponseError {
                let id = try #require(error.requestID)
                #expect(error.description.hasPrefix("getRepo: HTTP 404 (request id \(id)): {"))
            }
        }
    }

    @Test func perCallOptionsOverrideTheClients() async throws {
        let plan = FaultPlan(faults: [(.status(503), 1)])
        try await withFaultyMock(plan, options: ClientOptions(retry: Self.quickRetries(3))) { quay, injector in
            await #expect(throws: ResponseError.self) {
                try await ClientOptions.configure({ $0.retry = .never }) { try await quay.user.getLoggedInUser() }
            }
            #expect(injector.arrivalCounts.values.reduce(0, +) == 1)
            await #expect(throws: ResponseError.self) { try await quay.user.getLoggedInUser() }
            #expect(injector.arrivalCounts.values.reduce(0, +) == 1 + 4)
        }
    }

    @Test func logsOneLinePerAttemptAndNeverACredential() async throws {
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in lines }
        logger.logLevel = .trace
        let plan = FaultPlan(faults: [(.status(503), 1)])
        var options = ClientOptions(retry: Self.quickRetries(1), logger: logger)
        options.redaction = Redaction(fields: ["description"])
        try await withFaultyMock(plan, options: options) { quay, _ in
            _ = try? await quay.repository.createRepo(body: NewRepository(repository: "logged", visibility: .private,
                                                                          namespace: "quayadmin", description: "very secret"))
            _ = try? await quay.user.getLoggedInUser()
        }
        let all = lines.all
        let debug = all.filter { $0.level == .debug }.map(\.message)
        #expect(debug.count == 3, "\(debug)")
        #expect(debug.first?.hasPrefix("POST /api/v1/repository 503 in ") == true)
        #expect(debug.first?.hasSuffix(" (attempt 1)") == true)
        #expect(debug.last?.hasSuffix(" (attempt 2)") == true)
        let text = all.map(\.message).joined(separator: "\n")
        #expect(!text.contains(TestTokens.all))
        #expect(text.contains("authorization: <redacted>") || text.contains("Authorization: <redacted>"))
        #expect(!text.contains("very secret"))
    }
}

/// Adds an `Idempotency-Key` to every request.
struct KeyMiddleware: ClientMiddleware {
    let key: String

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[HTTPField.Name("Idempotency-Key")!] = key
        return try await next(request, body, baseURL)
    }
}

/// A log handler that keeps what it is given.
final class LogLines: LogHandler, @unchecked Sendable {
    struct Line { var level: Logger.Level; var message: String }
    private let lines = Mutex<[Line]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.withLock { $0.append(Line(level: event.level, message: event.message.description)) }
    }

    var all: [Line] { lines.withLock { $0 } }
}
