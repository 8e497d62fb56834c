/// A problem answered with an error status and the spec's error body: what the generated
/// server sends for a bad request before the handler runs, and what a handler may throw.
///
/// ```swift
/// func getRepo(_ input: GetRepo.Input) async throws -> GetRepo.Output {
///     guard let repo = store[input.repository] else { throw HTTPProblem.notFound("no repository \(input.repository)") }
///     ...
/// }
/// ```
public struct HTTPProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status to answer with.
    public var status: HTTPResponse.Status
    /// A short snake_case code (`invalid_request`, `not_found`).
    public var title: String
    /// What is wrong, for people: names the parameter or field at fault.
    public var detail: String
    /// A URI for the kind of problem.
    public var type: String

    /// A problem with any status.
    public init(status: HTTPResponse.Status, title: String, detail: String, type: String = "about:blank") {
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type
    }

    public var description: String { "\(status.code) \(title): \(detail)" }

    /// 400: a missing or malformed parameter, field or body.
    public static func badRequest(_ detail: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, title: "invalid_request", detail: detail)
    }

    /// 401: no credentials, or credentials that are not valid.
    public static func unauthorized(_ detail: String = "authentication is required") -> HTTPProblem {
        HTTPProblem(status: .unauthorized, title: "unauthorized", detail: detail)
    }

    /// 403: valid credentials without the scope the operation needs.
    public static func forbidden(_ detail: String) -> HTTPProblem {
        HTTPProblem(status: .forbidden, title: "insufficient_scope", detail: detail)
    }

    /// 404.
    public static func notFound(_ detail: String) -> HTTPProblem {
        HTTPProblem(status: .notFound, title: "not_found", detail: detail)
    }

    /// 409.
    public static func conflict(_ detail: String) -> HTTPProblem {
        HTTPProblem(status: .conflict, title: "conflict", detail: detail)
    }

    /// 413: a body over the configured limit.
    public static func payloadTooLarge(limit: Int) -> HTTPProblem {
        HTTPProblem(status: .contentTooLarge, title: "payload_too_large", detail: "the request body is larger than \(limit) bytes")
    }

    /// 415: a body of a media type the operation does not accept.
    public static func unsupportedMediaType(_ given: String?, accepted: [String]) -> HTTPProblem {
        HTTPProblem(status: .unsupportedMediaType, title: "unsupported_media_type",
                detail: "the body must be \(accepted.joined(separator: " or ")), not \(given ?? "untyped")")
    }

    /// 501: an operation the server does not implement.
    public static func notImplemented(_ operationID: String) -> HTTPProblem {
        HTTPProblem(status: .notImplemented, title: "not_implemented", detail: "\(operationID) is not implemented by this server")
    }

    /// 500: a handler failed; the detail says nothing internal.
    public static let internalError = HTTPProblem(status: .internalServerError, title: "internal_error",
                                              detail: "the server failed to handle the request")

    /// The body as RFC 9457 problem details, when the spec's error schema is not known.
    public var standardBody: JSONValue {
        ["type": .string(type), "title": .string(title), "status": .int(status.code), "detail": .string(detail)]
    }
}
