/// Registers generated handlers on a `ServerTransport` and runs each request through the same
/// checks before the handler: credentials and scopes, body size, then the handler's own reads.
public enum ServerRouting {
    /// The handler a generated server writes for one operation.
    public typealias Handler = @Sendable (ServerCall) async throws -> (HTTPResponse, HTTPBody?)

    /// Registers one operation. `path` is the spec's template, already expanded so a value
    /// spanning N segments is N captures (`{repository}/{repository_2}`); `serverURL`'s path
    /// is put in front.
    public static func register(on transport: any ServerTransport, serverURL: URL, options: ServerOptions,
                                method: HTTPRequest.Method, path: String, operationID: String,
                                security: SecurityRule, handler: @escaping Handler) throws {
        let prefix = serverURL.path == "/" ? "" : serverURL.path.hasSuffix("/") ? String(serverURL.path.dropLast()) : serverURL.path
        try transport.register({ request, body, metadata in
            await handle(request, body: body, pathParameters: metadata.pathParameters, operationID: operationID,
                         security: security, options: options, handler: handler)
        }, method: method, path: prefix + path)
    }

    static func handle(_ request: HTTPRequest, body: HTTPBody?, pathParameters: [String: Substring], operationID: String,
                       security: SecurityRule, options: ServerOptions, handler: Handler) async -> (HTTPResponse, HTTPBody?) {
        do {
            var principal: Principal?
            if let authorizer = options.authorizer, !security.allowsAnonymous {
                guard let caller = try await authorizer.authenticate(request) else { throw HTTPProblem.unauthorized() }
                guard security.isSatisfied(by: caller.scopes) else {
                    let needed = security.alternatives.map { $0.joined(separator: " ") }.joined(separator: "' or '")
                    throw HTTPProblem.forbidden("\(operationID) needs the scope '\(needed)'")
                }
                principal = caller
            }
            var bytes: [UInt8]?
            if let body {
                if case .known(let length) = body.length, length > options.maxBodyBytes {
                    throw HTTPProblem.payloadTooLarge(limit: options.maxBodyBytes)
                }
                do {
                    bytes = try await [UInt8](collecting: body, upTo: options.maxBodyBytes)
                } catch is HTTPProblem {
                    throw HTTPProblem.payloadTooLarge(limit: options.maxBodyBytes)
                } catch {
                    throw HTTPProblem.payloadTooLarge(limit: options.maxBodyBytes)
                }
            }
            let call = try ServerCall(request: request, body: bytes, pathParameters: pathParameters, operationID: operationID,
                                      principal: principal, errorBody: options.errorBody)
            return try await ServerCall.$current.withValue(call) { try await handler(call) }
        } catch let problem as HTTPProblem {
            return response(for: problem, errorBody: options.errorBody)
        } catch let error as DecodingError {
            return response(for: .badRequest(StrictDecoding.describe(error)), errorBody: options.errorBody)
        } catch {
            return response(for: .internalError, errorBody: options.errorBody)
        }
    }

    /// A problem's status with the spec's error body (or problem details).
    static func response(for problem: HTTPProblem, errorBody: (@Sendable (HTTPProblem) -> JSONValue)?) -> (HTTPResponse, HTTPBody?) {
        let value = errorBody?(problem) ?? problem.standardBody
        let bytes = (try? JSONCoding.encoder().encode(value)).map(Array.init) ?? Array("{}".utf8)
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return (HTTPResponse(status: problem.status, headerFields: fields), HTTPBody(bytes))
    }
}

extension ServerCall {
    /// The call being handled, for code a handler calls (the caller's principal, say).
    @TaskLocal public static var current: ServerCall?
}
