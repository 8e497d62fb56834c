/// Decoding for request bodies on a server: like the client's, except that enum values the
/// spec does not list are errors, and errors become one readable line naming the field.
public enum StrictDecoding {
    /// The key generated enums read to know they must reject unknown values.
    public static let rejectUnknownValues = CodingUserInfoKey(rawValue: "apigen.rejectUnknownValues")!

    /// Decodes JSON bytes as a type, rejecting unknown enum values.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let decoder = JSONCoding.decoder()
        decoder.userInfo[rejectUnknownValues] = true
        return try decoder.decode(T.self, from: Data(bytes))
    }

    /// `'limit' (at tags[0].limit): expected an integer` and the like.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the body" : "'\(text)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "missing required field '\(key.stringValue)'\(parent)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(describeType(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(describeType(type)), not null"
        case .dataCorrupted(let context):
            // Foundation's words for text that is not JSON; anything else at the top is about the value.
            if context.codingPath.isEmpty {
                return context.underlyingError != nil || context.debugDescription == "The given data was not valid JSON."
                    ? "malformed JSON" : "the body: \(context.debugDescription)"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int32.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") || name.contains("KeyedDecodingContainer") { return "an object" }
            return "an object"
        }
    }
}

extension Decoder {
    /// Whether enum values the spec does not list must be rejected (server request bodies).
    public var rejectsUnknownValues: Bool {
        userInfo[StrictDecoding.rejectUnknownValues] as? Bool ?? false
    }
}

/// `Decodable` for generated enums: any value decodes (as `unknown(...)` when the spec does
/// not list it), except on a server, which rejects unknown values.
public enum OpenEnumCoding {
    /// Decodes the raw value and makes the case.
    public static func decode<E: OpenEnum & RawRepresentable>(from decoder: any Decoder) throws -> E where E.RawValue: Decodable {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(E.RawValue.self)
        guard let value = E(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(raw)' is not a valid value")
        }
        if !value.isKnown, decoder.rejectsUnknownValues {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be one of \(value.knownValues.map { "'\($0)'" }.joined(separator: ", ")), not '\(raw)'")
        }
        return value
    }
}
