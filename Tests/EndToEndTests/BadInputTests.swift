import APIRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import QuayClient
import QuayMock
import QuayServer
import Testing

/// Requests the generated stubs must refuse before a handler runs: each gets a clear 4xx with
/// Quay's `ApiError` body, never a 5xx or a crash, and the server keeps serving.
@Suite(.serialized) struct BadInputTests {
    struct Answer {
        var status: Int
        var json: JSONValue
    }

    private func send(_ method: String, _ url: URL, body: String? = nil, contentType: String? = "application/json",
                      token: String? = TestTokens.all) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body { request.httpBody = Data(body.utf8) }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? -1
        return Answer(status: status, json: (try? JSONValue(parsing: Array(data))) ?? .string(String(decoding: data, as: UTF8.self)))
    }

    @Test(arguments: [
        ("POST", "/api/v1/repository", #"{"repository": "r", "visibility": "public""#, 400, "malformed JSON"),
        ("POST", "/api/v1/repository", #"{"visibility": "public", "description": "d"}"#, 400, "missing required field 'repository'"),
        ("POST", "/api/v1/repository", #"{"repository": 7, "visibility": "public", "description": "d"}"#, 400, "'repository' must be a string"),
        ("POST", "/api/v1/repository", #"{"repository": "r", "visibility": "hidden", "description": "d"}"#, 400, "'visibility': must be one of 'public', 'private', not 'hidden'"),
        ("POST", "/api/v1/repository", "", 400, "the request body is required"),
        ("GET", "/api/v1/repository/quayadmin/r/tag/?page=two", nil, 400, "query parameter 'page' must be an integer, not 'two'"),
        ("GET", "/api/v1/repository/quayadmin/r/tag/?onlyActiveTags=yes", nil, 400, "query parameter 'onlyActiveTags' must be true or false, not 'yes'"),
        ("GET", "/api/v1/repository?repo_kind=video", nil, 400, "query parameter 'repo_kind' must be one of 'image', 'application', not 'video'"),
        ("PUT", "/api/v1/repository/quayadmin/r/permissions/user/quayadmin", #"{"role": "owner"}"#, 400, "'role': must be one of 'read', 'write', 'admin', not 'owner'"),
        ("GET", "/api/v1/nothing/here", nil, 404, "no operation matches GET /api/v1/nothing/here"),
    ] as [(String, String, String?, Int, String)])
    func refusedWithANamedProblem(_ method: String, _ path: String, _ body: String?, _ status: Int, _ detail: String) async throws {
        try await withServer(QuayMockServer(store: QuayStore()), tokens: TestTokens.table) { url in
            let answer = try await send(method, URL(string: url.absoluteString + path)!, body: body)
            #expect(answer.status == status)
            #expect(answer.json["status"] == .int(status))
            #expect(answer.json["detail"]?.stringValue?.contains(detail) == true, "detail: \(answer.json["detail"] ?? "none")")
            #expect(answer.json["title"] != nil && answer.json["error_message"] != nil)
            // The server keeps serving.
            let after = try await send("GET", URL(string: url.absoluteString + "/api/v1/user/")!)
            #expect(after.status == 200)
        }
    }

    @Test func aWrongMediaTypeIs415AndAnOversizedBodyIs413() async throws {
        try await withServer(QuayMockServer(store: QuayStore()), tokens: TestTokens.table, maxBodyBytes: 1024) { url in
            let repository = URL(string: url.absoluteString + "/api/v1/repository")!
            let wrongType = try await send("POST", repository, body: "repository=r", contentType: "text/plain")
            #expect(wrongType.status == 415)
            #expect(wrongType.json["detail"]?.stringValue == "the body must be application/json, not text/plain")
            let big = #"{"repository": "r", "visibility": "public", "description": ""# + String(repeating: "x", count: 4096) + "\"}"
            let tooLarge = try await send("POST", repository, body: big)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.json["title"] == "payload_too_large")
            let after = try await send("POST", repository, body: #"{"repository": "r", "visibility": "public", "description": "d"}"#)
            #expect(after.status == 201)
        }
    }

    @Test func credentialsAreCheckedBeforeTheBody() async throws {
        try await withServer(QuayMockServer(store: QuayStore()), tokens: TestTokens.table) { url in
            let repository = URL(string: url.absoluteString + "/api/v1/repository")!
            let noToken = try await send("POST", repository, body: "{", token: nil)
            #expect(noToken.status == 401)
            let badToken = try await send("POST", repository, body: "{", token: "not-a-token")
            #expect(badToken.status == 401)
            let noScope = try await send("POST", repository, body: "{", token: TestTokens.without("repo:create"))
            #expect(noScope.status == 403)
            #expect(noScope.json["detail"] == "createRepo needs the scope 'repo:create'")
        }
    }
}
