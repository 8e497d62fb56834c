/// Identifies a schema with its own identity: the file it is in and its JSON pointer there.
public struct SchemaKey: Sendable, Hashable, CustomStringConvertible {
    /// The file, as named.
    public var file: String
    /// The pointer inside the file, `#/components/schemas/Pet` or `#` for a whole file.
    public var pointer: String

    /// Creates a key.
    public init(file: String, pointer: String) {
        self.file = file
        self.pointer = pointer
    }

    public var description: String { "\(file)\(pointer)" }

    /// Hashes the pointer alone: keys are looked up often, most specs are one file, and the
    /// file's path is long.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(pointer)
    }
}

/// A schema with an identity: a component, or the target of a `$ref`.
public struct NamedSchema: Sendable {
    /// The key `$ref`s resolve to.
    public var key: SchemaKey
    /// Its name: the component name, or the last token of the pointer, or the file's base name.
    public var name: String
    /// Whether it is one of the root document's `components/schemas`.
    public var isComponent: Bool
    /// The schema itself.
    public var schema: SchemaRef
}

/// A schema in place, or a reference to a named one.
public indirect enum SchemaRef: Sendable {
    /// A `$ref` to a named schema. `description` is a sibling description that overrides the
    /// target's in this place.
    case reference(SchemaKey, description: String?, location: SourceLocation)
    /// A schema written here.
    case inline(Schema)

    /// Where this schema or reference is written.
    public var location: SourceLocation {
        switch self {
        case .reference(_, _, let location): return location
        case .inline(let schema): return schema.location
        }
    }
}

/// A JSON Schema object as OpenAPI 3.0 and 3.1 use it.
public struct Schema: Sendable {
    /// `type`: one name, several (3.1), or nil when absent. `nullable: true` (3.0) adds `null`.
    public var types: [String]?
    public var format: String?
    public var title: String?
    public var description: String?
    public var enumValues: [SpecValue]?
    public var constValue: SpecValue?
    public var defaultValue: SpecValue?
    public var examples: [SpecValue]
    /// `properties`, in document order.
    public var properties: [(name: String, schema: SchemaRef)]
    public var required: [String]
    public var additionalProperties: AdditionalProperties?
    public var items: SchemaRef?
    public var allOf: [SchemaRef]?
    public var oneOf: [SchemaRef]?
    public var anyOf: [SchemaRef]?
    public var discriminator: Discriminator?
    public var readOnly: Bool
    public var writeOnly: Bool
    public var deprecated: Bool
    public var constraints: Constraints
    /// 3.1 `contentEncoding` / `contentMediaType` (the 3.1 way to say "binary" or "base64").
    public var contentEncoding: String?
    public var contentMediaType: String?
    public var extensions: [VendorExtension]
    public var location: SourceLocation
    public var pointer: String

    /// An empty schema: anything goes.
    public static func any(at location: SourceLocation, pointer: String) -> Schema {
        Schema(types: nil, format: nil, title: nil, description: nil, enumValues: nil, constValue: nil,
               defaultValue: nil, examples: [], properties: [], required: [], additionalProperties: nil,
               items: nil, allOf: nil, oneOf: nil, anyOf: nil, discriminator: nil, readOnly: false,
               writeOnly: false, deprecated: false, constraints: Constraints(), contentEncoding: nil,
               contentMediaType: nil, extensions: [], location: location, pointer: pointer)
    }

    /// Whether `null` is one of the allowed types.
    public var allowsNull: Bool { types?.contains("null") ?? false }
}

/// `additionalProperties`.
public enum AdditionalProperties: Sendable {
    /// `true` or `false`.
    case allowed(Bool)
    /// A schema every extra property must match.
    case schema(SchemaRef)
}

/// A discriminator: the property that names the variant, and explicit value mappings.
public struct Discriminator: Sendable {
    public var propertyName: String
    /// `mapping`, in order: a discriminator value and the schema it selects.
    public var mapping: [(value: String, schema: SchemaKey)]
}

/// Validation keywords, kept for docs and server-side checks.
public struct Constraints: Sendable, Hashable, Codable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool?

    /// No constraints.
    public init() {}

    /// Whether nothing is constrained.
    public var isEmpty: Bool { self == Constraints() }
}
