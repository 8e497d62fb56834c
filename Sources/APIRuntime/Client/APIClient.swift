/// What every generated client holds: a server URL, a transport, middlewares and
/// ``ClientOptions``. It sends an ``APIRequest`` through the middlewares, in order, to the
/// transport, and collects the answer, retrying and timing out as the options say.
public struct APIClient: Sendable {
    /// The server URL; operation paths are appended to its path.
    public let serverURL: URL
    /// The transport (`URLSessionTransport`, `AsyncHTTPClientTransport`, or any other).
    public let transport: any ClientTransport
    /// Middlewares, outermost first. Each attempt goes through all of them.
    public let middlewares: [any ClientMiddleware]
    /// The largest response body collected, in bytes.
    public var maxResponseBytes: Int
    /// Retries, time limits, the request id header, logging.
    public var options: ClientOptions

    /// A client for a server.
    public init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [],
                maxResponseBytes: Int = 64 * 1024 * 1024, options: ClientOptions = ClientOptions()) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.maxResponseBytes = maxResponseBytes
        self.options = options
    }

    /// Sends a request and collects the response; the body is decoded later, by the caller.
    /// Retries what the options' ``RetryPolicy`` allows, each attempt within the attempt timeout
    /// and all of them within the deadline; throws ``TimeoutError`` when one of them fires, and
    /// stops at once when the task is cancelled.
    public func send(_ request: APIRequest) async throws -> APIResponse<Void> {
        let answer = try await call(request).run()
        guard case .bytes(let bytes) = answer.received else { preconditionFailure("a collected call answered with a stream") }
        return APIResponse(operationID: request.operationID, status: answer.response.status, headerFields: answer.response.headerFields,
                           bytes: bytes, requestID: answer.requestID, attempts: answer.attempts, decode: { _ in () })
    }

    /// Sends a request whose success body is read as it arrives: the call returns when the
    /// response's head does, retrying and timing out until then as ``send(_:)`` does. A body
    /// that is not 2xx is collected, for the error.
    public func stream(_ request: APIRequest) async throws -> StreamedResponse<HTTPBody> {
        try await streamed(request) { body in body }
    }

    /// Sends a request whose success body is `text/event-stream`: the events, each one's data
    /// decoded as `Payload` (`String` for the text itself) as it arrives.
    public func streamEvents<Payload: Decodable & Sendable>(_ request: APIRequest, of type: Payload.Type) async throws
        -> StreamedResponse<ServerSentEvents<Payload>> {
        let operationID = request.operationID
        let maxLineBytes = maxResponseBytes
        return try await streamed(request) { body in
            ServerSentEvents(parsing: body, operationID: operationID, maxLineBytes: maxLineBytes)
        }
    }

    private func streamed<Body: Sendable>(_ request: APIRequest, _ makeBody: @escaping @Sendable (HTTPBody) -> Body) async throws
        -> StreamedResponse<Body> {
        let answer = try await call(request).run(streaming: true)
        let received: StreamedResponse<Body>.Received
        switch answer.received {
        case .bytes(let bytes): received = .collected(bytes)
        case .stream(let body): received = .streaming(makeBody(body ?? HTTPBody()))
        }
        return StreamedResponse(operationID: request.operationID, status: answer.response.status, headerFields: answer.response.headerFields,
                                received: received, requestID: answer.requestID, attempts: answer.attempts)
    }

    /// One call of a request, with the options of the current task.
    private func call(_ request: APIRequest) -> Call {
        let options = self.options.applyingTaskChanges()
        let httpRequest = request.httpRequest
        let log = CallLog(logger: options.logger, request: httpRequest, body: request.body, streamsBody: request.bodyStream != nil,
                          operationID: request.operationID, redaction: options.redaction)
        let sent = SentRequest()
        return Call(request: request, httpRequest: httpRequest, options: options, chain: chain(operationID: request.operationID, log: log, sent: sent),
                    log: log, sent: sent, serverURL: serverURL, maxResponseBytes: maxResponseBytes)
    }

    /// The middlewares around the transport, as one function. The request is noted and logged
    /// (at trace level) as the transport gets it, credentials included, so the log redacts them.
    private func chain(operationID: String, log: CallLog, sent: SentRequest) -> Call.Next {
        let transport = self.transport
        var next: Call.Next = { request, body, baseURL in
            sent.value = request
            log.sending(request)
            return try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: inner) }
        }
        return next
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
