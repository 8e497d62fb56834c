/// A secret, such as a token, that never shows itself: `description`, `debugDescription`,
/// `dump()` and string interpolation all print `<redacted>`.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps a secret.
    public init(_ value: String) { self.value = value }

    /// The secret itself, for the one place that sends it.
    public func reveal() -> String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Adds `Authorization: Bearer <token>` to every request that does not already carry an
/// `Authorization` header. The token is held as a ``Secret``.
public struct BearerTokenMiddleware: ClientMiddleware, CustomStringConvertible {
    private let token: Secret

    /// A middleware sending this token.
    public init(token: String) { self.token = Secret(token) }

    public func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                          next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.headerFields[.authorization] == nil {
            request.headerFields[.authorization] = "Bearer " + token.reveal()
        }
        return try await next(request, body, baseURL)
    }

    public var description: String { "BearerTokenMiddleware(token: <redacted>)" }
}
