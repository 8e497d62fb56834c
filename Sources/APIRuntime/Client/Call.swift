import Logging

/// One call of an operation: its attempts, the waits between them, and the limits around them.
struct Call: Sendable {
    typealias Next = @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)

    let request: APIRequest
    /// The request as HTTP, made once per call.
    let httpRequest: HTTPRequest
    let options: ClientOptions
    /// The middlewares and the transport, as one function.
    let chain: Next
    let log: CallLog
    /// What the chain handed the transport last: retry decisions read it.
    let sent: SentRequest
    let serverURL: URL
    let maxResponseBytes: Int

    /// What the server answered with: the body collected, or (a streamed success) still to read.
    enum Received: Sendable {
        case bytes([UInt8])
        case stream(HTTPBody?)
    }

    /// The answer a call ended with, after its retries.
    struct Answer: Sendable {
        let response: HTTPResponse
        let received: Received
        let requestID: String?
        let attempts: Int
    }

    /// What one attempt ended with.
    private enum Outcome {
        case answered(HTTPResponse, Received)
        case failed(any Error)
    }

    /// An attempt that ran past its limit.
    private struct AttemptTimedOut: Error {}

    /// Sends the request until it is answered with a status that is not retried, or no retry is
    /// left. With `streaming`, a 2xx body is handed back unread, and the limits cover the wait for
    /// the response's head; every other body is collected.
    func run(streaming: Bool = false) async throws -> Answer {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.deadline.map { start + $0 }
        let retry = options.retry
        // A body read from a stream can be sent only once.
        let replayable = request.bodyStream.map { $0.iterationBehavior == .multiple } ?? true
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let remaining = deadline.map { $0 - clock.now }
            if let remaining, remaining <= .zero { throw timeout(.deadline, attempt: attempt, since: start) }
            let limit = Self.shorter(options.attemptTimeout, remaining)
            let began = clock.now
            let outcome = try await attemptOnce(limit: limit, streaming: streaming)
            let took = clock.now - began
            // Whether it may be sent again is judged on the request as the transport got it, after
            // the middlewares: an idempotency key a middleware adds counts.
            let retriesLeft = replayable && attempt <= retry.maxRetries
                && retry.mayRetry(sent.value ?? httpRequest, operationID: request.operationID)
            switch outcome {
            case .answered(let response, let received):
                log.answered(response, received: received, attempt: attempt, took: took)
                if retriesLeft, retry.retryableStatuses.contains(response.status.code) {
                    let asked = response.headerFields[.retryAfter].flatMap { retry.retryAfter($0) }
                    try await wait(asked ?? retry.backoff(beforeRetry: attempt), deadline: deadline, attempt: attempt + 1, since: start)
                    attempt += 1
                    continue
                }
                let requestID = HTTPField.Name(options.requestIDHeader).flatMap { response.headerFields[$0] }
                return Answer(response: response, received: received, requestID: requestID, attempts: attempt)
            case .failed(let error):
                let timedOut = error is AttemptTimedOut
                if timedOut, let remaining, options.attemptTimeout.map({ remaining <= $0 }) ?? true {
                    // The deadline, not the attempt's own limit, cut this attempt short.
                    throw timeout(.deadline, attempt: attempt, since: start)
                }
                log.failed(error, timedOut: timedOut, attempt: attempt, took: took)
                if retriesLeft {
                    try await wait(retry.backoff(beforeRetry: attempt), deadline: deadline, attempt: attempt + 1, since: start)
                    attempt += 1
                    continue
                }
                if timedOut { throw timeout(.attempt, attempt: attempt, since: start) }
                throw error
            }
        }
    }

    /// One attempt within `limit`: through the middlewares to the transport, and the body
    /// collected unless it is a streamed success. The same bytes every time.
    private func attemptOnce(limit: Duration?, streaming: Bool) async throws -> Outcome {
        let chain = self.chain
        let httpRequest = self.httpRequest
        let body = request.body
        let bodyStream = request.bodyStream
        let serverURL = self.serverURL
        let maxResponseBytes = self.maxResponseBytes
        let send: @Sendable () async throws -> (HTTPResponse, Received) = {
            let (response, responseBody) = try await chain(httpRequest, body.map { HTTPBody($0) } ?? bodyStream, serverURL)
            if streaming, response.status.kind == .successful { return (response, .stream(responseBody)) }
            guard let responseBody else { return (response, .bytes([])) }
            return (response, .bytes(try await [UInt8](collecting: responseBody, upTo: maxResponseBytes)))
        }
        do {
            let (response, received) = try await Self.within(limit, send)
            return .answered(response, received)
        } catch {
            // Cancellation of the caller's task ends the call; an attempt's own timeout does not.
            if Task.isCancelled { throw CancellationError() }
            return .failed(error)
        }
    }

    /// Waits before the next attempt; when the deadline comes first, waits until it and throws.
    private func wait(_ duration: Duration, deadline: ContinuousClock.Instant?, attempt: Int, since start: ContinuousClock.Instant) async throws {
        if let deadline, ContinuousClock.now + duration >= deadline {
            try await Task.sleep(until: deadline, clock: .continuous)
            throw timeout(.deadline, attempt: attempt, since: start)
        }
        try await Task.sleep(for: duration)
    }

    private func timeout(_ limit: TimeoutError.Limit, attempt: Int, since start: ContinuousClock.Instant) -> TimeoutError {
        let allowed = (limit == .deadline ? options.deadline : options.attemptTimeout) ?? .zero
        return TimeoutError(operationID: request.operationID, limit: limit, allowed: allowed,
                            elapsed: ContinuousClock.now - start, attempt: attempt)
    }

    private static func shorter(_ a: Duration?, _ b: Duration?) -> Duration? {
        switch (a, b) {
        case let (a?, b?): return min(a, b)
        default: return a ?? b
        }
    }

    /// Runs `operation`, abandoning it (cancelled) when `limit` passes first. The operation
    /// runs in a task of its own and a Dispatch timer keeps the time: one task per attempt, not
    /// a group of two racing a sleeping task (the fast path's largest cost, measured by
    /// Benchmarks/client-overhead.sh). The caller's cancellation reaches the operation.
    private static func within<Value: Sendable>(_ limit: Duration?, _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard let limit else { return try await operation() }
        let task = Task { try await operation() }
        let expiry = Expiry(after: limit, task: task)
        defer { expiry.stop() }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            if expiry.fired, !Task.isCancelled { throw AttemptTimedOut() }
            throw error
        }
    }
}

/// The timer of one attempt: when it fires first, it cancels the attempt's task and says so.
private final class Expiry: @unchecked Sendable {
    private static let queue = DispatchQueue(label: "apigen.client.attempt-timeouts")
    private let lock = NSLock()
    private var didFire = false
    private let timer: any DispatchSourceTimer

    init<Value: Sendable>(after limit: Duration, task: Task<Value, any Error>) {
        let (seconds, attoseconds) = limit.components
        timer = DispatchSource.makeTimerSource(queue: Self.queue)
        // A limit of centuries is no limit.
        timer.schedule(deadline: seconds > 1_000_000_000 ? .distantFuture
                       : .now() + .nanoseconds(max(0, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.withLock { self.didFire = true }
            task.cancel()
        }
        timer.activate()
    }

    /// Whether the limit passed before the attempt ended.
    var fired: Bool { lock.withLock { didFire } }

    /// Called when the attempt ends, either way.
    func stop() { timer.cancel() }
}

/// The last request a call's transport got, written by the attempt and read between attempts.
final class SentRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var request: HTTPRequest?

    var value: HTTPRequest? {
        get { lock.withLock { request } }
        set { lock.withLock { request = newValue } }
    }
}
