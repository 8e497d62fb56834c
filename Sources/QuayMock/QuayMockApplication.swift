import APIRuntime
import Foundation
import Hummingbird
import OpenAPIHummingbird
import QuayServer

/// The Hummingbird application that serves the fake Quay.
public enum QuayMockApplication {
    /// Settings for one server.
    public struct Settings: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port; 0 picks a free one (see `onRunning`).
        public var port: Int
        /// Tokens and the callers they stand for; scopes are enforced per operation, from the
        /// spec. Nil checks no credentials at all (for tests that replay recorded requests).
        public var tokens: [String: Principal]?
        /// The largest request body accepted.
        public var maxBodyBytes: Int
        /// Where one line per request goes (never a token); nil logs nothing.
        public var log: (@Sendable (String) -> Void)?
        /// Faults to inject, and what they counted; nil injects none.
        public var faults: FaultInjector?

        /// Settings for a server on `host:port`.
        public init(host: String = "127.0.0.1", port: Int = 8080, tokens: [String: Principal]?,
                    maxBodyBytes: Int = 1 << 20, log: (@Sendable (String) -> Void)? = nil, faults: FaultInjector? = nil) {
            self.host = host
            self.port = port
            self.tokens = tokens
            self.maxBodyBytes = maxBodyBytes
            self.log = log
            self.faults = faults
        }
    }

    /// An application serving `api` (by default the stateful mock) with `settings`.
    /// `authorizer` replaces the one made from the settings' tokens; `onRunning` gets the port
    /// actually bound.
    public static func make(_ api: some QuayAPI, settings: Settings, authorizer: (any Authorizer)? = nil,
                            fallback: ServerOptions.Fallback? = QuayMockFallback.answer,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let router = Router()
        router.middlewares.add(RequestLog(log: settings.log))
        router.middlewares.add(FaultMiddleware(injector: settings.faults, requestIDs: RequestIDs()))
        router.middlewares.add(ErrorBodies())
        // The stateful mock also lets robots in by their federated identity.
        let authorizer = authorizer ?? settings.tokens.map { tokens in
            (api as? QuayMockServer)?.authorizer(tokens: tokens) ?? BearerTokenAuthorizer(tokens: tokens)
        }
        let options = ServerOptions(maxBodyBytes: settings.maxBodyBytes, authorizer: authorizer, fallback: fallback)
        try api.registerHandlers(on: router, serverURL: URL(string: "/")!, options: options)
        return Application(
            responder: EncodedSlashes(routes: router.buildResponder()),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "quay-mock"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) })
    }
}

/// Reads `namespace%2Fname` where a path has a `{repository}` as `namespace/name` before
/// routing. Quay's WSGI server hands Flask a percent-decoded path, so there `ns%2Fname` is the
/// repository `ns/name`; it is how tools that know nothing of `x-apigen-segments` (schemathesis
/// among them) send one. Elsewhere an escaped slash stays part of its value: the mock decodes
/// no more than that one segment, so tests can check that other values keep their slashes.
struct EncodedSlashes<Routes: HTTPResponder>: HTTPResponder {
    let routes: Routes

    func respond(to request: Request, context: Routes.Context) async throws -> Response {
        // The paths whose next segment is a `{repository}`.
        let prefixes = ["/api/v1/repository/", "/api/v1/user/starred/"]
        guard let target = request.head.path, let prefix = prefixes.first(where: target.hasPrefix) else {
            return try await routes.respond(to: request, context: context)
        }
        let rest = target.dropFirst(prefix.count)
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let segment = rest[..<end]
        guard segment.contains("%2F") || segment.contains("%2f") else { return try await routes.respond(to: request, context: context) }
        var head = request.head
        head.path = prefix + segment.replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%2f", with: "/") + rest[end...]
        return try await routes.respond(to: Request(head: head, body: request.body), context: context)
    }
}

/// One line per request: method, path, status, time. Headers, and so tokens, are never logged.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let log: (@Sendable (String) -> Void)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let log else { return try await next(request, context) }
        let start = ContinuousClock.now
        let line = { (status: Int) in
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            log("\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds))ms")
        }
        do {
            let response = try await next(request, context)
            line(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            line(error.status.code)
            throw error
        }
    }
}

/// Answers errors the router raises itself with Quay's `ApiError` body, as every other error
/// is answered: 404 for a path no operation has, 405 (with `Allow`) for a path that exists
/// under other methods.
struct ErrorBodies<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            var status = error.status
            var detail = error.body ?? error.status.reasonPhrase
            var headers: HTTPFields = [.contentType: "application/json"]
            if error.status == .notFound {
                let allowed = Routes.methods(for: request.uri.path)
                if allowed.isEmpty {
                    detail = "no operation matches \(request.method) \(request.uri.path)"
                } else {
                    status = .methodNotAllowed
                    detail = "\(request.uri.path) does not accept \(request.method); it accepts \(allowed.joined(separator: ", "))"
                    headers[.allow] = allowed.joined(separator: ", ")
                }
            }
            let title = status == .notFound ? "not_found" : status == .methodNotAllowed ? "method_not_allowed" : "invalid_request"
            let body = QuayAPIErrors.body(HTTPProblem(status: status, title: title, detail: detail))
            let bytes = (try? JSONCoding.encoder().encode(body)) ?? Data("{}".utf8)
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// The spec's paths, to tell "no such path" (404) from "not with this method" (405).
enum Routes {
    /// Each operation's template as segments; `{repository}` spans two.
    private static let templates: [(method: String, segments: [String])] = QuayAPIOperations.all.map { operation in
        let segments = operation.path.split(separator: "/").flatMap { segment -> [String] in
            segment == "{repository}" ? ["{}", "{}"] : [segment.hasPrefix("{") ? "{}" : String(segment)]
        }
        return (operation.method.rawValue, segments)
    }

    /// The methods operations accept at a path, sorted.
    static func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        let matching = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0 == "{}" || $0 == $1 }
        }
        return Set(matching.map(\.method)).sorted()
    }
}
