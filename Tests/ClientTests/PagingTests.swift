import APIRuntime
import QuayClient
import Synchronization
import Testing

/// The paging sequences the client makes from `x-apigen-pagination`.
@Suite struct PagingTests {
    /// A repository as listRepos lists it, with the fields Quay always sends.
    private static func repository(_ name: String) -> String {
        #"{"namespace": "acme", "name": "\#(name)", "description": null, "is_public": false, "kind": "image", "state": "NORMAL"}"#
    }

    private func query(_ sent: MemoryTransport.Sent, _ name: String) -> String? {
        sent.query?.split(separator: "&").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    @Test func tokenPagesFollowNextPageToTheEnd() async throws {
        let transport = MemoryTransport { sent in
            switch sent.query.flatMap({ $0.contains("next_page=b") ? "b" : $0.contains("next_page=a") ? "a" : nil }) {
            case nil: return .json(#"{"repositories": [\#(Self.repository("one")), \#(Self.repository("two"))], "next_page": "a"}"#)
            case "a": return .json(#"{"repositories": [\#(Self.repository("three"))], "next_page": "b"}"#)
            default: return .json(#"{"repositories": [\#(Self.repository("four"))]}"#)
            }
        }
        let quay = Quay(serverURL: server, transport: transport)
        var names: [String] = []
        for try await repository in quay.repository.listReposPages(namespace: "acme").items {
            names.append(repository.name)
        }
        #expect(names == ["one", "two", "three", "four"])
        #expect(transport.sent.map { query($0, "next_page") } == [nil, "a", "b"])
        #expect(transport.sent.allSatisfy { query($0, "namespace") == "acme" })
    }

    @Test func aRepeatedTokenStopsInsteadOfLoopingForever() async throws {
        let transport = MemoryTransport { _ in .json(#"{"repositories": [\#(Self.repository("x"))], "next_page": "same"}"#) }
        let quay = Quay(serverURL: server, transport: transport)
        var pages = 0
        for try await _ in quay.repository.listReposPages() { pages += 1 }
        #expect(pages == 2)
        #expect(transport.sent.count == 2)
    }

    @Test func anEmptyTokenEndsTheSequence() async throws {
        let transport = MemoryTransport { _ in .json(#"{"repositories": [], "next_page": ""}"#) }
        let quay = Quay(serverURL: server, transport: transport)
        var pages = 0
        for try await _ in quay.repository.listReposPages() { pages += 1 }
        #expect(pages == 1)
    }

    @Test func numberedPagesCountFromOneWhileHasAdditional() async throws {
        let transport = MemoryTransport { sent in
            let page = Int(sent.query?.split(separator: "&").first { $0.hasPrefix("page=") }?.dropFirst(5) ?? "1") ?? 1
            let tag = #"{"name": "t\#(page)", "reversion": false, "manifest_digest": "sha256:00", "is_manifest_list": false}"#
            return .json(#"{"tags": [\#(tag)], "page": \#(page), "has_additional": \#(page < 3)}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        var tags: [String] = []
        for try await tag in quay.tag.listRepoTagsPages(repository: "a/b", limit: 1).items {
            tags.append(tag.name)
        }
        #expect(tags == ["t1", "t2", "t3"])
        #expect(transport.sent.map { query($0, "page") } == ["1", "2", "3"])
        #expect(transport.sent.allSatisfy { query($0, "limit") == "1" })
    }

    @Test func aServerThatAlwaysClaimsMoreStopsAtAnEmptyPage() async throws {
        let transport = MemoryTransport { sent in
            sent.query?.contains("page=1") == true
                ? .json(#"{"tags": [{"name": "only", "reversion": false, "manifest_digest": "sha256:00", "is_manifest_list": false}], "page": 1, "has_additional": true}"#)
                : .json(#"{"tags": [], "page": 2, "has_additional": true}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        var pages = 0
        for try await _ in quay.tag.listRepoTagsPages(repository: "a/b") { pages += 1 }
        #expect(pages == 2)
    }

    @Test func cancellationPassesThrough() async throws {
        let count = Mutex(0)
        let transport = MemoryTransport { _ in
            count.withLock { $0 += 1 }
            return .json(#"{"repositories": [\#(Self.repository("x"))], "next_page": "\#(UInt64.random(in: 0...UInt64.max))"}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        let task = Task {
            var pages = 0
            for try await _ in quay.repository.listReposPages() {
                pages += 1
                if pages == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return pages
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(count.withLock { $0 } == 3)
    }

    @Test func errorsOnALaterPageSurface() async throws {
        let transport = MemoryTransport { sent in
            sent.query?.contains("next_page") == true
                ? MemoryTransport.Answer(status: .internalServerError, body: #"{"detail": "boom"}"#)
                : .json(#"{"repositories": [], "next_page": "n"}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        var pages = 0
        let error = await #expect(throws: ResponseError.self) {
            for try await _ in quay.repository.listReposPages() { pages += 1 }
        }
        #expect(pages == 1)
        #expect(error?.status == .internalServerError)
    }
}
