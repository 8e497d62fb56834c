/// One webhook (or callback) a generated receiver handles: how its deliveries are told apart,
/// and what to do with one.
public struct WebhookReceiver: Sendable {
    /// The webhook's name in the spec (`email.sent`), or the callback operation's id.
    public let name: String
    /// The method deliveries use.
    public let method: HTTPRequest.Method
    /// The payload field whose value names this webhook (`type`) and that value
    /// (`email.sent`), when every payload of the spec carries one.
    public let field: String?
    public let value: String?
    /// Decodes the delivery and calls the implementation; the answer the sender gets.
    public let handle: @Sendable (ServerCall) async throws -> (HTTPResponse, HTTPBody?)
    /// Whether a delivery's body decodes as this webhook's payload (strictly), for telling
    /// webhooks apart when no field names them.
    public let accepts: @Sendable (ServerCall) -> Bool

    /// A receiver for one webhook.
    public init(_ name: String, method: HTTPRequest.Method, field: String? = nil, value: String? = nil,
                accepts: @escaping @Sendable (ServerCall) -> Bool,
                handle: @escaping @Sendable (ServerCall) async throws -> (HTTPResponse, HTTPBody?)) {
        self.name = name
        self.method = method
        self.field = field
        self.value = value
        self.accepts = accepts
        self.handle = handle
    }
}

/// Registers a generated webhook receiver: every webhook at one path, each delivery passed to
/// the webhook it is.
public enum WebhookRouting {
    /// Routes deliveries at `path` (under `serverURL`'s path): each goes to the receiver whose
    /// field and value its body carries, or else to the first whose payload it decodes as; a
    /// delivery that is none of them gets a 400 naming the webhooks the path takes.
    public static func register(on transport: any ServerTransport, serverURL: URL, path: String, options: ServerOptions,
                                receivers: [WebhookReceiver]) throws {
        let methods = receivers.reduce(into: [HTTPRequest.Method]()) { if !$0.contains($1.method) { $0.append($1.method) } }
        for method in methods {
            let candidates = receivers.filter { $0.method == method }
            try ServerRouting.register(on: transport, serverURL: serverURL, options: options, method: method, path: path,
                                       operationID: "webhooks", security: .anonymous) { call in
                guard let receiver = receiver(for: call, among: candidates) else {
                    throw HTTPProblem.badRequest("the delivery is none of the webhooks \(path) receives: "
                                                 + candidates.map(\.name).joined(separator: ", "))
                }
                return try await receiver.handle(call)
            }
        }
    }

    private static func receiver(for call: ServerCall, among receivers: [WebhookReceiver]) -> WebhookReceiver? {
        if receivers.count == 1 { return receivers[0] }
        let body = (call.body?.isEmpty == false ? call.body : nil).flatMap { try? JSONValue(parsing: $0) }
        if let named = receivers.first(where: { receiver in
            guard let field = receiver.field, let value = receiver.value else { return false }
            return body?[field]?.stringValue == value
        }) {
            return named
        }
        return receivers.first { $0.field == nil && $0.accepts(call) } ?? receivers.first { $0.accepts(call) }
    }
}
