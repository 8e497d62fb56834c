/// `application/x-www-form-urlencoded` bodies, from and to `Codable` values.
///
/// Top-level properties become fields. Arrays repeat their field (`tag=a&tag=b`); nested
/// objects use brackets (`owner[name]=x`); `nil` fields are left out.
public enum FormEncoding {
    /// Encodes a value's properties as form fields.
    public static func encode(_ value: some Encodable) throws -> String {
        let json = try JSONValue(encoding: value)
        guard case .object(let members) = json else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a form body must be an object"))
        }
        var fields: [String] = []
        for key in members.keys.sorted() {
            append(key, members[key] ?? .null, to: &fields)
        }
        return fields.joined(separator: "&")
    }

    private static func append(_ name: String, _ value: JSONValue, to fields: inout [String]) {
        switch value {
        case .null: return
        case .array(let items): items.forEach { append(name, $0, to: &fields) }
        case .object(let members):
            for key in members.keys.sorted() { append("\(name)[\(key)]", members[key] ?? .null, to: &fields) }
        default:
            fields.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value.parameterText))
        }
    }

    /// Decodes form fields into a value: fields named like its properties, repeated fields as
    /// arrays, and text converted to numbers and booleans where the type wants them.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var members: [String: JSONValue] = [:]
        for field in text.split(separator: "&") where !field.isEmpty {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decode(parts[0], plusIsSpace: true),
                  let value = PercentEncoding.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "malformed form field '\(field)'"))
            }
            switch members[name] {
            case nil: members[name] = .string(value)
            case .array(var items)?: items.append(.string(value)); members[name] = .array(items)
            case let existing?: members[name] = .array([existing, .string(value)])
            }
        }
        return try LenientDecoding.decode(T.self, from: .object(members))
    }
}

/// Decodes text-valued JSON (form fields, query strings) into typed values, reading "42" as a
/// number and "true" as a boolean where the type asks for one.
enum LenientDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if let typed = try? value.decode(as: T.self) { return typed }
        return try coerced(value).decode(as: T.self)
    }

    /// Strings that read as numbers or booleans become them; a single value that should be a list
    /// is tried as a list by the caller's type.
    private static func coerced(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            if let number = Int(text) { return .int(number) }
            if let number = Double(text) { return .double(number) }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            return value
        case .array(let items): return .array(items.map(coerced))
        case .object(let members): return .object(members.mapValues(coerced))
        default: return value
        }
    }
}
