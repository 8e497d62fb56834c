/// A user name and password for HTTP Basic authentication. The password is held as a
/// ``Secret``; the pair never prints itself.
public struct BasicCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name (for a Quay robot, its full name: `orgname+shortname`).
    public let username: String
    /// The password; `password.reveal()` gives it.
    public let password: Secret

    /// Credentials for HTTP Basic.
    public init(username: String, password: String) {
        self.username = username
        self.password = Secret(password)
    }

    /// `Basic <base64(username:password)>`, the `Authorization` header's value.
    var headerValue: String {
        "Basic " + Data((username + ":" + password.reveal()).utf8).base64EncodedString()
    }

    /// The credentials an `Authorization: Basic …` header carries, or nil when the request
    /// has none or they are malformed (for servers' authorizers).
    public init?(from request: HTTPRequest) {
        guard let header = request.headerFields[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        self.init(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }

    public var description: String { "BasicCredentials(username: \(username), password: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["username": username], displayStyle: .struct) }
}

/// Adds `Authorization: Basic …` to the requests of the operations that take HTTP Basic
/// credentials, when the request does not already carry an `Authorization` header. Other
/// operations are left alone, so a bearer token added after it still reaches them.
public struct BasicAuthMiddleware: ClientMiddleware, CustomStringConvertible {
    private let credentials: BasicCredentials
    private let operations: Set<String>

    /// A middleware sending these credentials to the operations with these ids.
    public init(credentials: BasicCredentials, operations: Set<String>) {
        self.credentials = credentials
        self.operations = operations
    }

    public func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                          next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if operations.contains(operationID), request.headerFields[.authorization] == nil {
            request.headerFields[.authorization] = credentials.headerValue
        }
        return try await next(request, body, baseURL)
    }

    public var description: String { "BasicAuthMiddleware(\(credentials), \(operations.count) operations)" }
}
