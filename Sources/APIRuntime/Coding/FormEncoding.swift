/// `application/x-www-form-urlencoded` bodies, from and to `Codable` values.
///
/// Top-level properties become fields. Arrays of scalars repeat their field (`tag=a&tag=b`), or
/// are `tag[]=a&tag[]=b` for a property encoded as deepObject; nested objects use brackets
/// (`card[exp_month]=12`), arrays of objects an index (`items[0][price]=p`); `nil` fields are
/// left out.
public enum FormEncoding {
    /// Encodes a value's properties as form fields.
    public static func encode(_ value: some Encodable, deepObject: Set<String> = []) throws -> String {
        let json = try JSONValue(encoding: value)
        guard case .object(let members) = json else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a form body must be an object"))
        }
        var pairs: [(String, String)] = []
        for key in members.keys.sorted() {
            let member = members[key] ?? .null
            if case .array(let items) = member, !deepObject.contains(key),
               !items.contains(where: { $0.objectValue != nil || $0.arrayValue != nil }) {
                pairs += items.map { (key, $0.parameterText) }
            } else {
                StyledText.brackets(key, member, into: &pairs)
            }
        }
        return pairs.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }.joined(separator: "&")
    }

    /// Decodes form fields into a value: bracket names nest, repeated fields are lists, and each
    /// text is read as the type its property wants (`"12"` is a number to an `Int`).
    /// `rejectingUnknownValues` is the server's strictness: enum values the spec does not list
    /// are errors.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, rejectingUnknownValues: Bool = false) throws -> T {
        var pairs: [(name: String, value: String)] = []
        for field in text.split(separator: "&") where !field.isEmpty {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decode(parts[0], plusIsSpace: true),
                  let value = PercentEncoding.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "malformed form field '\(field)'"))
            }
            pairs.append((name, value))
        }
        return try TextTreeDecoder(rejectsUnknownValues: rejectingUnknownValues).decode(T.self, from: StyledText.tree(pairs))
    }
}
