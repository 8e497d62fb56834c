/// A type the generated code declares: a struct, an enum, a union or an alias.
public struct NamedType: Sendable, Equatable, Codable {
    /// The Swift type name, unique in the module.
    public var name: String
    /// Where the name came from: the schema's name in the spec, or the place an inline schema
    /// was found (`Pet.owner`, `listRepos 200 response`).
    public var specName: String
    /// Where the type comes from.
    public var origin: Origin
    public var title: String?
    public var description: String?
    public var deprecated: Bool
    public var kind: Kind
    public var examples: [SpecValue]
    /// Vendor extensions on the schema.
    public var extensions: [ExtensionModel]
    public var location: SourceLocation

    /// Where a named type comes from.
    public enum Origin: String, Sendable, Equatable, Codable {
        /// One of the document's `components/schemas` (or the schema in another file one stands for).
        case component
        /// A schema reached by `$ref` somewhere else: another file, or `$defs`.
        case referenced
        /// A schema written in place (a property, a parameter, a body) that needed a type.
        case inline
    }

    /// What a named type is.
    public enum Kind: Sendable, Equatable, Codable {
        /// A struct with properties.
        case object(ObjectType)
        /// A closed set of values; decoding an unknown value gives `unknown(...)`.
        case enumeration(EnumType)
        /// One of several types (`oneOf`/`anyOf`).
        case union(UnionType)
        /// Another name for a type (`typealias`).
        case alias(TypeRef)
    }
}

/// The properties of a struct.
public struct ObjectType: Sendable, Equatable, Codable {
    /// Properties in document order (those from `allOf` parts first, in part order).
    public var properties: [Property]
    /// The type of extra properties when the schema types them; nil when they are ignored.
    public var additionalProperties: TypeRef?
    /// The Swift name of the member that holds extra properties, when there is one.
    public var additionalPropertiesName: String?
    /// `allOf` parts that are unions: each is read from the same JSON object as the properties
    /// and written into it. Nil when there are none.
    public var composedParts: [ComposedPart]?

    /// An object type.
    public init(properties: [Property], additionalProperties: TypeRef?, additionalPropertiesName: String?,
                composedParts: [ComposedPart]? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.additionalPropertiesName = additionalPropertiesName
        self.composedParts = composedParts
    }
}

/// An `allOf` part of an object that is a union (`oneOf`/`anyOf`): its value shares the JSON
/// object with the other parts' properties.
public struct ComposedPart: Sendable, Equatable, Codable {
    /// The Swift member that holds it.
    public var swiftName: String
    public var type: TypeRef
    public var description: String?
}

/// A property of a struct.
public struct Property: Sendable, Equatable, Codable {
    /// The JSON key.
    public var name: String
    /// The Swift property name, unique in its type.
    public var swiftName: String
    /// The value's type; `.nullable` when the schema allows `null`.
    public var type: TypeRef
    /// Whether the key must be present. Not required, or nullable, means an optional in Swift.
    public var required: Bool
    public var description: String?
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    public var defaultValue: SpecValue?
    public var constValue: SpecValue?
    public var constraints: Constraints
    public var examples: [SpecValue]
    /// True when the property's type contains its owner by value, so it must be boxed.
    public var isRecursive: Bool
    /// Where the property's schema is in the spec, for tools that point at it (`apigen diff`).
    /// Not encoded: model dumps stay free of per-property positions.
    public var sourceLocation: SourceLocation? = nil

    private enum CodingKeys: String, CodingKey {
        case name, swiftName, type, required, description, deprecated, readOnly, writeOnly, defaultValue, constValue,
             constraints, examples, isRecursive
    }
}

/// An enumeration's raw type and cases.
public struct EnumType: Sendable, Equatable, Codable {
    public var rawType: RawType
    public var cases: [EnumCase]
    /// Whether `null` is one of the values.
    public var isNullable: Bool

    /// The JSON kind of the values.
    public enum RawType: String, Sendable, Equatable, Codable {
        case string, integer, number, boolean
    }
}

/// One case of an enum.
public struct EnumCase: Sendable, Equatable, Codable {
    /// The Swift case name, unique in its enum (`unknown` is kept for unknown values).
    public var swiftName: String
    /// The value on the wire.
    public var value: SpecValue
    public var description: String?
}

/// A type that is one of several.
public struct UnionType: Sendable, Equatable, Codable {
    /// `oneOf` (exactly one) or `anyOf` (one or more).
    public var kind: Kind
    public var variants: [UnionVariant]
    /// The property that names the variant, when there is a discriminator.
    public var discriminator: String?

    /// Which keyword made the union.
    public enum Kind: String, Sendable, Equatable, Codable {
        case oneOf, anyOf
    }
}

/// One variant of a union.
public struct UnionVariant: Sendable, Equatable, Codable {
    /// The Swift case name.
    public var swiftName: String
    public var type: TypeRef
    /// The discriminator values that select it (from the mapping, or the schema's name).
    public var discriminatorValues: [String]
    /// True when the variant contains the union by value, so the case must be `indirect`.
    public var isRecursive: Bool
}

extension NamedType.Kind {
    private enum Keys: String, CodingKey { case object, enumeration, union, alias }

    /// One key naming the kind, its payload under it: `{"object": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .object(let value): try container.encode(value, forKey: .object)
        case .enumeration(let value): try container.encode(value, forKey: .enumeration)
        case .union(let value): try container.encode(value, forKey: .union)
        case .alias(let value): try container.encode(value, forKey: .alias)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let value = try container.decodeIfPresent(ObjectType.self, forKey: .object) {
            self = .object(value)
        } else if let value = try container.decodeIfPresent(EnumType.self, forKey: .enumeration) {
            self = .enumeration(value)
        } else if let value = try container.decodeIfPresent(UnionType.self, forKey: .union) {
            self = .union(value)
        } else {
            self = .alias(try container.decode(TypeRef.self, forKey: .alias))
        }
    }
}
