/// What every generated client holds: a server URL, a transport and middlewares. It sends an
/// ``APIRequest`` through the middlewares, in order, to the transport, and collects the answer.
public struct APIClient: Sendable {
    /// The server URL; operation paths are appended to its path.
    public let serverURL: URL
    /// The transport (`URLSessionTransport`, `AsyncHTTPClientTransport`, or any other).
    public let transport: any ClientTransport
    /// Middlewares, outermost first.
    public let middlewares: [any ClientMiddleware]
    /// The largest response body collected, in bytes.
    public var maxResponseBytes: Int

    /// A client for a server.
    public init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [],
                maxResponseBytes: Int = 64 * 1024 * 1024) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends a request and collects the response; the body is decoded later, by the caller.
    public func send(_ request: APIRequest) async throws -> APIResponse<Void> {
        let body = request.body.map { HTTPBody($0) }
        let transport = self.transport
        let operationID = request.operationID
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            try await transport.send($0, body: $1, baseURL: $2, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: inner) }
        }
        let (response, responseBody) = try await next(request.httpRequest, body, serverURL)
        let bytes: [UInt8]
        if let responseBody {
            bytes = try await [UInt8](collecting: responseBody, upTo: maxResponseBytes)
        } else {
            bytes = []
        }
        return APIResponse(operationID: operationID, status: response.status, headerFields: response.headerFields,
                           bytes: bytes, decode: { _ in () })
    }

    /// Sends a request whose success body is JSON of type `Body`. `JSONValue` reads an empty
    /// body as `null`.
    public func send<Body: Decodable & Sendable>(_ request: APIRequest, as type: Body.Type) async throws -> APIResponse<Body> {
        try await send(request).decoding { bytes in try JSONBody.decode(Body.self, from: bytes) }
    }

    /// Sends a request whose success body may be JSON of type `Body`, or empty (nil).
    public func send<Body: Decodable & Sendable>(_ request: APIRequest, asOptional type: Body.Type) async throws -> APIResponse<Body?> {
        try await send(request).decoding { bytes in
            bytes.allSatisfy(JSONBody.isWhitespace) ? nil : try JSONBody.decode(Body.self, from: bytes)
        }
    }

    /// Sends a request whose success body is raw bytes.
    public func sendForData(_ request: APIRequest) async throws -> APIResponse<Data> {
        try await send(request).decoding { Data($0) }
    }

    /// Sends a request whose success body is text.
    public func sendForText(_ request: APIRequest) async throws -> APIResponse<String> {
        try await send(request).decoding { String(decoding: $0, as: UTF8.self) }
    }
}

/// JSON response bodies.
enum JSONBody {
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    static func decode<Body: Decodable>(_ type: Body.Type, from bytes: [UInt8]) throws -> Body {
        if Body.self == JSONValue.self, let value = try JSONValue(parsing: bytes) as? Body { return value }
        return try JSONCoding.decoder().decode(Body.self, from: Data(bytes))
    }
}
