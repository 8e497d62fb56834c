import Logging

/// What a client writes to its logger: one line per attempt at debug level (method, path,
/// status or error, duration, attempt); headers and bodies at trace level, with credentials and
/// configured secrets replaced by `<redacted>`.
struct CallLog: Sendable {
    let logger: Logger
    let request: HTTPRequest
    let body: [UInt8]?
    /// Whether the request's body is streamed (``APIRequest/bodyStream``), so not shown.
    var streamsBody = false
    let operationID: String
    let redaction: Redaction

    /// Logs the request as the transport gets it, after the middlewares (trace level).
    func sending(_ request: HTTPRequest) {
        guard logger.logLevel <= .trace else { return }
        logger.trace("request headers: \(redaction.describe(headers: request.headerFields))", metadata: ["operation": "\(operationID)"])
        if let body {
            logger.trace("request body: \(redaction.describe(body: body))", metadata: ["operation": "\(operationID)"])
        } else if streamsBody {
            logger.trace("request body: (streamed from the caller)", metadata: ["operation": "\(operationID)"])
        }
    }

    func answered(_ response: HTTPResponse, received: Call.Received, attempt: Int, took: Duration) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("\(request.method) \(path) \(response.status.code) in \(TimeoutError.text(took)) (attempt \(attempt))",
                     metadata: ["operation": "\(operationID)"])
        guard logger.logLevel <= .trace else { return }
        logger.trace("response headers: \(redaction.describe(headers: response.headerFields))", metadata: ["operation": "\(operationID)"])
        let body: String
        switch received {
        case .bytes(let bytes): body = redaction.describe(body: bytes)
        case .stream: body = "(streamed to the caller)"
        }
        logger.trace("response body: \(body)", metadata: ["operation": "\(operationID)"])
    }

    func failed(_ error: any Error, timedOut: Bool, attempt: Int, took: Duration) {
        guard logger.logLevel <= .debug else { return }
        let reason = timedOut ? "timed out" : "failed: \(error)"
        logger.debug("\(request.method) \(path) \(reason) after \(TimeoutError.text(took)) (attempt \(attempt))",
                     metadata: ["operation": "\(operationID)"])
    }

    /// The path without the query, which may carry secrets.
    private var path: String {
        let full = request.path ?? ""
        return full.firstIndex(of: "?").map { String(full[..<$0]) } ?? full
    }
}

/// What logs never show: credential headers (`Authorization`, cookies, API keys) and secret
/// fields of JSON bodies (`password`, `token`, ...), replaced by `<redacted>`.
public struct Redaction: Sendable {
    /// Header names, compared without case.
    public var headers: Set<String>
    /// JSON field names, compared without case, at any depth.
    public var fields: Set<String>

    /// The default lists, plus any extra names.
    public init(headers: Set<String> = [], fields: Set<String> = []) {
        self.headers = Set((Self.defaultHeaders.union(headers)).map { $0.lowercased() })
        self.fields = Set((Self.defaultFields.union(fields)).map { $0.lowercased() })
    }

    static let defaultHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
                                              "api-key", "x-auth-token"]
    static let defaultFields: Set<String> = ["password", "secret", "token", "access_token", "refresh_token", "client_secret",
                                             "api_key", "apikey", "private_key"]

    /// `Name: value; Name: <redacted>`.
    func describe(headers list: HTTPFields) -> String {
        list.map { field in
            "\(field.name.rawName): \(headers.contains(field.name.canonicalName) ? "<redacted>" : field.value)"
        }.joined(separator: "; ")
    }

    /// A JSON body with its secret fields redacted; other bodies by size only, since they may
    /// hold anything.
    func describe(body bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "(empty)" }
        guard let value = try? JSONValue(parsing: bytes) else { return "(\(bytes.count) bytes, not JSON)" }
        return redacted(value).description
    }

    private func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.reduce(into: [:]) { result, member in
                result[member.key] = fields.contains(member.key.lowercased()) ? .string("<redacted>") : redacted(member.value)
            })
        case .array(let items):
            return .array(items.map(redacted))
        default:
            return value
        }
    }
}

