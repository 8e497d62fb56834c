/// A security scheme from `components/securitySchemes`.
public struct SecurityScheme: Sendable {
    /// The key under `securitySchemes`.
    public var name: String
    public var kind: Kind
    public var description: String?
    public var extensions: [VendorExtension]
    public var location: SourceLocation

    /// What kind of credential the scheme takes.
    public enum Kind: Sendable {
        /// An API key in a header, query parameter or cookie.
        case apiKey(name: String, location: ParameterLocation)
        /// HTTP authentication: `bearer`, `basic` or another scheme.
        case http(scheme: String, bearerFormat: String?)
        /// OAuth 2 with its flows.
        case oauth2([OAuthFlow])
        /// OpenID Connect discovery.
        case openIdConnect(url: String)
        /// Mutual TLS (3.1).
        case mutualTLS
    }
}

/// One OAuth 2 flow.
public struct OAuthFlow: Sendable {
    /// `implicit`, `password`, `clientCredentials` or `authorizationCode`.
    public var kind: String
    public var authorizationURL: String?
    public var tokenURL: String?
    public var refreshURL: String?
    /// Scopes and their descriptions, in order.
    public var scopes: [(name: String, description: String)]
}

/// One alternative of a `security` list: every named scheme applies together.
public struct SecurityRequirement: Sendable {
    /// Scheme names and the scopes each requires, in order.
    public var schemes: [(name: String, scopes: [String])]
    public var location: SourceLocation
}
