/// The one table of words that cannot be used as they are in generated Swift.
public enum SwiftKeywords {
    /// Swift's reserved words. As a member, case or label one of these needs backticks.
    public static let reserved: Set<String> = [
        // declarations
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "precedencegroup",
        "private", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        // statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "switch", "throw", "where", "while",
        // expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        // contextual words that read badly unescaped in some positions
        "async", "some", "any", "each", "macro",
    ]

    /// Members that even backticks cannot make usable (`x.self` means x itself, and so on).
    /// They get a leading underscore instead.
    public static let unusableMembers: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"]

    /// Type names that generated code uses from Swift, Foundation, HTTPTypes and the runtime.
    /// A schema with one of these names gets the suffix `Model`.
    public static let reservedTypes: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "Data", "Date", "Decodable",
        "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float", "Hashable", "Int",
        "Int32", "Int64", "Never", "Optional", "Protocol", "Result", "Self", "Sendable", "Set", "String", "Type",
        "UInt", "URL", "UUID", "Void", "JSONValue", "HTTPBody", "HTTPRequest", "HTTPResponse", "HTTPFields",
        "ClientTransport", "ServerTransport", "ClientMiddleware", "ServerMiddleware", "Foundation", "APIRuntime",
        "OpenAPIRuntime", "HTTPTypes", "CodingKeys", "AsyncSequence", "Task",
        // APIRuntime's own types, which generated code names unqualified.
        "APIClient", "APIRequest", "APIResponse", "ResponseError", "Secret", "BearerTokenMiddleware", "TokenPages",
        "NumberedPages", "PageItems", "Indirect", "MultipartForm", "ParameterValue", "ParameterDecodable", "OpenEnum",
        "OpenEnumCoding", "UnionCoding", "StrictDecoding", "JSONCoding", "ISO8601", "FormEncoding", "PercentEncoding",
        "AnyKey", "OptionalProtocol", "HTTPProblem", "ServerCall", "ServerOptions", "ServerRouting", "SecurityRule",
        "Principal", "Authorizer", "BearerTokenAuthorizer", "ModelValue", "BodyShape", "ValueRules",
    ]
}
