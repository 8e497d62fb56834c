/// What the spec says about one operation, for code that treats operations generically:
/// mocks, routers, docs tools. Generated servers list theirs in `<Name>APIOperations.all`.
public struct OperationDescription: Sendable, Hashable {
    /// The operationId.
    public var operationID: String
    /// The method.
    public var method: HTTPRequest.Method
    /// The path template as the spec writes it.
    public var path: String
    /// The scopes any alternative asks for, and whether anonymous callers are allowed.
    public var scopes: [String]
    public var allowsAnonymous: Bool
    /// Documented responses: status (`200`, `2XX`, `default`) and their media types.
    public var responses: [(status: String, mediaTypes: [String])]
    /// The spec's example of each response's JSON body, as JSON text, by status.
    public var examples: [String: String]

    /// Creates a description.
    public init(_ operationID: String, _ method: HTTPRequest.Method, _ path: String, scopes: [String], anonymous: Bool,
                responses: [(status: String, mediaTypes: [String])], examples: [String: String] = [:]) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.scopes = scopes
        self.allowsAnonymous = anonymous
        self.responses = responses
        self.examples = examples
    }

    /// The spec's example body for a status, parsed; nil when it gives none.
    public func example(for status: String) -> JSONValue? {
        examples[status].flatMap { try? JSONValue(parsing: Array($0.utf8)) }
    }

    /// The first documented 2xx status and whether it has a body.
    public var success: (status: Int, hasBody: Bool)? {
        responses.lazy.compactMap { response -> (Int, Bool)? in
            guard let code = Int(response.status), (200..<300).contains(code) else { return nil }
            return (code, !response.mediaTypes.isEmpty)
        }.first
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.operationID == rhs.operationID && lhs.method == rhs.method && lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(operationID) }
}
