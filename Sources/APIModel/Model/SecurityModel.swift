/// A security scheme.
public struct SecuritySchemeModel: Sendable, Equatable, Codable {
    /// The key under `securitySchemes`.
    public var name: String
    public var kind: Kind
    public var description: String?

    /// The kinds apigen knows.
    public enum Kind: Sendable, Equatable, Codable {
        /// `Authorization: Bearer <token>`.
        case bearer(format: String?)
        /// `Authorization: Basic <base64>`.
        case basic
        /// Another HTTP scheme.
        case http(scheme: String)
        /// An API key in a header, query parameter or cookie.
        case apiKey(name: String, location: ParameterModel.Location)
        /// OAuth 2; clients send its tokens as bearer tokens.
        case oauth2(flows: [OAuthFlowModel])
        /// OpenID Connect; clients send its tokens as bearer tokens.
        case openIdConnect(url: String)
        /// Mutual TLS, handled by the transport.
        case mutualTLS
    }
}

extension SecuritySchemeModel {
    /// How requests carry this scheme's credentials, named as APIRuntime's `CredentialKind`
    /// cases: `bearer` (OAuth 2, OpenID Connect, HTTP bearer), `basic`, `apiKey`, `other`;
    /// nil for mutual TLS, which the transport handles.
    public var credentialKind: String? {
        switch kind {
        case .bearer, .oauth2, .openIdConnect: return "bearer"
        case .basic: return "basic"
        case .apiKey: return "apiKey"
        case .http: return "other"
        case .mutualTLS: return nil
        }
    }

    /// Whether clients send this scheme's credentials as HTTP Basic.
    public var isBasic: Bool { kind == .basic }
}

/// An OAuth 2 flow.
public struct OAuthFlowModel: Sendable, Equatable, Codable {
    public var kind: String
    public var authorizationURL: String?
    public var tokenURL: String?
    public var refreshURL: String?
    public var scopes: [ScopeModel]
}

/// An OAuth scope and what it allows.
public struct ScopeModel: Sendable, Equatable, Codable {
    public var name: String
    public var description: String
}

/// One alternative of a security list: all its schemes apply together.
public struct SecurityRequirementModel: Sendable, Equatable, Codable {
    public var schemes: [SchemeUse]

    /// A scheme and the scopes it must carry.
    public struct SchemeUse: Sendable, Equatable, Codable {
        public var scheme: String
        public var scopes: [String]
    }
}
