/// How generated server stubs check and answer requests.
public struct ServerOptions: Sendable {
    /// The largest request body accepted; a larger one gets a 413.
    public var maxBodyBytes: Int
    /// Who may call what. Nil accepts every request, whatever the spec's security says.
    public var authorizer: (any Authorizer)?
    /// Turns a problem into the body the spec's error schema describes. The generated server
    /// sets it; nil answers RFC 9457 problem details.
    public var errorBody: (@Sendable (HTTPProblem) -> JSONValue)?
    /// Answers operations the implementation does not implement, from the operation's id and
    /// its input as JSON. Nil answers them 501 Not Implemented.
    public var fallback: Fallback?

    /// What a fallback answers: a status and a JSON body, or none.
    public typealias Fallback = @Sendable (_ operationID: String, _ input: JSONValue) async throws -> (status: Int, body: JSONValue?)

    /// Options with a body limit (1 MiB by default) and an optional authorizer.
    public init(maxBodyBytes: Int = 1 << 20, authorizer: (any Authorizer)? = nil,
                errorBody: (@Sendable (HTTPProblem) -> JSONValue)? = nil, fallback: Fallback? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.authorizer = authorizer
        self.errorBody = errorBody
        self.fallback = fallback
    }
}

/// Who is calling: a name for logs and handlers, and the scopes their credentials carry.
public struct Principal: Sendable, Hashable {
    /// The caller (a user name, a robot, a token id).
    public var name: String
    /// The OAuth scopes granted, checked exactly as given: no scope implies another.
    public var scopes: Set<String>

    /// A caller with scopes.
    public init(name: String, scopes: Set<String>) {
        self.name = name
        self.scopes = scopes
    }
}

/// Decides who a request comes from. The generated server asks it for every operation the
/// spec protects, then answers 401 when there is no valid caller and 403 when the caller's
/// scopes do not cover the operation's.
public protocol Authorizer: Sendable {
    /// The caller the request's credentials name, or nil when it has none or they are not valid.
    func authenticate(_ request: HTTPRequest) async throws -> Principal?
}

/// An authorizer for static bearer tokens: `Authorization: Bearer <token>`.
public struct BearerTokenAuthorizer: Authorizer, CustomStringConvertible {
    private let tokens: [String: Principal]

    /// Tokens and the callers they stand for.
    public init(tokens: [String: Principal]) { self.tokens = tokens }

    public func authenticate(_ request: HTTPRequest) async throws -> Principal? {
        guard let header = request.headerFields[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return tokens[String(parts[1]).trimmingCharacters(in: .whitespaces)]
    }

    public var description: String { "BearerTokenAuthorizer(\(tokens.count) tokens: <redacted>)" }
}

/// An authorizer for HTTP Basic credentials (`Authorization: Basic …`), checked by a closure: a
/// password table, an exchange of a federated token, anything that names a caller.
public struct BasicAuthorizer: Authorizer, CustomStringConvertible {
    private let check: @Sendable (BasicCredentials) async throws -> Principal?

    /// Asks `check` who the credentials a request presents stand for; nil refuses them.
    public init(_ check: @escaping @Sendable (BasicCredentials) async throws -> Principal?) { self.check = check }

    public func authenticate(_ request: HTTPRequest) async throws -> Principal? {
        guard let credentials = BasicCredentials(from: request) else { return nil }
        return try await check(credentials)
    }

    public var description: String { "BasicAuthorizer" }
}

/// Several authorizers, asked in order: the caller is the first one any of them names (a
/// bearer-token authorizer beside one for HTTP Basic, say).
public struct FirstMatchAuthorizer: Authorizer {
    private let authorizers: [any Authorizer]

    /// Authorizers to ask, in order.
    public init(_ authorizers: [any Authorizer]) { self.authorizers = authorizers }

    public func authenticate(_ request: HTTPRequest) async throws -> Principal? {
        for authorizer in authorizers {
            if let caller = try await authorizer.authenticate(request) { return caller }
        }
        return nil
    }
}

/// How a request carries its credentials, as a security scheme says.
public enum CredentialKind: String, Sendable, Hashable, CaseIterable {
    /// `Authorization: Bearer …`: OAuth 2, OpenID Connect and HTTP bearer schemes.
    case bearer
    /// `Authorization: Basic …`.
    case basic
    /// An API key in a header, query parameter or cookie.
    case apiKey
    /// Another HTTP authentication scheme.
    case other

    /// The kind an `Authorization` header presents, or nil when there is none (or it is
    /// another scheme).
    static func presented(by request: HTTPRequest) -> CredentialKind? {
        guard let header = request.headerFields[.authorization] else { return nil }
        switch header.prefix(while: { $0 != " " }).lowercased() {
        case "bearer": return .bearer
        case "basic": return .basic
        default: return .other
        }
    }
}

/// What the spec requires of an operation's caller.
public struct SecurityRule: Sendable, Equatable {
    /// Whether a caller with no credentials may call.
    public var allowsAnonymous: Bool
    /// Alternatives; each lists the scopes that must all be granted. No alternatives: any valid
    /// credentials will do.
    public var alternatives: [[String]]
    /// The kinds of credentials the operation's schemes take. A request presenting another
    /// kind in its `Authorization` header (a bearer token where only HTTP Basic is taken) gets
    /// a 401 before the authorizer is asked. Empty: whatever the authorizer accepts.
    public var accepts: Set<CredentialKind>

    /// A rule from the spec's requirements.
    public init(anonymous: Bool, scopes alternatives: [[String]], accepts: Set<CredentialKind> = []) {
        self.allowsAnonymous = anonymous
        self.alternatives = alternatives
        self.accepts = accepts
    }

    /// Anyone may call.
    public static let anonymous = SecurityRule(anonymous: true, scopes: [])

    /// The problem with the kind of credentials a request presents, if any.
    func refusal(of request: HTTPRequest, operationID: String) -> HTTPProblem? {
        guard !accepts.isEmpty, !accepts.contains(.apiKey), let presented = CredentialKind.presented(by: request),
              !accepts.contains(presented) else { return nil }
        let taken = accepts.map(\.rawValue).sorted().joined(separator: " or ")
        return .unauthorized("\(operationID) takes \(taken) credentials, not \(presented.rawValue)")
    }

    /// Whether these scopes satisfy one alternative.
    public func isSatisfied(by scopes: Set<String>) -> Bool {
        alternatives.isEmpty || alternatives.contains { $0.allSatisfy(scopes.contains) }
    }
}
