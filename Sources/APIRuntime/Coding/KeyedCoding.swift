/// The calls generated types code their properties with, keyed by the JSON key itself:
///
/// ```swift
/// self.manifestDigest = try container.required("manifest_digest")
/// self.expiration = try container.optional("expiration")
/// try container.put(self.manifestDigest, "manifest_digest")
/// try container.putIfPresent(self.expiration, "expiration")
/// ```
///
/// One generic method each, where `decode(_:forKey:)` and its kin have a dozen overloads
/// apiece: the type comes from the property the value is assigned to or read from, so the
/// compiler has one candidate to check instead of a dozen, for every property of every type.
extension KeyedDecodingContainer where K == AnyKey {
    /// The value of a key that must be there.
    @inlinable
    public func required<T: Decodable>(_ key: String) throws -> T {
        try decode(T.self, forKey: AnyKey(stringValue: key))
    }

    /// The value of a key that may be missing or `null`: nil then.
    @inlinable
    public func optional<T: Decodable>(_ key: String) throws -> T? {
        try decodeIfPresent(T.self, forKey: AnyKey(stringValue: key))
    }
}

extension KeyedEncodingContainer where K == AnyKey {
    /// Writes a value under a key.
    @inlinable
    public mutating func put<T: Encodable>(_ value: T, _ key: String) throws {
        try encode(value, forKey: AnyKey(stringValue: key))
    }

    /// Writes a value under a key, or nothing when it is nil.
    @inlinable
    public mutating func putIfPresent<T: Encodable>(_ value: T?, _ key: String) throws {
        try encodeIfPresent(value, forKey: AnyKey(stringValue: key))
    }
}
