import Foundation
import QuayMock
import QuayServer
import Testing

// The README's Quay example, as written there, against quay-mock over HTTP.
import QuayClient
import OpenAPIURLSession            // or OpenAPIAsyncHTTPClient

@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleRuns() async throws {
        let store = QuayStore()
        try await withServer(QuayMockServer(store: store), tokens: TestTokens.table, fallback: QuayMockFallback.answer) { server in
            let token = TestTokens.all
            let digest = "sha256:" + String(repeating: "c", count: 64)
            let setup = Quay(serverURL: server, transport: URLSessionTransport(), token: token)
            try await setup.repository.createRepo(body: .init(repository: "busybox", visibility: .public, description: "BusyBox"))
            let url = server  // the README says https://quay.io

            // --- as in README.md ---
            let quay = Quay(serverURL: url, transport: URLSessionTransport(), token: token)
            let repo = try await quay.repository.getRepo(repository: "quayadmin/busybox")
            print(repo.name, repo.isPublic, repo.tags?.keys.sorted() ?? [])
            let page = try await quay.tag.listRepoTags(repository: "quayadmin/busybox", onlyActiveTags: true)
            try await quay.tag.changeTag(repository: "quayadmin/busybox", tag: "stable", body: .init(manifestDigest: digest))
            for try await repository in quay.repository.listReposPages(namespace: "quayadmin").items { print(repository.name) }
            // ---

            #expect(repo.name == "busybox" && repo.isPublic)
            #expect(page.tags == [])
            let after = try await quay.tag.listRepoTags(repository: "quayadmin/busybox")
            #expect(after.tags.first?.name == "stable")
        }
    }
}
