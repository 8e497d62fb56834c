/// One entry of `paths` (or `webhooks`), with its operations in document order.
public struct PathItem: Sendable {
    /// The path template, such as `/pets/{petId}`; for a webhook, its name.
    public var path: String
    public var summary: String?
    public var description: String?
    /// The operations, in the order the document lists them.
    public var operations: [Operation]
    public var location: SourceLocation
    public var pointer: String
}

/// An HTTP operation.
public struct Operation: Sendable {
    /// The method, lowercase (`get`, `post`, ...).
    public var method: String
    /// The path template it belongs to.
    public var path: String
    public var operationId: String?
    public var tags: [String]
    public var summary: String?
    public var description: String?
    /// Path-level and operation parameters merged: an operation parameter replaces a path-level
    /// one with the same name and location.
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// Responses in document order; `default` and ranges such as `2XX` included.
    public var responses: [Response]
    /// Callbacks, each with its path items.
    public var callbacks: [Callback]
    public var deprecated: Bool
    /// The operation's own `security`, when set (an empty array means anonymous).
    public var security: [SecurityRequirement]?
    public var servers: [Server]
    /// Query fields its path key carries (`/responses?beta=true`), sent with every request.
    public var fixedQuery: [(name: String, value: String)] = []
    public var externalDocs: ExternalDocs?
    public var extensions: [VendorExtension]
    public var location: SourceLocation
    public var pointer: String

}

/// A callback: a runtime expression and the path item called there.
public struct Callback: Sendable {
    public var name: String
    public var items: [PathItem]
}

/// Where a parameter goes.
public enum ParameterLocation: String, Sendable, Codable {
    case path, query, header, cookie
}

/// A parameter, resolved.
public struct Parameter: Sendable, ComponentBacked {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var allowEmptyValue: Bool
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    /// The schema, or the schema of the single `content` entry.
    public var schema: SchemaRef?
    /// The media type of `content`, when the parameter uses `content` instead of `schema`.
    public var contentType: String?
    public var example: SpecValue?
    public var examples: [NamedExample]
    public var extensions: [VendorExtension]
    public var sourceLocation: SourceLocation
    public var pointer: String
    /// The name under `components/parameters` when it was reached through a `$ref` there.
    public var componentName: String?
}

/// A request body, resolved.
public struct RequestBody: Sendable, ComponentBacked {
    public var description: String?
    public var required: Bool
    public var content: [MediaType]
    public var extensions: [VendorExtension]
    public var location: SourceLocation
    public var pointer: String
    /// The name under `components/requestBodies` when it was reached through a `$ref` there.
    public var componentName: String?
}

/// One entry of a `content` map.
public struct MediaType: Sendable {
    /// The media type or range, such as `application/json` or `image/*`.
    public var mediaType: String
    public var schema: SchemaRef?
    public var example: SpecValue?
    public var examples: [NamedExample]
    /// Per-property encodings (form and multipart bodies).
    public var encoding: [Encoding]
    public var location: SourceLocation
}

/// How one property of a form or multipart body is encoded.
public struct Encoding: Sendable {
    public var property: String
    public var contentType: String?
    public var headers: [Header]
    public var style: String?
    public var explode: Bool?
}

/// A response, resolved.
public struct Response: Sendable, ComponentBacked {
    /// `200`, `2XX` or `default`.
    public var status: String
    public var description: String
    public var headers: [Header]
    public var content: [MediaType]
    public var extensions: [VendorExtension]
    public var location: SourceLocation
    public var pointer: String
    /// The name under `components/responses` when it was reached through a `$ref` there.
    public var componentName: String?
}

/// A response header (or an encoding header).
public struct Header: Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var schema: SchemaRef?
    public var example: SpecValue?
}

/// A named example (from an `examples` map).
public struct NamedExample: Sendable {
    public var name: String
    public var summary: String?
    public var description: String?
    public var value: SpecValue?
    public var externalValue: String?
}

/// An object that can be defined once under `components` and used by `$ref`.
public protocol ComponentBacked {
    /// Its key under `components/<kind>`, when it was reached through a `$ref` there.
    var componentName: String? { get set }
}
