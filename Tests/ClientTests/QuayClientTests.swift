import APIRuntime
import PawprintClinicClient
import QuayClient
import Testing

/// The generated Quay client over an in-memory transport: how every kind of value goes on the
/// wire, and how every kind of answer comes back.
@Suite struct QuayClientTests {
    // MARK: Paths

    @Test func repositoryGoesOutAsTwoSegmentsEachPercentEncoded() async throws {
        let transport = MemoryTransport { _ in .json(#"{"tags": [], "page": 1, "has_additional": false}"#) }
        let quay = Quay(serverURL: server, transport: transport)
        _ = try await quay.tag.listRepoTags(repository: "quayadmin/busy box", onlyActiveTags: true, page: 2, limit: 50)
        _ = try await quay.tag.listRepoTags(repository: "org/a/b?c")
        let sent = transport.sent
        #expect(sent[0].path == "/api/v1/repository/quayadmin/busy%20box/tag/")
        #expect(sent[0].query == "onlyActiveTags=true&page=2&limit=50")
        // Only the first slash separates the two segments; the rest is data and is escaped.
        #expect(sent[1].path == "/api/v1/repository/org/a%2Fb%3Fc/tag/")
        #expect(sent[1].query == nil)
        #expect(sent[0].operationID == "listRepoTags")
        #expect(sent[0].request.method == .get)
        #expect(sent[0].baseURL == server)
    }

    @Test func ordinaryPathParametersEscapeEverySlash() async throws {
        let transport = MemoryTransport { _ in MemoryTransport.Answer(status: .noContent) }
        let quay = Quay(serverURL: server, transport: transport)
        try await quay.tag.deleteFullTag(repository: "ns/repo", tag: "v1/rc+1")
        #expect(transport.sent[0].path == "/api/v1/repository/ns/repo/tag/v1%2Frc%2B1")
        #expect(transport.sent[0].request.method == .delete)
    }

    @Test func trailingSlashesStayAsDocumented() async throws {
        let transport = MemoryTransport { sent in
            sent.path.hasSuffix("/tag/") ? .json(#"{"tags": [], "page": 1, "has_additional": false}"#) : .json(#"{"repositories": []}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        _ = try await quay.repository.listRepos(namespace: "quayadmin")
        _ = try await quay.tag.listRepoTags(repository: "a/b")
        #expect(transport.sent.map(\.path) == ["/api/v1/repository", "/api/v1/repository/a/b/tag/"])
        #expect(transport.sent[0].query == "namespace=quayadmin")
    }

    // MARK: Bodies

    @Test func jsonBodiesUseTheSpecsPropertyNames() async throws {
        let transport = MemoryTransport { _ in .json(#"{"namespace": "quayadmin", "name": "busybox", "kind": "image"}"#, status: .created) }
        let quay = Quay(serverURL: server, transport: transport)
        let created = try await quay.repository.createRepo(body: .init(repository: "busybox", visibility: .public,
                                                                       description: "A small image", repoKind: .image))
        #expect(created.namespace == "quayadmin" && created.kind == .image)
        let sent = try #require(transport.sent.first)
        #expect(sent.header("Content-Type") == "application/json")
        let json = try JSONValue(parsing: sent.body)
        #expect(json == ["repository": "busybox", "visibility": "public", "description": "A small image", "repo_kind": "image"])
    }

    // MARK: Answers

    @Test func anyTwoHundredIsSuccessAndUnexpectedBodiesOnVoidOperationsAreFine() async throws {
        let statuses: [HTTPResponse.Status] = [.ok, .created, .accepted, .noContent, .init(code: 299)]
        for status in statuses {
            let transport = MemoryTransport { _ in MemoryTransport.Answer(status: status, body: "not json at all") }
            let quay = Quay(serverURL: server, transport: transport)
            try await quay.repository.deleteRepository(repository: "a/b")
        }
    }

    @Test func typedBodiesDecodeWithTheirSwiftNames() async throws {
        let transport = MemoryTransport { _ in
            .json(#"""
            {"anonymous": false, "username": "quayadmin", "verified": true, "unknown_field": 1,
             "avatar": {"name": "quayadmin", "hash": "ab12", "color": "#969696", "kind": "user"},
             "organizations": [{"name": "acme", "avatar": {"name": "acme", "hash": "cd34", "color": "#aec7e8", "kind": "org"},
                                "can_create_repo": true, "public": false}]}
            """#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        let user = try await quay.user.getLoggedInUser()
        #expect(user.username == "quayadmin")
        #expect(user.organizations?.first?.name == "acme")
        #expect(user.organizations?.first?.avatar.kind == .org)
        #expect(user.verified == true)
        #expect(user.email == nil)
    }

    @Test func constantBodiesAreNotTheCallersConcern() async throws {
        // Quay answers createOrganization with the JSON string "Created", and createGlobalMessage
        // with an empty text/html page: neither method returns anything.
        let transport = MemoryTransport { sent in
            sent.path.hasSuffix("/messages") ? MemoryTransport.Answer(status: .created, headers: ["Content-Type": "text/html; charset=utf-8"])
                : .json(#""Created""#, status: .created)
        }
        let quay = Quay(serverURL: server, transport: transport)
        try await quay.organization.createOrganization(body: .init(name: "acme"))
        try await quay.globalmessages.createGlobalMessage(body: .init(message: .init(content: "Maintenance at noon", mediaType: .textPlain, severity: .info)))
        let raw = try await quay.organization.createOrganizationRaw(body: .init(name: "acme"))
        #expect(raw.status == .created)
        #expect(raw.json == "Created")
    }

    @Test func bodiesWithoutASchemaComeBackAsJSONValueEvenWhenEmpty() async throws {
        let transport = MemoryTransport { sent in
            sent.query == "month=2026-11" ? .json(#"{"month": "2026-11", "visits": [{"pet": "Rex"}], "closed": true}"#)
                : MemoryTransport.Answer(status: .ok)
        }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        let report = try await clinic.clinic.exportVisitReport(month: "2026-11")
        #expect(report["month"]?.stringValue == "2026-11")
        #expect(report["visits"]?[0]?["pet"] == "Rex")
        #expect(report["closed"]?.boolValue == true)
        struct Report: Decodable { var month: String }
        #expect(try report.decode(as: Report.self).month == "2026-11")
        #expect(report.description == #"{"closed":true,"month":"2026-11","visits":[{"pet":"Rex"}]}"#)
        let empty = try await clinic.clinic.exportVisitReport(month: "2026-12")
        #expect(empty == .null)
    }

    @Test func errorStatusesThrowResponseErrorWithEverythingTheServerSaid() async throws {
        let transport = MemoryTransport { _ in
            MemoryTransport.Answer(status: .notFound, headers: ["Content-Type": "application/json", "X-Trace": "abc"],
                                   body: #"{"status": 404, "title": "not_found", "detail": "Not Found", "type": "about:blank"}"#)
        }
        let quay = Quay(serverURL: server, transport: transport)
        do {
            _ = try await quay.repository.getRepo(repository: "a/missing")
            Issue.record("no error thrown")
        } catch let error as ResponseError {
            #expect(error.status == .notFound)
            #expect(error.kind == .status)
            #expect(error.operationID == "getRepo")
            #expect(error.headerFields[HTTPField.Name("X-Trace")!] == "abc")
            #expect(error.body["detail"] == "Not Found")
            #expect(error.apiError?.detail == "Not Found")
            #expect(error.apiError?.status == 404)
            #expect(String(decoding: error.bytes, as: UTF8.self).contains("not_found"))
            #expect(error.description.hasPrefix("getRepo: HTTP 404 Not Found: {"))
        }
    }

    @Test func errorsWithoutJSONBodiesKeepTheText() async throws {
        let transport = MemoryTransport { _ in MemoryTransport.Answer(status: .badGateway, body: "<html>bad gateway</html>") }
        let quay = Quay(serverURL: server, transport: transport)
        let error = try await #require(throws: ResponseError.self) { _ = try await quay.user.getLoggedInUser() }
        #expect(error.body == .string("<html>bad gateway</html>"))
        #expect(error.apiError == nil)
    }

    @Test func aSuccessBodyThatDoesNotDecodeIsAResponseErrorToo() async throws {
        let transport = MemoryTransport { _ in .json(#"{"tags": "not a list"}"#) }
        let quay = Quay(serverURL: server, transport: transport)
        let error = try await #require(throws: ResponseError.self) { _ = try await quay.tag.listRepoTags(repository: "a/b") }
        guard case .undecodableBody = error.kind else { Issue.record("kind \(error.kind)"); return }
        #expect(error.status == .ok)
    }

    @Test func theRawVariantReturnsTheWholeResponseWithoutThrowingForStatus() async throws {
        let transport = MemoryTransport { _ in MemoryTransport.Answer(status: .forbidden, headers: ["X-A": "1"], body: #"{"detail":"no"}"#) }
        let quay = Quay(serverURL: server, transport: transport)
        let response = try await quay.repository.getRepoRaw(repository: "a/b")
        #expect(response.status == .forbidden)
        #expect(!response.isSuccess)
        #expect(response.header("X-A") == "1")
        #expect(response.json?["detail"] == "no")
        #expect(throws: ResponseError.self) { try response.body() }
    }

    // MARK: Open enums

    @Test func unknownEnumValuesDecodeAsUnknownAndRoundTrip() throws {
        let decoded = try JSONCoding.decoder().decode([Visibility].self, from: Data(#"["public", "internal"]"#.utf8))
        #expect(decoded == [.public, .unknown("internal")])
        #expect(!decoded[1].isKnown && decoded[0].isKnown)
        #expect(String(decoding: try JSONCoding.encoder().encode(decoded), as: UTF8.self) == #"["public","internal"]"#)
        #expect(Visibility(rawValue: "private") == .private)
    }

    @Test func unknownObjectFieldsAreIgnored() throws {
        let body = #"{"repository": "r", "visibility": "private", "description": "d", "brand_new_field": [1, 2]}"#
        let value = try JSONCoding.decoder().decode(NewRepository.self, from: Data(body.utf8))
        #expect(value.repository == "r" && value.visibility == .private && value.namespace == nil)
    }

    // MARK: Tokens

    @Test func theTokenIsSentButNeverShown() async throws {
        let secret = "s3cr3t-t0ken-value"
        let transport = MemoryTransport { _ in MemoryTransport.Answer(status: .unauthorized, body: #"{"detail": "bad token"}"#) }
        let quay = Quay(serverURL: server, transport: transport, token: secret)
        let error = try await #require(throws: ResponseError.self) { _ = try await quay.user.getLoggedInUser() }
        #expect(transport.sent[0].header("Authorization") == "Bearer \(secret)")
        var dumped = ""
        dump(quay, to: &dumped)
        var dumpedError = ""
        dump(error, to: &dumpedError)
        for text in [String(describing: quay), String(reflecting: quay), dumped, String(describing: error),
                     String(reflecting: error), dumpedError, "\(quay.client)", "\(quay.tag)",
                     String(describing: BearerTokenMiddleware(token: secret))] {
            #expect(!text.contains(secret), "the token shows in: \(text.prefix(300))")
        }
        #expect(dumped.contains("<redacted>") || !dumped.contains("token"))
    }

    @Test func middlewaresRunInOrderAndAnAuthorizationTheySetIsKept() async throws {
        struct Stamp: ClientMiddleware {
            var name: String
            func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                           next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
                async throws -> (HTTPResponse, HTTPBody?) {
                var request = request
                let field = HTTPField.Name("X-Order")!
                request.headerFields[field] = (request.headerFields[field].map { $0 + "," } ?? "") + name
                if name == "auth" { request.headerFields[.authorization] = "Custom x" }
                return try await next(request, body, baseURL)
            }
        }
        let transport = MemoryTransport { _ in MemoryTransport.Answer(status: .noContent) }
        let quay = Quay(serverURL: server, transport: transport, token: "t",
                        middlewares: [Stamp(name: "first"), Stamp(name: "auth")])
        try await quay.repository.deleteRepository(repository: "a/b")
        #expect(transport.sent[0].header("X-Order") == "first,auth")
        #expect(transport.sent[0].header("Authorization") == "Custom x")
    }
}
