/// Helpers for the `Codable` code of generated unions and open objects.
public enum UnionCoding {
    /// The value of a union's discriminator property, as text.
    public static func discriminator(_ property: String, in decoder: any Decoder) throws -> String {
        let container = try decoder.container(keyedBy: AnyKey.self)
        return try container.decode(String.self, forKey: AnyKey(stringValue: property))
    }

    /// The error when no variant of a union fits.
    public static func noMatch(_ typeName: String, in decoder: any Decoder) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                          debugDescription: "the value matches none of the types \(typeName) can be"))
    }

}

extension Decoder {
    /// The object's members other than `known`, decoded as `Value`: a schema's
    /// `additionalProperties`.
    public func additionalProperties<Value: Decodable>(excluding known: Set<String>) throws -> [String: Value] {
        let all = try singleValueContainer().decode([String: JSONValue].self)
        var result: [String: Value] = [:]
        for (key, value) in all where !known.contains(key) {
            result[key] = try value.decode(as: Value.self)
        }
        return result
    }
}

extension Encoder {
    /// Writes extra members beside the named ones.
    public func encodeAdditionalProperties<Value: Encodable>(_ values: [String: Value]) throws {
        var container = container(keyedBy: AnyKey.self)
        for key in values.keys.sorted() {
            if let value = values[key] { try container.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }
}

/// A coding key for any name.
public struct AnyKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
