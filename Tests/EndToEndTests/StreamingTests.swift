import APIRuntime
import AsyncHTTPClient
import Foundation
import Hummingbird
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import RelayEventsClient
import RelayEventsServer
import Synchronization
import Testing

/// Streamed bodies over real HTTP on loopback: the events-31 fixture's generated client (through
/// AsyncHTTPClient, which streams on Linux) against its generated server stubs on Hummingbird.
/// Server-sent events arrive one by one while the server is still sending, bytes arrive in
/// chunks, uploads are read as they are sent, and a stream that can be read once is never sent
/// twice.
@Suite(.serialized, .timeLimit(.minutes(1))) struct StreamingTests {
    /// An event id as the spec's pattern has them (`^evt_[a-z0-9]{24}$`): the stubs refuse others.
    static let eventID = "evt_" + String(repeating: "0", count: 24)

    /// What the server does, steered by each test.
    final class Relay: RelayEventsAPI {
        /// The events the live stream sends, fed by the test as it goes.
        let live = AsyncThrowingStream.makeStream(of: ServerSentEvent<RelayEventsServer.Event>.self)
        let attachment: Data
        let uploads = Mutex<[Int]>([])
        /// Uploads answered 503 before one is stored.
        let refuseUploads = Mutex(0)

        init(attachment: Data = Data()) {
            self.attachment = attachment
        }

        func streamProjectEvents(_ input: StreamProjectEvents.Input) async throws -> StreamProjectEvents.Output {
            guard input.project == "acme/billing" else {
                return .other(status: 404, RelayEventsServer.ErrorModel(code: "not_found", message: "no project \(input.project)"))
            }
            return .ok(ServerSentEvents(live.stream))
        }

        func tailProjectLog(_ input: TailProjectLog.Input) async throws -> TailProjectLog.Output {
            .ok(ServerSentEvents([
                ServerSentEvent(id: "1", data: "delivery 1 sent"),
                ServerSentEvent(event: "warning", id: "2", data: "delivery 2 failed:\nconnection refused"),
                ServerSentEvent(data: "delivery 2 retried"),
            ]))
        }

        func downloadEventAttachment(_ input: DownloadEventAttachment.Input) async throws -> DownloadEventAttachment.Output {
            .ok(attachment)
        }

        func uploadEventAttachment(_ input: UploadEventAttachment.Input) async throws -> UploadEventAttachment.Output {
            uploads.withLock { $0.append(input.body.count) }
            let refuse = refuseUploads.withLock { count -> Bool in
                defer { count = max(0, count - 1) }
                return count > 0
            }
            return refuse ? .other(status: 503, RelayEventsServer.ErrorModel(code: "busy", message: "try again")) : .noContent
        }
    }

    static func event(_ number: Int) -> RelayEventsServer.Event {
        RelayEventsServer.Event(type: "invoice.paid", source: RelayEventsServer.Source(service: "billing"), object: "event",
                                id: "evt_\(number)", specVersion: "1.0", publishedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    private func withRelay<T: Sendable>(_ relay: Relay, maxBodyBytes: Int = 1 << 20, options: ClientOptions = ClientOptions(),
                                        maxResponseBytes: Int = 64 << 20,
                                        _ body: @Sendable (RelayEvents) async throws -> T) async throws -> T {
        try await withRouter({ router in
            try relay.registerHandlers(on: router, serverURL: URL(string: "/api")!,
                                       options: ServerOptions(maxBodyBytes: maxBodyBytes))
        }) { url in
            let client = APIClient(serverURL: url.appendingPathComponent("api"), transport: AsyncHTTPClientTransport(),
                                   middlewares: [BearerTokenMiddleware(token: "t")], maxResponseBytes: maxResponseBytes, options: options)
            return try await body(RelayEvents(client: client))
        }
    }

    @Test func eventsArriveWhileTheServerIsStillSending() async throws {
        let relay = Relay()
        try await withRelay(relay) { relay2 in
            let events = try await relay2.events.streamProjectEvents(project: "acme/billing")
            var iterator = events.makeAsyncIterator()
            // Each event is sent only once the client has read the one before: a client that
            // waited for the end of the body would wait forever.
            for number in 1...3 {
                relay.live.continuation.yield(ServerSentEvent(event: "published", id: "\(number)", data: Self.event(number)))
                let event = try #require(try await iterator.next())
                #expect(event.event == "published")
                #expect(event.id == "\(number)")
                #expect(event.data.id == "evt_\(number)")
                #expect(event.data.source.service == "billing")
            }
            relay.live.continuation.finish()
            #expect(try await iterator.next() == nil)
        }
    }

    @Test func textEventsKeepTheirLinesNamesAndIDs() async throws {
        try await withRelay(Relay()) { relay in
            var seen: [String] = []
            for try await event in try await relay.events.tailProjectLog(project: "acme/billing") {
                seen.append("\(event.event ?? "message") \(event.id ?? "-") \(event.data)")
            }
            #expect(seen == [
                "message 1 delivery 1 sent",
                "warning 2 delivery 2 failed:\nconnection refused",
                "message 2 delivery 2 retried",  // the last id carries over
            ])
        }
    }

    @Test func aStreamAnsweredWithAnErrorThrowsTheTypedError() async throws {
        try await withRelay(Relay()) { relay in
            let error = try await #require(throws: ResponseError.self) {
                _ = try await relay.events.streamProjectEvents(project: "acme/none")
            }
            #expect(error.status.code == 404)
            #expect(error.errorModel?.message == "no project acme/none")
        }
    }

    @Test func theAttemptTimeoutCoversTheWaitForTheHeadNotTheReading() async throws {
        let relay = Relay()
        let options = ClientOptions(attemptTimeout: .milliseconds(300))
        try await withRelay(relay, options: options) { client in
            let events = try await client.events.streamProjectEvents(project: "acme/billing")
            let feeder = Task {
                for number in 1...4 {
                    try await Task.sleep(for: .milliseconds(150))
                    relay.live.continuation.yield(ServerSentEvent(data: Self.event(number)))
                }
                relay.live.continuation.finish()
            }
            var ids: [String] = []
            for try await event in events { ids.append(event.data.id) }
            try await feeder.value
            #expect(ids == ["evt_1", "evt_2", "evt_3", "evt_4"])  // 600 ms of events, past the 300 ms limit
        }
    }

    @Test func cancellingTheReaderEndsAStreamThatIsWaiting() async throws {
        let relay = Relay()
        try await withRelay(relay) { client in
            let events = try await client.events.streamProjectEvents(project: "acme/billing")
            let read = Locked(0)
            let reader = Task {
                for try await _ in events { read.withLock { $0 += 1 } }
            }
            relay.live.continuation.yield(ServerSentEvent(data: Self.event(1)))
            while read.value == 0 { try await Task.sleep(for: .milliseconds(10)) }
            // The reader now waits for an event that does not come.
            try await Task.sleep(for: .milliseconds(100))
            let start = ContinuousClock.now
            reader.cancel()
            let ended = await reader.result
            #expect(ContinuousClock.now - start < .seconds(1))
            #expect(read.value == 1)
            if case .failure(let error) = ended { #expect(error is CancellationError, "\(error)") }
            relay.live.continuation.finish()
        }
    }

    @Test func bytesArriveInChunksPastTheCollectingLimit() async throws {
        let attachment = Data((0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        // A 1 MiB collecting limit: a buffered download of 4 MiB would fail.
        try await withRelay(Relay(attachment: attachment), maxResponseBytes: 1 << 20) { relay in
            let body = try await relay.events.downloadEventAttachment(eventID: Self.eventID)
            var received = Data()
            var chunks = 0
            for try await chunk in body {
                chunks += 1
                received.append(contentsOf: chunk)
            }
            #expect(chunks > 1)
            #expect(received == attachment)
        }
    }

    @Test func uploadsAreReadAsTheyAreSent() async throws {
        let relay = Relay()
        try await withRelay(relay, maxBodyBytes: 8 << 20) { client in
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ArraySlice<UInt8>.self)
            let producer = Task {
                for _ in 0..<32 { continuation.yield(ArraySlice(repeating: 7, count: 64 << 10)) }
                continuation.finish()
            }
            try await client.events.uploadEventAttachment(eventID: Self.eventID, body: HTTPBody(chunks, length: .unknown))
            await producer.value
            #expect(relay.uploads.withLock { $0 } == [2 << 20])
        }
    }

    @Test func aStreamReadOnceIsNeverSentTwiceButBytesAre() async throws {
        let relay = Relay()
        let fast = ClientOptions(retry: RetryPolicy(initialBackoff: .milliseconds(10)))
        try await withRelay(relay, options: fast) { client in
            // PUT is retried on 503, but a body that can be read only once cannot be sent again.
            relay.refuseUploads.withLock { $0 = 1 }
            let once = HTTPBody(AsyncThrowingStream { continuation in
                continuation.yield(ArraySlice("once".utf8))
                continuation.finish()
            }, length: .known(4), iterationBehavior: .single)
            let error = try await #require(throws: ResponseError.self) {
                try await client.events.uploadEventAttachment(eventID: Self.eventID, body: once)
            }
            #expect(error.status.code == 503)
            #expect(relay.uploads.withLock { $0 } == [4])

            // Bytes in memory are the same every time: sent again, and stored.
            relay.refuseUploads.withLock { $0 = 1 }
            try await client.events.uploadEventAttachment(eventID: Self.eventID, body: HTTPBody(Data("twice".utf8)))
            #expect(relay.uploads.withLock { $0 } == [4, 5, 5])
        }
    }
}
