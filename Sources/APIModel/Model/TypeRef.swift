/// A type as it is used somewhere: a property, a parameter, a body, an item.
public indirect enum TypeRef: Sendable, Hashable {
    /// A string, with its `format` (`date-time`, `date`, `uuid`, `uri`, `byte`, `binary`, ...).
    case string(format: String?)
    /// An integer, with its `format` (`int32`, `int64`).
    case integer(format: String?)
    /// A number, with its `format` (`float`, `double`).
    case number(format: String?)
    /// A boolean.
    case boolean
    /// An array of elements.
    case array(TypeRef)
    /// An object with arbitrary keys, every value of one type.
    case dictionary(TypeRef)
    /// A named type of the model, by its Swift name.
    case named(String)
    /// Any JSON value: no schema, or one apigen cannot type more precisely.
    case json
    /// The wrapped type or `null`.
    case nullable(TypeRef)

    /// The type without any `nullable` wrapper.
    public var nonNullable: TypeRef {
        if case .nullable(let wrapped) = self { return wrapped.nonNullable }
        return self
    }

    /// Whether `null` is allowed.
    public var isNullable: Bool {
        if case .nullable = self { return true }
        return false
    }

    /// The named types this mentions, outermost first.
    public var namedTypes: [String] {
        switch self {
        case .named(let name): return [name]
        case .array(let element), .dictionary(let element), .nullable(let element): return element.namedTypes
        default: return []
        }
    }
}

extension TypeRef: Codable {
    private enum Keys: String, CodingKey { case kind, format, element, name }

    /// Encoded as `{"kind": "array", "element": {...}}` and so on, which reads well in a model dump.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .string(let format):
            try container.encode("string", forKey: .kind)
            try container.encodeIfPresent(format, forKey: .format)
        case .integer(let format):
            try container.encode("integer", forKey: .kind)
            try container.encodeIfPresent(format, forKey: .format)
        case .number(let format):
            try container.encode("number", forKey: .kind)
            try container.encodeIfPresent(format, forKey: .format)
        case .boolean:
            try container.encode("boolean", forKey: .kind)
        case .array(let element):
            try container.encode("array", forKey: .kind)
            try container.encode(element, forKey: .element)
        case .dictionary(let element):
            try container.encode("dictionary", forKey: .kind)
            try container.encode(element, forKey: .element)
        case .named(let name):
            try container.encode("named", forKey: .kind)
            try container.encode(name, forKey: .name)
        case .json:
            try container.encode("json", forKey: .kind)
        case .nullable(let element):
            try container.encode("nullable", forKey: .kind)
            try container.encode(element, forKey: .element)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "string": self = .string(format: try container.decodeIfPresent(String.self, forKey: .format))
        case "integer": self = .integer(format: try container.decodeIfPresent(String.self, forKey: .format))
        case "number": self = .number(format: try container.decodeIfPresent(String.self, forKey: .format))
        case "boolean": self = .boolean
        case "array": self = .array(try container.decode(TypeRef.self, forKey: .element))
        case "dictionary": self = .dictionary(try container.decode(TypeRef.self, forKey: .element))
        case "named": self = .named(try container.decode(String.self, forKey: .name))
        case "json": self = .json
        case "nullable": self = .nullable(try container.decode(TypeRef.self, forKey: .element))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind '\(kind)'")
        }
    }
}
