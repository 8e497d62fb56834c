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
        let (route, names) = positionalCaptures(prefix + path)
        try transport.register({ request, body, metadata in
            var parameters: [String: Substring] = [:]
            for (index, name) in names.enumerated() { parameters[name] = metadata.pathParameters["p\(index)"] }
            return await handle(request, body: body, pathParameters: parameters, operationID: operationID,
                                security: security, options: options, handler: handler)
        }, method: method, path: route)
    }

    /// The template with its captures renamed by position (`{p0}`, `{p1}`, ...), and the
    /// original names. Routers that key captures by name (Hummingbird's trie) then never see
    /// two names at one position, as Quay's `/superuser/users/{username}` and
    /// `/superuser/users/{namespace}/quota` would otherwise be.
    static func positionalCaptures(_ template: String) -> (route: String, names: [String]) {
        var route = ""
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            route += rest[..<open]
            names.append(String(rest[rest.index(after: open)..<close]))
            route += "{p\(names.count - 1)}"
            rest = rest[rest.index(after: close)...]
        }
        return (route + rest, names)
    }

    static func handle(_ request: HTTPRequest, body: HTTPBody?, pathParameters: [String: Substring], operationID: String,
                       security: SecurityRule, options: ServerOptions, handler: Handler) async -> (HTTPResponse, HTTPBody?) {
        do {
            var principal: Principal?
            if let authorizer = options.authorizer, !security.allowsAnonymous {
                if let refusal = security.refusal(of: request, operationID: operationID) { throw refusal }
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
                                      principal: principal, errorBody: options.errorBody, fallback: options.fallback)
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

    /// What an operation the implementation leaves out answers: the configured fallback's
    /// answer, or 501 Not Implemented.
    public static func unimplemented(_ operationID: String, _ input: some Encodable) async throws -> (status: Int, body: JSONValue?) {
        guard let fallback = current?.fallback else { throw HTTPProblem.notImplemented(operationID) }
        return try await fallback(operationID, try JSONValue(encoding: input))
    }
}
