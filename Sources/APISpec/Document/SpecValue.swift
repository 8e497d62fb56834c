/// A JSON value from the spec (a default, an example, an enum value, a vendor extension), with
/// object members kept in document order.
public enum SpecValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SpecValue])
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: SpecValue

        /// Creates a member.
        public init(_ key: String, _ value: SpecValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of an object member, if this is an object that has it.
    public subscript(key: String) -> SpecValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer, if this is one (or a double with no fraction).
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 1e18: return Int(value)
        default: return nil
        }
    }

    /// The value as plain text: strings bare, numbers and booleans as written in JSON,
    /// anything else as its JSON text. What enum case names and messages are made from.
    public var plainText: String {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return jsonText
        }
    }

    /// The JSON text of this value, compact, members in order. Deterministic.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if value.isNaN || value.isInfinite { return "null" }
            if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) + ".0" }
            return String(value)
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal for `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension SpecValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            // Keyed containers do not keep order; sort for determinism.
            self = .object(try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                Member($0.stringValue, try container.decode(SpecValue.self, forKey: $0))
            })
        } else if var container = try? decoder.unkeyedContainer() {
            var items: [SpecValue] = []
            while !container.isAtEnd { items.append(try container.decode(SpecValue.self)) }
            self = .array(items)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else { self = .string(try container.decode(String.self)) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(member.value, forKey: Key(stringValue: member.key)) }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}

extension Node {
    /// This node as a JSON value: plain scalars resolved by the YAML 1.2 core schema.
    var specValue: SpecValue {
        switch content {
        case let .scalar(text, isPlain):
            guard isPlain else { return .string(text) }
            switch ScalarResolver.resolve(text) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items): return .array(items.map(\.specValue))
        case .mapping(let entries): return .object(entries.map { SpecValue.Member($0.key, $0.value.specValue) })
        }
    }
}
