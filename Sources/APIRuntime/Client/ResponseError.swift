/// The one error a generated client throws when the server answers but not with what was
/// asked: a status that is not 2xx, or a 2xx body that does not decode.
///
/// It keeps everything the server said: status, headers, the raw bytes, and the body as
/// ``JSONValue``. Each generated client adds a typed accessor for its spec's error schema
/// (Quay's is `apiError`). It never holds the request, so it cannot leak a token.
///
/// ```swift
/// do {
///     try await quay.repository.deleteRepository(repository: "quayadmin/old")
/// } catch let error as ResponseError where error.status == .notFound {
///     print(error.apiError?.detail ?? error.body.description)
/// }
/// ```
public struct ResponseError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The status was not 2xx.
        case status
        /// The status was 2xx, but the body did not decode as the spec says; the reason is attached.
        case undecodableBody(String)
    }

    /// What went wrong.
    public let kind: Kind
    /// The operation that was called.
    public let operationID: String
    /// The status.
    public let status: HTTPResponse.Status
    /// The header fields.
    public let headerFields: HTTPFields
    /// The body as received.
    public let bytes: [UInt8]
    /// The body as JSON; a body that is not JSON becomes a string; an empty one `null`.
    public let body: JSONValue
    /// The server's id for the request, when it sent one: what its operators ask for.
    public let requestID: String?

    /// Creates an error from a response.
    public init(kind: Kind, operationID: String, status: HTTPResponse.Status, headerFields: HTTPFields, bytes: [UInt8],
                requestID: String? = nil) {
        self.kind = kind
        self.requestID = requestID
        self.operationID = operationID
        self.status = status
        self.headerFields = headerFields
        self.bytes = bytes
        self.body = (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
    }

    /// Decodes the body as the spec's error schema (or any other type).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.decoder().decode(T.self, from: Data(bytes))
    }

    /// `listRepoTags: HTTP 404 Not Found (request id 7f3a): {"detail":"..."}`, the body cut at 500 characters.
    public var description: String {
        var text = "\(operationID): HTTP \(status.code)" + (status.reasonPhrase.isEmpty ? "" : " " + status.reasonPhrase)
        if let requestID { text += " (request id \(requestID))" }
        if case .undecodableBody(let reason) = kind { text += ": the body did not decode: \(reason)" }
        let shown = body == .null ? "" : body.description
        if !shown.isEmpty { text += ": " + (shown.count > 500 ? shown.prefix(500) + "…" : shown) }
        return text
    }
}
