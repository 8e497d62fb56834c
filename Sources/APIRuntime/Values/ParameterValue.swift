/// A value that can travel in a path, query, header or cookie parameter, as text.
///
/// Generated enums conform through their raw value. Booleans are `true`/`false`, dates are
/// ISO 8601, data is base64.
public protocol ParameterValue: Sendable {
    /// The value as it goes on the wire, before percent-encoding.
    var parameterText: String { get }
}

extension String: ParameterValue { public var parameterText: String { self } }
extension Substring: ParameterValue { public var parameterText: String { String(self) } }
extension Int: ParameterValue { public var parameterText: String { String(self) } }
extension Int32: ParameterValue { public var parameterText: String { String(self) } }
extension Int64: ParameterValue { public var parameterText: String { String(self) } }
extension Double: ParameterValue { public var parameterText: String { String(self) } }
extension Float: ParameterValue { public var parameterText: String { String(self) } }
extension Bool: ParameterValue { public var parameterText: String { self ? "true" : "false" } }
extension Date: ParameterValue { public var parameterText: String { ISO8601.string(from: self) } }
extension Data: ParameterValue { public var parameterText: String { base64EncodedString() } }
extension UUID: ParameterValue { public var parameterText: String { uuidString.lowercased() } }
extension JSONValue: ParameterValue {
    /// Strings as they are; anything else as its JSON text.
    public var parameterText: String { stringValue ?? description }
}

extension ParameterValue where Self: RawRepresentable, RawValue: ParameterValue {
    public var parameterText: String { rawValue.parameterText }
}

/// Parses parameter text back into a value: what server stubs do with what clients send.
public protocol ParameterDecodable: Sendable {
    /// The value the text stands for, or nil when it is not one.
    init?(parameterText: String)
}

extension ParameterDecodable where Self: RawRepresentable, RawValue: ParameterDecodable {
    public init?(parameterText: String) {
        guard let raw = RawValue(parameterText: parameterText), let value = Self(rawValue: raw) else { return nil }
        self = value
    }
}

extension String: ParameterDecodable { public init?(parameterText: String) { self = parameterText } }
extension Int: ParameterDecodable { public init?(parameterText: String) { self.init(parameterText) } }
extension Int32: ParameterDecodable { public init?(parameterText: String) { self.init(parameterText) } }
extension Int64: ParameterDecodable { public init?(parameterText: String) { self.init(parameterText) } }
extension Double: ParameterDecodable { public init?(parameterText: String) { self.init(parameterText) } }
extension Float: ParameterDecodable { public init?(parameterText: String) { self.init(parameterText) } }
extension Bool: ParameterDecodable {
    public init?(parameterText: String) {
        switch parameterText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}
extension Date: ParameterDecodable {
    public init?(parameterText: String) {
        guard let date = ISO8601.date(from: parameterText) else { return nil }
        self = date
    }
}
extension Data: ParameterDecodable { public init?(parameterText: String) { self.init(base64Encoded: parameterText) } }
extension JSONValue: ParameterDecodable { public init?(parameterText: String) { self = .string(parameterText) } }
