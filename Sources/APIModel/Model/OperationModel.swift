/// One HTTP operation: a method on the client and on the server protocol.
public struct OperationModel: Sendable, Equatable, Codable {
    /// The operationId as written, or one derived from the method and path.
    public var operationId: String
    /// Whether ``operationId`` was derived, the spec having none.
    public var isDerivedID: Bool
    /// The method name (`listRepoTags`).
    public var swiftName: String
    /// A type name for the operation's own declarations (`ListRepoTags`, whose `Input` and
    /// `Output` the server stubs declare), unique among the module's types.
    public var typeName: String
    /// `GET`, `POST`, ...
    public var method: String
    /// The path template as written (`/api/v1/repository/{repository}/tag/`).
    public var path: String
    /// The path split into text and parameters.
    public var pathComponents: [PathComponent]
    /// The tag that groups it (its first tag), or nil.
    public var tag: String?
    public var summary: String?
    public var description: String?
    public var deprecated: Bool
    /// Path parameters in template order, then the others in document order.
    public var parameters: [ParameterModel]
    public var requestBody: RequestBodyModel?
    /// Responses in document order.
    public var responses: [ResponseModel]
    /// What the plain method returns when the call succeeds; nil when it returns nothing.
    public var success: SuccessModel?
    /// Alternatives: any one satisfied is enough. Empty, or an empty alternative, means anonymous.
    public var security: [SecurityRequirementModel]
    /// Paging, from `x-apigen-pagination`.
    public var pagination: PaginationModel?
    /// `x-codeSamples`, in order.
    public var codeSamples: [CodeSampleModel]
    /// Callbacks: parsed, listed for docs, skipped by code emitters.
    public var callbacks: [CallbackModel]
    /// Other vendor extensions, as written.
    public var extensions: [ExtensionModel]
    /// Where the operation is in the spec.
    public var location: SourceLocation
    /// The operationId of an earlier operation with the same method and path on the wire, when
    /// there is one: a server cannot tell their requests apart, and the server stubs hand them
    /// to that one.
    public var sharesRouteWith: String? = nil
    /// Query fields sent with every request, from a path key that carries them
    /// (`/responses?beta=true`); nil when there are none.
    public var fixedQuery: [QueryItemModel]? = nil

    /// Whether a caller with no credentials may call it.
    public var allowsAnonymous: Bool {
        security.isEmpty || security.contains { $0.schemes.isEmpty }
    }

    /// Every scope any alternative asks for, in order, without repeats.
    public var scopes: [String] {
        var seen = Set<String>()
        return security.flatMap { $0.schemes.flatMap(\.scopes) }.filter { seen.insert($0).inserted }
    }
}

/// A query field with a fixed value.
public struct QueryItemModel: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
}

/// A piece of a path template.
public enum PathComponent: Sendable, Equatable, Codable {
    /// A literal as it travels in a URL: what a path cannot hold (`<`, `>`, a space, DigitalOcean's
    /// `/<upload_url>`) percent-encoded, UTF-8 byte by byte; the rest as written.
    public static func wireText(_ literal: String) -> String {
        var text = ""
        for byte in literal.utf8 {
            let scalar = Unicode.Scalar(byte)
            let kept = (byte < 0x80 && (scalar.properties.isAlphabetic || (0x30...0x39).contains(byte)))
                || "-._~!$&'()*+,;=:@/%".unicodeScalars.contains(scalar)
            text += kept ? String(Character(scalar)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return text
    }

    /// Text sent as it is.
    case literal(String)
    /// A path parameter, by its wire name.
    case parameter(String)

    private enum Keys: String, CodingKey { case literal, parameter }

    /// `{"literal": "/pets/"}` or `{"parameter": "petId"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .literal(let text): try container.encode(text, forKey: .literal)
        case .parameter(let name): try container.encode(name, forKey: .parameter)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .literal) {
            self = .literal(text)
        } else {
            self = .parameter(try container.decode(String.self, forKey: .parameter))
        }
    }
}

/// A parameter of an operation.
public struct ParameterModel: Sendable, Equatable, Codable {
    /// The name on the wire.
    public var name: String
    /// The argument label.
    public var swiftName: String
    public var location: Location
    public var required: Bool
    /// The value's type (not optional-wrapped for optional parameters; see ``required``).
    public var type: TypeRef
    public var description: String?
    public var deprecated: Bool
    /// The serialization style: `simple` for path and header, `form` for query and cookie by default.
    public var style: String
    /// Whether arrays and objects are exploded (`form` defaults to true).
    public var explode: Bool
    /// Path segments the value spans (`x-apigen-segments`); 1 for ordinary parameters. Values
    /// spanning more than one keep their `/` unescaped.
    public var segments: Int
    /// Set when the value travels as text of this media type (`content` instead of `schema`).
    public var contentType: String?
    public var defaultValue: SpecValue?
    public var example: SpecValue?
    public var constraints: Constraints
    /// The allowed values, when the type is an enum (for docs).
    public var allowedValues: [SpecValue]?
    public var extensions: [ExtensionModel]
    /// Where the parameter is declared in the spec, for tools that point at it (`apigen diff`).
    /// Not encoded: model dumps stay free of per-parameter positions.
    public var sourceLocation: SourceLocation? = nil

