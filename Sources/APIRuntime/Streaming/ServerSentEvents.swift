/// Server-sent events as they arrive: what a client method returns for a `text/event-stream`
/// response, and what a server handler answers one with.
///
/// A client reads them with `for try await`; each event's data is decoded as it arrives, and a
/// `data: [DONE]` event (OpenAI-style streams end with one) ends a stream of JSON payloads.
/// Nothing is buffered beyond the event being read. Cancelling the reading task ends it.
///
/// A server makes one from the events it has, or from a stream it feeds as they happen:
///
/// ```swift
/// let (events, continuation) = AsyncThrowingStream.makeStream(of: ServerSentEvent<Event>.self)
/// continuation.yield(ServerSentEvent(event: "created", data: event))
/// return .ok(ServerSentEvents(events))
/// ```
public struct ServerSentEvents<Payload: Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Payload>

    /// Turns one event's data into its payload; nil ends the stream.
    typealias Decode = @Sendable (String) throws -> Payload?

    private enum Source: Sendable {
        case body(HTTPBody, operationID: String, maxLineBytes: Int, decode: Decode)
        case events(AsyncThrowingStream<Element, any Error>)
    }

    private let source: Source

    /// Events parsed from a response body as it arrives.
    init(parsing body: HTTPBody, operationID: String, maxLineBytes: Int, decode: @escaping Decode) {
        source = .body(body, operationID: operationID, maxLineBytes: maxLineBytes, decode: decode)
    }

    /// Events a server sends as its stream yields them.
    public init(_ events: AsyncThrowingStream<Element, any Error>) {
        source = .events(events)
    }

    /// Events a server has all of.
    public init(_ events: [Element]) {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self)
        for event in events { continuation.yield(event) }
        continuation.finish()
        source = .events(stream)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case .body(let body, let operationID, let maxLineBytes, let decode):
            return AsyncIterator(state: .parsing(Parsing(chunks: body.makeAsyncIterator(), parser: EventStreamParser(maxLineBytes: maxLineBytes),
                                                         operationID: operationID, decode: decode)))
        case .events(let stream):
            return AsyncIterator(state: .events(stream.makeAsyncIterator()))
        }
    }

    /// Reads the events one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate enum State {
            case parsing(Parsing)
            case events(AsyncThrowingStream<Element, any Error>.Iterator)
            case finished
        }

        fileprivate var state: State

        public mutating func next() async throws -> Element? {
            switch state {
            case .parsing(var parsing):
                state = .finished
                guard let event = try await parsing.next() else { return nil }
                state = .parsing(parsing)
                return event
            case .events(var iterator):
                state = .finished
                guard let event = try await iterator.next() else { return nil }
                state = .events(iterator)
                return event
            case .finished:
                return nil
            }
        }
    }

    /// A response body being parsed: the chunks still to read and the events read but not yet
    /// handed out.
    fileprivate struct Parsing {
        var chunks: HTTPBody.Iterator
        var parser: EventStreamParser
        let operationID: String
        let decode: Decode
        var ready: [RawServerSentEvent] = []
        var readyIndex = 0
        var count = 0

        init(chunks: HTTPBody.Iterator, parser: EventStreamParser, operationID: String, decode: @escaping Decode) {
            self.chunks = chunks
            self.parser = parser
            self.operationID = operationID
            self.decode = decode
        }

        mutating func next() async throws -> Element? {
            while readyIndex == ready.count {
                try Task.checkCancellation()
                guard let chunk = try await chunks.next() else { return nil }
                ready = try parser.feed(chunk)
                readyIndex = 0
            }
            let raw = ready[readyIndex]
            readyIndex += 1
            count += 1
            let payload: Payload?
            do {
                payload = try decode(raw.data)
            } catch {
                throw EventDecodingError(operationID: operationID, event: count, data: raw.data, reason: String(describing: error))
            }
            guard let payload else { return nil }
            return ServerSentEvent(event: raw.event, id: raw.id, retry: raw.retry, data: payload)
        }
    }
}

extension ServerSentEvents where Payload: Decodable {
    /// Events of a response body, each one's data decoded as `Payload`.
    init(parsing body: HTTPBody, operationID: String, maxLineBytes: Int) {
        self.init(parsing: body, operationID: operationID, maxLineBytes: maxLineBytes) { text in
            if Payload.self != String.self, text == EventPayload.done { return nil }
            return try EventPayload.decode(Payload.self, from: text)
        }
    }
}

extension ServerSentEvents where Payload: Encodable {
    /// The events as a `text/event-stream` body, each written when the stream yields it.
    public func httpBody() -> HTTPBody {
        let chunks = map { event in
            ArraySlice(EventPayload.wire(RawServerSentEvent(event: event.event, id: event.id, retry: event.retry,
                                                            data: try EventPayload.encode(event.data))).utf8)
        }
        return HTTPBody(chunks, length: .unknown, iterationBehavior: .single)
    }
}

/// An event whose data does not decode as the spec says.
public struct EventDecodingError: Error, Sendable, CustomStringConvertible {
    /// The operation that was called.
    public let operationID: String
    /// Which event, counting from 1.
    public let event: Int
    /// The event's data, as received.
    public let data: String
    /// Why it does not decode.
    public let reason: String

    /// `generateStream: event 3 does not decode: …; its data: {"tok`.
    public var description: String {
        let shown = data.count > 200 ? String(data.prefix(200)) + "…" : data
        return "\(operationID): event \(event) of the stream does not decode: \(reason); its data: \(shown)"
    }
}
