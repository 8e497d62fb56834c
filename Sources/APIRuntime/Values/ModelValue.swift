/// What every generated struct and union is: `Codable`, `Hashable` and `Sendable`, with
/// equality and hashing by value as the JSON it encodes to.
///
/// Two values are equal when they encode to the same JSON (object keys in any order), which
/// is what equality means for a message on the wire. The compiler would otherwise write an
/// `==` and a `hash(into:)` for every type, visiting each property: measured on Stripe's
/// client, those synthesized bodies were a quarter of its build time. Here they are written
/// once, and each type pays only for its conformance.
///
/// Comparing encodes both values, so it costs about what encoding them does: fine for tests,
/// caches and SwiftUI diffing; in a hot loop over large values, compare the fields you need.
public protocol ModelValue: Codable, Hashable, Sendable {}

extension ModelValue {
    /// Whether both encode to the same JSON.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.encodedValue == rhs.encodedValue
    }

    /// Hashes the JSON the value encodes to, so equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(encodedValue)
    }

    /// The value as JSON; nil for one that does not encode (a non-finite number).
    private var encodedValue: JSONValue? {
        try? JSONValue(encoding: self)
    }
}
