/// When and how a client sends a request again: after a connection error or one of the
/// statuses that say "try later", for requests that are safe to repeat, with exponential
/// backoff and full jitter, or as long as the server's `Retry-After` says (capped).
///
/// A retried request is sent again byte for byte: the same method, URL, headers and body.
public struct RetryPolicy: Sendable {
    /// How many times a request is sent again after the first attempt (2 by default; 0 never).
    public var maxRetries: Int
    /// The backoff before the first retry; it doubles for each retry after.
    public var initialBackoff: Duration
    /// The longest backoff.
    public var maxBackoff: Duration
    /// The longest wait a `Retry-After` header can ask for; a longer one is cut to this.
    public var maxRetryAfter: Duration
    /// Statuses that are retried: request timeout, too many requests, and the server errors
    /// that usually pass.
    public var retryableStatuses: Set<Int>
    /// Methods that are safe to repeat (RFC 9110's idempotent methods).
    public var idempotentMethods: Set<HTTPRequest.Method>
    /// Operations safe to repeat whatever their method: those the spec marks
    /// `x-apigen-idempotent: true` (generated clients fill this in).
    public var idempotentOperations: Set<String>
    /// A request header that makes a write safe to repeat (Stripe's `Idempotency-Key`): a
    /// request that carries it is retried whatever its method.
    public var idempotencyKeyHeader: String?
    /// A number in 0..<1 for the jitter; random by default, fixed in tests.
    public var jitter: @Sendable () -> Double

    /// A policy; the defaults are the ones the README's "Production use" lists.
    public init(maxRetries: Int = 2, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60), retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504],
                idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .put, .delete, .options],
                idempotentOperations: Set<String> = [], idempotencyKeyHeader: String? = nil,
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
        self.idempotentMethods = idempotentMethods
        self.idempotentOperations = idempotentOperations
        self.idempotencyKeyHeader = idempotencyKeyHeader
        self.jitter = jitter
    }

    /// Never retry.
    public static var never: RetryPolicy { RetryPolicy(maxRetries: 0) }

    /// Whether a request may be sent again: its method is idempotent, its operation is marked
    /// so, or it carries the idempotency key header.
    public func mayRetry(_ request: HTTPRequest, operationID: String) -> Bool {
        if idempotentMethods.contains(request.method) || idempotentOperations.contains(operationID) { return true }
        if let idempotencyKeyHeader, let name = HTTPField.Name(idempotencyKeyHeader), request.headerFields[name] != nil { return true }
        return false
    }

    /// The wait before retry number `retry` (1 for the first): a random time between zero and
    /// `initialBackoff` × 2^(retry − 1), at most `maxBackoff` ("full jitter").
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(initialBackoff * (1 << exponent), maxBackoff)
        return ceiling * min(max(jitter(), 0), 1)
    }

    /// How long a `Retry-After` value asks to wait: seconds (`120`) or an HTTP date, cut to
    /// `maxRetryAfter`; nil when it is neither.
    public func retryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        let seconds: Double
        if let number = Int(text), number >= 0 {
            seconds = Double(number)
        } else if let date = Self.httpDate(text) {
            seconds = max(0, date.timeIntervalSince(now))
        } else {
            return nil
        }
        return min(.milliseconds(Int64(seconds * 1000)), maxRetryAfter)
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form HTTP requires senders to use.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
