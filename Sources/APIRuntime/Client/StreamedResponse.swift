/// A response whose success body is read as it arrives: what the `…Raw` variant of an
/// operation with a streamed response (bytes, server-sent events) returns.
///
/// A 2xx body is left unread for ``body()`` to hand over; any other body was collected, so an
/// error can show it. It never throws for an HTTP status; ``body()`` does.
public struct StreamedResponse<Body: Sendable>: Sendable {
    /// The operation that was called.
    public let operationID: String
    /// The status.
    public let status: HTTPResponse.Status
    /// The header fields.
    public let headerFields: HTTPFields
    /// The server's id for the request, from the header ``ClientOptions/requestIDHeader`` names.
    public let requestID: String?
    /// How many times the request was sent (1 when it was not retried).
    public let attempts: Int

    /// The body: still to read (2xx), or collected.
    enum Received: Sendable {
        case streaming(Body)
        case collected([UInt8])
    }

    private let received: Received

    init(operationID: String, status: HTTPResponse.Status, headerFields: HTTPFields, received: Received, requestID: String?,
         attempts: Int) {
        self.operationID = operationID
        self.status = status
        self.headerFields = headerFields
        self.received = received
        self.requestID = requestID
        self.attempts = attempts
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { status.kind == .successful }

    /// A header's value.
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headerFields[$0] }
    }

    /// The body of a response that is not 2xx, as received; empty for a 2xx one, whose body is
    /// the stream ``body()`` returns.
    public var bytes: [UInt8] {
        if case .collected(let bytes) = received { return bytes }
        return []
    }

    /// The streamed success body. Throws ``ResponseError`` when the status is not 2xx.
    public func body() throws -> Body {
        switch received {
        case .streaming(let body) where isSuccess:
            return body
        default:
            throw ResponseError(kind: .status, operationID: operationID, status: status, headerFields: headerFields, bytes: bytes,
                                requestID: requestID)
        }
    }
}
