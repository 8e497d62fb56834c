/// How a type is written in Swift: the one spelling every emitter uses.
extension TypeRef {
    /// `String`, `Date`, `[Tag]`, `[String: JSONValue]`, `Repository?`.
    public var swiftSpelling: String {
        switch self {
        case .string(let format):
            switch format {
            case "date-time": return "Date"
            case "byte", "binary": return "Data"
            default: return "String"
            }
        case .integer(let format):
            switch format {
            case "int32": return "Int32"
            case "int64": return "Int64"
            default: return "Int"
            }
        case .number(let format): return format == "float" ? "Float" : "Double"
        case .boolean: return "Bool"
        case .array(let element): return "[\(element.swiftSpelling)]"
        case .dictionary(let element): return "[String: \(element.swiftSpelling)]"
        case .named(let typeName): return typeName
        case .json: return "JSONValue"
        case .nullable(let wrapped):
            let inner = wrapped.swiftSpelling
            return inner.hasSuffix("?") ? inner : inner + "?"
        }
    }
}