    private enum CodingKeys: String, CodingKey {
        case name, swiftName, location, required, type, description, deprecated, style, explode, segments, contentType,
             defaultValue, example, constraints, allowedValues, extensions
    }

    /// Where a parameter goes.
    public enum Location: String, Sendable, Equatable, Codable {
        case path, query, header, cookie
    }
}

/// A request body.
public struct RequestBodyModel: Sendable, Equatable, Codable {
    public var required: Bool
    public var description: String?
    /// The accepted media types, in document order.
    public var contents: [ContentModel]
}

/// One media type of a body.
public struct ContentModel: Sendable, Equatable, Codable {
    /// As written (`application/json`, `image/*`).
    public var mediaType: String
    public var kind: MediaKind
    /// The body's type; nil when the spec gives no schema (JSON then comes back as `JSONValue`).
    public var type: TypeRef?
    /// Per-property encodings of a form or multipart body.
    public var encodings: [PropertyEncodingModel]
    /// Examples, by name (`example` is named "example").
    public var examples: [ExampleModel]
    /// The one value the body can have, when its schema allows only one (`const`, or an `enum`
    /// of one value): such a body carries no information, so a client returns nothing for it
    /// and a server writes it without being told.
    public var constant: SpecValue?
}

extension ContentModel {
    /// The media type a client sends or expects first: JSON, then form, multipart, text,
    /// server-sent events, and raw bytes.
    public static func preferred(_ contents: [ContentModel]) -> ContentModel? {
        let order: [MediaKind] = [.json, .form, .multipart, .text, .eventStream, .binary]
        return order.lazy.compactMap { kind in contents.first { $0.kind == kind } }.first
    }
}

/// How a media type's body is written.
public enum MediaKind: String, Sendable, Equatable, Codable {
    /// `application/json` and `*/*+json`.
    case json
    /// `application/x-www-form-urlencoded`.
    case form
    /// `multipart/form-data` and other `multipart/*`.
    case multipart
    /// `text/*`, but for event streams.
    case text
    /// `text/event-stream`: server-sent events, each one's data the schema's type (JSON, or
    /// the text itself for a string schema). A client reads them as they arrive.
    case eventStream
    /// Anything else: raw bytes.
    case binary
}

/// How one property of a form or multipart body is encoded.
public struct PropertyEncodingModel: Sendable, Equatable, Codable {
    public var property: String
    public var contentType: String?
    /// The serialization style of a form field (`deepObject` for bracket notation), when given.
    public var style: String?
    public var explode: Bool?
}

/// A named example value.
public struct ExampleModel: Sendable, Equatable, Codable {
    public var name: String
    public var summary: String?
    public var value: SpecValue?
}

/// A documented response.
public struct ResponseModel: Sendable, Equatable, Codable {
    /// `200`, `2XX` or `default`.
    public var status: String
    public var description: String
    public var headers: [HeaderModel]
    public var contents: [ContentModel]

    /// The code, for an exact status.
    public var code: Int? { Int(status) }

    /// Whether this documents success: a 2xx code or the 2XX range.
    public var isSuccess: Bool { status.hasPrefix("2") }
}

/// A response header.
public struct HeaderModel: Sendable, Equatable, Codable {
    public var name: String
    public var swiftName: String
    public var type: TypeRef
    public var required: Bool
    public var description: String?
}

/// What the plain client method returns.
public struct SuccessModel: Sendable, Equatable, Codable {
    /// The decoded body's type. `.json` for JSON without a schema.
    public var type: TypeRef
    public var kind: MediaKind
    public var mediaType: String
    /// Whether some success responses carry no body, so the result is optional.
    public var isOptional: Bool
}

/// `x-apigen-pagination`, resolved against the operation.
public struct PaginationModel: Sendable, Equatable, Codable {
    public var style: Style
    /// The query parameter that asks for a page (`next_page`, `page`), by wire name.
    public var parameter: String
    /// The page-size parameter, for page style where the operation has one.
    public var limitParameter: String?
    /// The response field that carries the next token (token style), by wire name.
    public var tokenField: String?
    /// The response field that says more pages remain (page style), by wire name.
    public var moreField: String?
    /// The response field holding the items, by wire name.
    public var itemsField: String
    /// The type of one page (the success body).
    public var pageType: TypeRef
    /// The type of one item.
    public var itemType: TypeRef

    /// The two paging styles Quay uses.
    public enum Style: String, Sendable, Equatable, Codable {
        /// The response carries a token; send it back to get the next page.
        case token
        /// Pages are numbered from 1; the response says whether more remain.
        case page
    }
}

/// A code sample from `x-codeSamples`.
public struct CodeSampleModel: Sendable, Equatable, Codable {
    public var lang: String
    public var label: String?
    public var source: String
}

/// A callback of an operation.
public struct CallbackModel: Sendable, Equatable, Codable {
    public var name: String
    public var operations: [OperationModel]
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
