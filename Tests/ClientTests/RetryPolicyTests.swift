import APIRuntime
import Foundation
import Testing

/// The retry policy's rules on their own: what may be retried, how long to wait, how
/// `Retry-After` is read.
@Suite struct RetryPolicyTests {
    func request(_ method: HTTPRequest.Method, headers: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: method, scheme: "https", authority: "quay.io", path: "/api/v1/user/", headerFields: headers)
    }

    @Test func idempotentMethodsAreRetriedAndWritesAreNot() {
        let policy = RetryPolicy()
        for method: HTTPRequest.Method in [.get, .head, .put, .delete, .options] {
            #expect(policy.mayRetry(request(method), operationID: "op"))
        }
        #expect(!policy.mayRetry(request(.post), operationID: "op"))
        #expect(!policy.mayRetry(request(.patch), operationID: "op"))
    }

    @Test func aMarkedOperationOrAnIdempotencyKeyMakesAWriteRetryable() {
        var policy = RetryPolicy(idempotentOperations: ["createStar"])
        #expect(policy.mayRetry(request(.post), operationID: "createStar"))
        #expect(!policy.mayRetry(request(.post), operationID: "createRepo"))
        policy.idempotencyKeyHeader = "Idempotency-Key"
        #expect(policy.mayRetry(request(.post, headers: [HTTPField.Name("Idempotency-Key")!: "k1"]), operationID: "createRepo"))
        #expect(!policy.mayRetry(request(.post), operationID: "createRepo"))
    }

    @Test func backoffIsExponentialWithFullJitterAndCapped() {
        let top = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), jitter: { 0.999_999 })
        #expect(top.backoff(beforeRetry: 1) <= .milliseconds(100) && top.backoff(beforeRetry: 1) > .milliseconds(99))
        #expect(top.backoff(beforeRetry: 2) > .milliseconds(199) && top.backoff(beforeRetry: 2) <= .milliseconds(200))
        #expect(top.backoff(beforeRetry: 4) > .milliseconds(799))
        #expect(top.backoff(beforeRetry: 5) <= .seconds(1) && top.backoff(beforeRetry: 40) <= .seconds(1))
        let bottom = RetryPolicy(jitter: { 0 })
        #expect(bottom.backoff(beforeRetry: 3) == .zero)
        let half = RetryPolicy(initialBackoff: .milliseconds(100), jitter: { 0.5 })
        let wait = half.backoff(beforeRetry: 3)
        #expect(wait > .microseconds(199_999) && wait < .microseconds(200_001))
    }

    @Test func retryAfterReadsSecondsAndHTTPDatesAndIsCapped() throws {
        let policy = RetryPolicy(maxRetryAfter: .seconds(60))
        #expect(policy.retryAfter("3") == .seconds(3))
        #expect(policy.retryAfter(" 0 ") == .zero)
        #expect(policy.retryAfter("3600") == .seconds(60))
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-04T10:00:00Z"))
        #expect(policy.retryAfter("Fri, 04 Dec 2026 10:00:05 GMT", now: now) == .seconds(5))
        #expect(policy.retryAfter("Fri, 04 Dec 2026 09:59:00 GMT", now: now) == .zero)
        #expect(policy.retryAfter("soon") == nil)
        #expect(policy.retryAfter("-1") == nil)
    }

    @Test func taskChangesApplyInsideTheirScopeOnly() async {
        let base = ClientOptions(deadline: .seconds(30))
        #expect(base.deadline == .seconds(30))
        await ClientOptions.configure({ $0.deadline = .seconds(5) }) {
            await ClientOptions.configure({ $0.retry.maxRetries = 0 }) {
                let options = base.applyingTaskChanges()
                #expect(options.deadline == .seconds(5))
                #expect(options.retry.maxRetries == 0)
            }
        }
        #expect(base.applyingTaskChanges().deadline == .seconds(30))
    }

    @Test func timeoutErrorsSayWhichLimitAfterHowLongOnWhichAttempt() {
        let deadline = TimeoutError(operationID: "getRepo", limit: .deadline, allowed: .seconds(2), elapsed: .milliseconds(2013), attempt: 3)
        #expect(deadline.description == "getRepo: the call's deadline of 2 s passed after 2.01 s, on attempt 3")
        let attempt = TimeoutError(operationID: "getRepo", limit: .attempt, allowed: .milliseconds(250), elapsed: .milliseconds(260), attempt: 1)
        #expect(attempt.description == "getRepo: attempt 1 took longer than the attempt timeout of 250 ms (after 260 ms in all)")
    }
}
