import APIRuntime

/// A transport that is both ends at once: generated server stubs register their routes on it,
/// and a generated client sends to it, in memory. The demo runs a client against a server with
/// no network; real code uses `URLSessionTransport` and a Hummingbird or Vapor server instead.
public final class LocalTransport: ServerTransport, ClientTransport, @unchecked Sendable {
    private typealias Handler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    private var routes: [(method: HTTPRequest.Method, template: [Substring], handler: Handler)] = []

    /// An empty transport.
    public init() {}

    public func register(_ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                         method: HTTPRequest.Method, path: String) throws {
        routes.append((method, path.split(separator: "/"), handler))
    }

    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let path = request.path?.split(separator: "?").first ?? ""
        let segments = path.split(separator: "/")
        for route in routes where route.method == request.method && route.template.count == segments.count {
            var captures: [String: Substring] = [:]
            let matches = zip(route.template, segments).allSatisfy { template, segment in
                guard template.hasPrefix("{") else { return template == segment }
                captures[String(template.dropFirst().dropLast())] = segment
                return true
            }
            if matches { return try await route.handler(request, body, ServerRequestMetadata(pathParameters: captures)) }
        }
        return (HTTPResponse(status: .notFound), nil)
    }
}
