/// One server-sent event (`text/event-stream`): its name, its id, the reconnection time the
/// server asked for, and its data, decoded as the spec's schema says.
///
/// ```swift
/// for try await event in try await api.generateStream(body: request) {
///     print(event.data.token.text)
/// }
/// ```
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The `event:` field; nil for the default, `message`.
    public var event: String?
    /// The last `id:` the stream sent, up to and including this event.
    public var id: String?
    /// The `retry:` field, in milliseconds, when this event carried one.
    public var retry: Int?
    /// The `data:` lines: the text itself for a `String` payload, else JSON of the payload's type.
    public var data: Payload

    /// An event.
    public init(event: String? = nil, id: String? = nil, retry: Int? = nil, data: Payload) {
        self.event = event
        self.id = id
        self.retry = retry
        self.data = data
    }
}

extension ServerSentEvent: Equatable where Payload: Equatable {}

/// An event's fields as they arrived, its data still text.
struct RawServerSentEvent: Sendable, Equatable {
    var event: String?
    var id: String?
    var retry: Int?
    var data: String
}

/// How payloads become `data:` text and back: `String` payloads as they are, others as JSON.
enum EventPayload {
    /// `data: [DONE]`, which OpenAI-style streams send last: it ends a stream of JSON payloads.
    static let done = "[DONE]"

    static func decode<Payload: Decodable>(_ type: Payload.Type, from text: String) throws -> Payload {
        if let text = text as? Payload { return text }
        return try JSONBody.decode(Payload.self, from: Array(text.utf8))
    }

    static func encode(_ payload: some Encodable) throws -> String {
        if let text = payload as? String { return text }
        return String(decoding: try JSONCoding.encoder().encode(payload), as: UTF8.self)
    }

    /// The event on the wire: its fields, one `data:` line per line of its data, and the blank
    /// line that ends it.
    static func wire(_ event: RawServerSentEvent) -> String {
        var text = ""
        if let name = event.event { text += "event: \(name)\n" }
        if let id = event.id { text += "id: \(id)\n" }
        if let retry = event.retry { text += "retry: \(retry)\n" }
        for line in lines(event.data) { text += "data: \(line)\n" }
        return text + "\n"
    }

    /// The lines of a text as an event stream reads them: CRLF, LF and CR each end one.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "\r"), index != utf8.endIndex, utf8[index] == UInt8(ascii: "\n") { index = utf8.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }
}
