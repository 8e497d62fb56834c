/// A parsed OpenAPI 3.0 or 3.1 document, with every non-schema `$ref` already followed and every
/// schema reachable through ``schemas``.
public struct OpenAPIDocument: Sendable {
    /// The `openapi` field, such as `3.1.0`.
    public var openapi: String
    /// `info`.
    public var info: Info
    /// `servers`, in order.
    public var servers: [Server]
    /// `paths`, in document order.
    public var paths: [PathItem]
    /// 3.1 `webhooks`, in document order; each item's `path` is the webhook's name.
    public var webhooks: [PathItem]
    /// `tags`, in order.
    public var tags: [Tag]
    /// The document-wide `security`, when set.
    public var security: [SecurityRequirement]?
    /// `components/securitySchemes`, in order.
    public var securitySchemes: [SecurityScheme]
    /// Every schema that has an identity: `components/schemas` first, in order, then schemas
    /// reached through `$ref`s into other places or files, in the order they were found.
    public var schemas: [NamedSchema]
    /// `externalDocs`.
    public var externalDocs: ExternalDocs?
    /// Vendor extensions at the top level, in order.
    public var extensions: [VendorExtension]
    /// The location of the document's root.
    public var location: SourceLocation

    /// The major and minor version: 3.0 or 3.1 (3.2 documents read as 3.1).
    public var isVersion30: Bool { openapi.hasPrefix("3.0") }

    /// The named schema a reference points at.
    public func schema(_ key: SchemaKey) -> NamedSchema? {
        schemaIndex[key].map { schemas[$0] }
    }

    var schemaIndex: [SchemaKey: Int] = [:]
}

/// `info`.
public struct Info: Sendable {
    public var title: String
    public var summary: String?
    public var description: String?
    public var version: String
    public var termsOfService: String?
    public var contactName: String?
    public var contactURL: String?
    public var contactEmail: String?
    public var licenseName: String?
    public var licenseURL: String?
    public var licenseIdentifier: String?
    public var extensions: [VendorExtension]
}

/// A server, with its URL template and variables.
public struct Server: Sendable {
    public var url: String
    public var description: String?
    public var variables: [ServerVariable]
    public var location: SourceLocation
}

/// A variable in a server URL template.
public struct ServerVariable: Sendable {
    public var name: String
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?
}

/// A tag declared at the top level.
public struct Tag: Sendable {
    public var name: String
    public var description: String?
    public var externalDocs: ExternalDocs?
    public var extensions: [VendorExtension]
    public var location: SourceLocation
}

/// `externalDocs`.
public struct ExternalDocs: Sendable {
    public var url: String
    public var description: String?
}
