/// Helpers for the `Codable` code of generated unions and open objects.
public enum UnionCoding {
    /// The value of a union's discriminator property, as text.
    public static func discriminator(_ property: String, in decoder: any Decoder) throws -> String {
        let container = try decoder.container(keyedBy: AnyKey.self)
        return try container.decode(String.self, forKey: AnyKey(stringValue: property))
    }

    /// The variant that fits a value best, for a union whose variants are objects and that has
    /// no discriminator: every variant that decodes is encoded again, and the one that gives
    /// back most of the value wins (the first, on a tie). An object whose properties are all
    /// optional decodes from anything; it wins only where nothing keeps more.
    public static func bestFit<T: Encodable>(_ decoder: any Decoder, _ typeName: String,
                                             _ candidates: [(any Decoder) throws -> T]) throws -> T {
        let input = try decoder.singleValueContainer().decode(JSONValue.self)
        let total = leafCount(input)
        var best: (value: T, score: Int)?
        for candidate in candidates {
            guard let value = try? candidate(decoder) else { continue }
            let score = (try? JSONValue(encoding: value)).map { matchingLeaves($0, in: input) } ?? 0
            if score == total { return value }
            if best.map({ score > $0.score }) ?? true { best = (value, score) }
        }
        guard let best else { throw noMatch(typeName, in: decoder) }
        return best.value
    }

    private static func leafCount(_ value: JSONValue) -> Int {
        switch value {
        case .object(let members): return members.values.reduce(0) { $0 + leafCount($1) }
        case .array(let items): return items.reduce(0) { $0 + leafCount($1) }
        case .null: return 0
        default: return 1
        }
    }

    /// How many of `output`'s leaves stand in `input` at the same place with the same value.
    private static func matchingLeaves(_ output: JSONValue, in input: JSONValue) -> Int {
        switch (output, input) {
        case (.object(let produced), .object(let given)):
            return produced.reduce(0) { sum, member in sum + (given[member.key].map { matchingLeaves(member.value, in: $0) } ?? 0) }
        case (.array(let produced), .array(let given)):
            return zip(produced, given).reduce(0) { $0 + matchingLeaves($1.0, in: $1.1) }
        case (.null, _):
            return 0
        default:
            return output == input ? 1 : 0
        }
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

/// A coding key for any name: what generated types code their properties with, each key
/// written as the JSON key itself (`forKey: "manifest_digest"`).
public struct AnyKey: CodingKey, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}
