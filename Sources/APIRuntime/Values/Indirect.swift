/// Boxes a property whose type contains its owner (`Node.next: Node?`), which a struct cannot
/// hold directly. Encodes and decodes as the value itself, and an optional one may be absent.
@propertyWrapper
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Boxes a value.
    public init(wrappedValue: Value) { box = Box(wrappedValue) }

    /// The value.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try Value(from: decoder))
    }
}

extension Indirect: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

/// Lets synthesized `Codable` treat an `@Indirect` optional like a plain optional: absent keys
/// decode as nil, and nil is left out when encoding.
public protocol OptionalProtocol {
    /// Nil.
    static var none: Self { get }
    /// Whether this is nil.
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    public var isNone: Bool { self == nil }
}

extension KeyedDecodingContainer {
    public func decode<T: Decodable & OptionalProtocol>(_ type: Indirect<T>.Type, forKey key: Key) throws -> Indirect<T> {
        try decodeIfPresent(type, forKey: key) ?? Indirect(wrappedValue: T.none)
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<T: Encodable & OptionalProtocol>(_ value: Indirect<T>, forKey key: Key) throws {
        if !value.wrappedValue.isNone { try encodeIfPresent(value, forKey: key) }
    }
}
