import Logging

/// What a client does around each call: retries, time limits, and the header that carries the
/// server's request id. Set per client (`Quay(serverURL:transport:options:)`), changed for the
/// calls of one task with ``ClientOptions/configure(_:_:)``.
///
/// ```swift
/// // No retries and a 5-second deadline for these calls only:
/// try await ClientOptions.configure({ $0.retry = .never; $0.deadline = .seconds(5) }) {
///     try await quay.repository.createRepo(body: newRepo)
/// }
/// ```
public struct ClientOptions: Sendable {
    /// When to send a request again.
    public var retry: RetryPolicy
    /// The longest one attempt may take, from sending to the last byte of the body (to the head,
    /// for a streamed body); nil, the default, leaves it to the transport's own timeout
    /// (URLSession's and AsyncHTTPClient's are a minute). An attempt that takes longer is
    /// abandoned, and retried when it may be. Setting one runs each attempt in a task of its own,
    /// which costs a thread hop per attempt (Benchmarks/client-overhead.sh measures it).
    public var attemptTimeout: Duration?
    /// The longest a whole call may take, every attempt and wait included; nil for no limit.
    public var deadline: Duration?
    /// The response header that carries the server's request id, kept on every response and error.
    public var requestIDHeader: String
    /// Where each attempt is logged: one line at debug level; headers and bodies at trace level.
    public var logger: Logger
    /// What the trace lines never show.
    public var redaction: Redaction

    /// Options; the defaults are the ones the README's "Production use" lists.
    public init(retry: RetryPolicy = RetryPolicy(), attemptTimeout: Duration? = nil, deadline: Duration? = nil,
                requestIDHeader: String = "X-Request-ID", logger: Logger = Logger(label: "apigen.client"),
                redaction: Redaction = Redaction()) {
        self.retry = retry
        self.attemptTimeout = attemptTimeout
        self.deadline = deadline
        self.requestIDHeader = requestIDHeader
        self.logger = logger
        self.redaction = redaction
    }

    /// Changes made for the calls of the current task, applied in order over the client's options.
    @TaskLocal static var changes: [@Sendable (inout ClientOptions) -> Void] = []

    /// Runs `body` with `change` applied to the options of every call it makes (in this task and
    /// the tasks it starts), over the client's own options and any outer change.
    public static func configure<Result>(_ change: @escaping @Sendable (inout ClientOptions) -> Void,
                                         _ body: () async throws -> Result) async rethrows -> Result {
        try await $changes.withValue(changes + [change]) { try await body() }
    }

    /// These options with the current task's changes (``configure(_:_:)``) applied: what a
    /// call made now uses.
    public func applyingTaskChanges() -> ClientOptions {
        var options = self
        for change in Self.changes { change(&options) }
        return options
    }
}

/// A call that ran out of time: which limit it was, after how long, on which attempt.
public struct TimeoutError: Error, Sendable, CustomStringConvertible {
    /// Which limit fired.
    public enum Limit: Sendable, Equatable {
        /// One attempt took longer than ``ClientOptions/attemptTimeout`` (and no retry was left).
        case attempt
        /// The whole call took longer than ``ClientOptions/deadline``.
        case deadline
    }

    /// The operation that was called.
    public let operationID: String
    /// Which limit fired.
    public let limit: Limit
    /// The limit's value.
    public let allowed: Duration
    /// How long the call had run when it fired.
    public let elapsed: Duration
    /// The attempt that was running or about to run (1 for the first).
    public let attempt: Int

    /// An error for `limit` of `allowed`, fired after `elapsed` on `attempt`.
    public init(operationID: String, limit: Limit, allowed: Duration, elapsed: Duration, attempt: Int) {
        self.operationID = operationID
        self.limit = limit
        self.allowed = allowed
        self.elapsed = elapsed
        self.attempt = attempt
    }

    /// `getRepo: the call's deadline of 2 s passed after 2.003 s, on attempt 3`.
    public var description: String {
        switch limit {
        case .attempt:
            return "\(operationID): attempt \(attempt) took longer than the attempt timeout of \(Self.text(allowed)) (after \(Self.text(elapsed)) in all)"
        case .deadline:
            return "\(operationID): the call's deadline of \(Self.text(allowed)) passed after \(Self.text(elapsed)), on attempt \(attempt)"
        }
    }

    /// `2 s`, `1.5 s`, `250 ms`.
    static func text(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = (milliseconds / 10).rounded() / 100
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
