import APIRuntime
import Testing

/// The `text/event-stream` reader, through `APIClient.streamEvents`, on bodies cut into chunks
/// at every byte and not at all: the HTML standard's parsing rules, the `[DONE]` end, the
/// errors, and what a server writes read back the same.
struct ServerSentEventsTests {
    /// Answers 200 with a body delivered in the given chunks.
    struct ChunkTransport: ClientTransport {
        let chunks: [[UInt8]]

        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let (stream, continuation) = AsyncThrowingStream.makeStream(of: ArraySlice<UInt8>.self)
            for chunk in chunks { continuation.yield(chunk[...]) }
            continuation.finish()
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "text/event-stream"]), HTTPBody(stream, length: .unknown))
        }
    }

    struct Chunk: Codable, Equatable, Sendable {
        var token: String
    }

    /// The events of `wire`, read whole and read a byte at a time, which must agree.
    private func events<Payload: Decodable & Sendable & Equatable>(_ wire: String, as type: Payload.Type, maxResponseBytes: Int = 1 << 20)
        async throws -> [ServerSentEvent<Payload>] {
        let bytes = Array(wire.utf8)
        var results: [[ServerSentEvent<Payload>]] = []
        for chunks in [[bytes], bytes.map { [$0] }] {
            let client = APIClient(serverURL: server, transport: ChunkTransport(chunks: chunks), maxResponseBytes: maxResponseBytes)
            var seen: [ServerSentEvent<Payload>] = []
            for try await event in try await client.streamEvents(APIRequest(.get, operationID: "follow"), of: Payload.self).body() {
                seen.append(event)
            }
            results.append(seen)
        }
        #expect(results[0] == results[1])
        return results[0]
    }

    @Test func fieldsLinesAndEndingsFollowTheStandard() async throws {
        let wire = "\u{FEFF}: a comment\r\n"
            + "event: greeting\r\ndata: hello\r\ndata:world\r\nid: 7\r\nretry: 1500\r\n\r\n"  // CRLF
            + "data:  two spaces keep one\r\r"  // CR alone
            + "data\nevent: empty-data\n\n"  // a field name alone: empty data
            + "event: no data\nretry: 10\n\n"  // not dispatched
            + "id: bad\u{0}id\ndata: keeps id 7\nretry: soon\nunknown: ignored\n\n"
            + "data: cut off before its blank line"
        let events = try await events(wire, as: String.self)
        #expect(events == [
            ServerSentEvent(event: "greeting", id: "7", retry: 1500, data: "hello\nworld"),
            ServerSentEvent(id: "7", data: " two spaces keep one"),
            ServerSentEvent(event: "empty-data", id: "7", data: ""),
            ServerSentEvent(id: "7", data: "keeps id 7"),
        ])
    }

    @Test func jsonPayloadsDecodeAndDoneEndsTheStream() async throws {
        let wire = "data: {\"token\": \"Hel\"}\n\ndata: {\"token\":\ndata: \"lo\"}\n\ndata: [DONE]\n\ndata: {\"token\": \"after\"}\n\n"
        let events = try await events(wire, as: Chunk.self)
        #expect(events.map(\.data) == [Chunk(token: "Hel"), Chunk(token: "lo")])
    }

    @Test func anEventThatDoesNotDecodeSaysWhichAndWhy() async throws {
        let error = await #expect(throws: EventDecodingError.self) {
            _ = try await events("data: {\"token\": \"a\"}\n\ndata: {\"text\": 1}\n\n", as: Chunk.self)
        }
        #expect(error?.event == 2)
        #expect(error?.data == "{\"text\": 1}")
        #expect(error?.description.hasPrefix("follow: event 2 of the stream does not decode: ") == true)
        #expect(error?.description.hasSuffix("; its data: {\"text\": 1}") == true)
    }

    @Test func aLineLongerThanTheLimitIsAnError() async throws {
        let error = await #expect(throws: (any Error).self) {
            _ = try await events("data: " + String(repeating: "x", count: 100) + "\n\n", as: String.self, maxResponseBytes: 64)
        }
        #expect(error.map { "\($0)" } == "an event-stream line is longer than 64 bytes")
    }

    @Test func whatAServerWritesReadsBackTheSame() async throws {
        let sent: [ServerSentEvent<String>] = [
            ServerSentEvent(event: "log", id: "1", retry: 3000, data: "first line\nsecond line"),
            ServerSentEvent(data: ""),
            ServerSentEvent(id: "2", data: "trailing newline\n"),
            ServerSentEvent(data: "é and 🎉\r\nafter a CRLF"),
        ]
        var wire: [UInt8] = []
        for try await chunk in ServerSentEvents(sent).httpBody() { wire += chunk }
        let text = String(decoding: wire, as: UTF8.self)
        #expect(text.hasPrefix("event: log\nid: 1\nretry: 3000\ndata: first line\ndata: second line\n\ndata: \n\n"))
        let read = try await events(text, as: String.self)
        // Line breaks come back as LF, as the standard reads them.
        #expect(read.map(\.data) == ["first line\nsecond line", "", "trailing newline\n", "é and 🎉\nafter a CRLF"])
        #expect(read.map(\.id) == ["1", "1", "2", "2"])  // ids carry over, as a client sees them
        #expect(read.map(\.event) == ["log", nil, nil, nil])
    }
}
