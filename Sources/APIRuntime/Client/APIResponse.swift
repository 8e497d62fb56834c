/// A whole response: status, headers and the raw body, with the success body decoded on request.
///
/// This is what each operation's `…Raw` variant returns. It never throws for an HTTP status;
/// ``body()`` does.
public struct APIResponse<Body: Sendable>: Sendable {
    /// The operation that was called.
    public let operationID: String
    /// The status.
    public let status: HTTPResponse.Status
    /// The header fields.
    public let headerFields: HTTPFields
    /// The body as received.
    public let bytes: [UInt8]
    /// The server's id for the request, from the header ``ClientOptions/requestIDHeader`` names.
    public let requestID: String?
    /// How many times the request was sent (1 when it was not retried).
    public let attempts: Int
    private let decode: @Sendable ([UInt8]) throws -> Body

    init(operationID: String, status: HTTPResponse.Status, headerFields: HTTPFields, bytes: [UInt8], requestID: String? = nil,
         attempts: Int = 1, decode: @escaping @Sendable ([UInt8]) throws -> Body) {
        self.operationID = operationID
        self.status = status
        self.headerFields = headerFields
        self.bytes = bytes
        self.requestID = requestID
        self.attempts = attempts
        self.decode = decode
    }

    /// The same response, decoded another way.
    func decoding<Other: Sendable>(_ decode: @escaping @Sendable ([UInt8]) throws -> Other) -> APIResponse<Other> {
        APIResponse<Other>(operationID: operationID, status: status, headerFields: headerFields, bytes: bytes, requestID: requestID,
                           attempts: attempts, decode: decode)
    }

    /// Whether the status is 2xx: success, whether the spec lists that status or not.
    public var isSuccess: Bool { status.kind == .successful }

    /// The body as JSON, when it is JSON.
    public var json: JSONValue? { try? JSONValue(parsing: bytes) }

    /// The body as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A header's value.
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headerFields[$0] }
    }

    /// The decoded success body. Throws ``ResponseError`` when the status is not 2xx, or when a
    /// 2xx body cannot be decoded as the spec says.
    public func body() throws -> Body {
        guard isSuccess else {
            throw ResponseError(kind: .status, operationID: operationID, status: status, headerFields: headerFields, bytes: bytes,
                                requestID: requestID)
        }
        do {
            return try decode(bytes)
        } catch {
            throw ResponseError(kind: .undecodableBody(String(describing: error)), operationID: operationID, status: status,
                                headerFields: headerFields, bytes: bytes, requestID: requestID)
        }
    }
}
