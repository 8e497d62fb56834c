/// An `x-` field, kept so emitters can honour apigen's own extensions and docs can show others.
public struct VendorExtension: Sendable {
    /// The field name, `x-` included.
    public var name: String
    /// Its value.
    public var value: SpecValue
    /// Where the field is, for diagnostics about a malformed extension.
    public var location: SourceLocation

    /// Creates an extension.
    public init(name: String, value: SpecValue, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

extension Array where Element == VendorExtension {
    /// The extension with this name.
    public subscript(name: String) -> VendorExtension? {
        first { $0.name == name }
    }
}
