import APIRuntime
import Foundation
import OpenAPIURLSession
import QuayClient
import QuayMock
import QuayServer
import Testing

/// quay-mock keeps state coherently, seen through the generated client.
@Suite(.serialized) struct QuayMockTests {
    let digest1 = "sha256:" + String(repeating: "a", count: 64)
    let digest2 = "sha256:" + String(repeating: "b", count: 64)

    private func withMock(pageSize: Int = 50, _ body: @Sendable (Quay) async throws -> Void) async throws {
        try await withMockServer(pageSize: pageSize) { url in
            try await body(Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.all))
        }
    }

    private func withMockServer(pageSize: Int = 50, _ body: @Sendable (URL) async throws -> Void) async throws {
        try await withServer(QuayMockServer(store: QuayStore(pageSize: pageSize)), tokens: TestTokens.table,
                             fallback: QuayMockFallback.answer, body)
    }

    /// An unsigned JWT with these claims, as an OIDC issuer would sign one.
    private func jwt(issuer: String, subject: String) -> String {
        func part(_ json: String) -> String {
            Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        return part(#"{"alg":"none"}"#) + "." + part(#"{"iss":"\#(issuer)","sub":"\#(subject)"}"#) + "."
    }

    @Test func aFederatedRobotExchangesItsIdentityForAToken() async throws {
        try await withMockServer { url in
            let admin = Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.all)
            try await admin.organization.createOrganization(body: .init(name: "acme"))
            try await admin.robot.createOrgRobot(orgname: "acme", robotShortname: "builder", body: .init(description: "CI"))
            let identity = QuayClient.RobotFederationIdentity(issuer: "https://oidc.example.com", subject: "system:serviceaccount:ci:builder")
            let configured = try await admin.robot.createOrgRobotFederation(orgname: "acme", robotShortname: "builder", body: [identity])
            #expect(configured == [identity])

            let robot = Quay(serverURL: url, transport: URLSessionTransport(), token: TestTokens.all,
                             basic: BasicCredentials(username: "acme+builder", password: jwt(issuer: identity.issuer, subject: identity.subject)))
            let token = try await robot.robot.getFederatedRobotToken()
            #expect(!token.token.isEmpty)

            // A bearer token alone is refused here, and so is an identity the robot does not trust.
            let bearerOnly = try await #require(throws: ResponseError.self) { _ = try await admin.robot.getFederatedRobotToken() }
            #expect(bearerOnly.status == .unauthorized)
            #expect(bearerOnly.apiError?.detail == "getFederatedRobotToken takes basic credentials, not bearer")
            let stranger = Quay(serverURL: url, transport: URLSessionTransport(),
                                basic: BasicCredentials(username: "acme+builder", password: jwt(issuer: identity.issuer, subject: "someone-else")))
            let refused = try await #require(throws: ResponseError.self) { _ = try await stranger.robot.getFederatedRobotToken() }
            #expect(refused.status == .unauthorized)
            // Basic credentials are sent only where Basic is taken: other calls still carry the token.
            _ = try await robot.user.getLoggedInUser()
        }
    }

    @Test func repositoriesAreCreatedListedInPagesUpdatedAndDeleted() async throws {
        try await withMock(pageSize: 2) { quay in
            try await quay.organization.createOrganization(body: .init(name: "acme", email: "ops@acme.example.com"))
            for name in ["api", "web", "db", "cache", "queue"] {
                try await quay.repository.createRepo(body: .init(repository: name, visibility: .private, namespace: "acme",
                                                                 description: "the \(name)"))
            }
            var names: [String] = []
            var pages = 0
            for try await page in quay.repository.listReposPages(namespace: "acme") {
                pages += 1
                names += page.repositories.map(\.name)
            }
            #expect(pages == 3)
            #expect(names == ["api", "cache", "db", "queue", "web"])
            _ = try await quay.repository.updateRepo(repository: "acme/api", body: .init(description: "public API"))
            try await quay.repository.changeRepoVisibility(repository: "acme/api", body: .init(visibility: .public))
            let repo = try await quay.repository.getRepo(repository: "acme/api")
            #expect(repo.description == "public API")
            #expect(repo.isPublic)
            try await quay.repository.deleteRepository(repository: "acme/api")
            let missing = try await #require(throws: ResponseError.self) { _ = try await quay.repository.getRepo(repository: "acme/api") }
            #expect(missing.status == .notFound)
            #expect(missing.apiError?.detail == "repository 'acme/api' does not exist")
            let duplicate = try await #require(throws: ResponseError.self) {
                try await quay.repository.createRepo(body: .init(repository: "web", visibility: .public, namespace: "acme", description: ""))
            }
            #expect(duplicate.status == .badRequest)
        }
    }

    @Test func tagsPageMoveDeleteAndRestore() async throws {
        try await withMock { quay in
            try await quay.repository.createRepo(body: .init(repository: "busybox", visibility: .public, description: ""))
            for index in 1...7 {
                try await quay.tag.changeTag(repository: "quayadmin/busybox", tag: "v\(index)", body: .init(manifestDigest: digest1))
            }
            var tags = 0
            var pages = 0
            for try await page in quay.tag.listRepoTagsPages(repository: "quayadmin/busybox", limit: 3) {
                pages += 1
                tags += page.tags.count
            }
            #expect(pages == 3 && tags == 7)
            try await quay.tag.changeTag(repository: "quayadmin/busybox", tag: "v1", body: .init(manifestDigest: digest2))
            try await quay.tag.deleteFullTag(repository: "quayadmin/busybox", tag: "v1")
            let active = try await quay.tag.listRepoTags(repository: "quayadmin/busybox", onlyActiveTags: true, specificTag: "v1")
            #expect(active.tags.isEmpty)
            try await quay.tag.restoreTag(repository: "quayadmin/busybox", tag: "v1", body: .init(manifestDigest: digest1))
            let restored = try await quay.tag.listRepoTags(repository: "quayadmin/busybox", specificTag: "v1")
            #expect(restored.tags.first?.manifestDigest == digest1)
            let filtered = try await quay.tag.listRepoTags(repository: "quayadmin/busybox", filterTagName: "eq:v7")
            #expect(filtered.tags.map(\.name) == ["v7"])
            let badLimit = try await #require(throws: ResponseError.self) {
                _ = try await quay.tag.listRepoTags(repository: "quayadmin/busybox", limit: 500)
            }
            #expect(badLimit.status == .badRequest)
        }
    }

    @Test func immutabilityPoliciesProtectMatchingTags() async throws {
        try await withMock { quay in
            try await quay.organization.createOrganization(body: .init(name: "acme"))
            try await quay.repository.createRepo(body: .init(repository: "app", visibility: .public, namespace: "acme", description: ""))
            try await quay.tag.changeTag(repository: "acme/app", tag: "v1.0", body: .init(manifestDigest: digest1))
            try await quay.immutabilityPolicy.createOrgImmutabilityPolicy(orgname: "acme", body: .init(tagPattern: "v[0-9.]+", tagPatternMatches: true))
            let refused = try await #require(throws: ResponseError.self) {
                try await quay.tag.deleteFullTag(repository: "acme/app", tag: "v1.0")
            }
            #expect(refused.status == .badRequest)
            #expect(refused.apiError?.detail?.hasPrefix("tag 'v1.0' is immutable") == true)
            let policies = try await quay.immutabilityPolicy.listOrgImmutabilityPolicies(orgname: "acme")
            let uuid = try #require(policies.policies.first?.uuid)
            try await quay.immutabilityPolicy.deleteOrgImmutabilityPolicy(orgname: "acme", policyUUID: uuid)
            try await quay.tag.deleteFullTag(repository: "acme/app", tag: "v1.0")
        }
    }

    @Test func robotsTeamsPermissionsAndNotifications() async throws {
        try await withMock { quay in
            try await quay.organization.createOrganization(body: .init(name: "acme"))
            try await quay.robot.createOrgRobot(orgname: "acme", robotShortname: "deployer", body: .init(description: "CI"))
            let robot = try await quay.robot.getOrgRobot(orgname: "acme", robotShortname: "deployer")
            #expect(robot.name == "acme+deployer" && robot.token?.isEmpty == false)
            _ = try await quay.team.updateOrganizationTeam(orgname: "acme", teamname: "devs", body: .init(role: .member, description: "Developers"))
            try await quay.superuser.createInstallUser(body: .init(username: "alice", email: "alice@example.com"))
            _ = try await quay.team.updateOrganizationTeamMember(orgname: "acme", teamname: "devs", membername: "alice")
            let members = try await quay.team.getOrganizationTeamMembers(orgname: "acme", teamname: "devs")
            #expect(members.members.first?.name == "alice")
            try await quay.repository.createRepo(body: .init(repository: "app", visibility: .private, namespace: "acme", description: ""))
            _ = try await quay.permission.changeUserPermissions(repository: "acme/app", username: "alice", body: .init(role: .write))
            _ = try await quay.permission.changeTeamPermissions(repository: "acme/app", teamname: "devs", body: .init(role: .read))
            let users = try await quay.permission.listRepoUserPermissions(repository: "acme/app")
            #expect(users.permissions["alice"]?.role == .write)
            try await quay.repositorynotification.createRepoNotification(
                repository: "acme/app", body: .init(event: .repoPush, method: .webhook, config: ["url": "https://hooks.example.com"], eventConfig: [:]))
            let notifications = try await quay.repositorynotification.listRepoNotifications(repository: "acme/app")
            #expect(notifications.notifications.first?.event == "repo_push")
            let badEvent = try await #require(throws: ResponseError.self) {
                try await quay.repositorynotification.createRepoNotification(
                    repository: "acme/app", body: .init(event: .unknown("nope"), method: .webhook, config: [:], eventConfig: [:]))
            }
            #expect(badEvent.status == .badRequest)
            #expect(badEvent.apiError?.detail?.hasPrefix("body: 'event': must be one of 'repo_push', 'build_queued'") == true)
        }
    }

    @Test func autoPrunePoliciesAreChecked() async throws {
        try await withMock { quay in
            try await quay.organization.createOrganization(body: .init(name: "acme"))
            try await quay.policy.createOrganizationAutoPrunePolicy(orgname: "acme", body: .pruneByNumberOfTags(.init(value: 10)))
            try await quay.policy.createOrganizationAutoPrunePolicy(orgname: "acme", body: .pruneByCreationDate(.init(value: "7d")))
            let bad = try await #require(throws: ResponseError.self) {
                try await quay.policy.createOrganizationAutoPrunePolicy(orgname: "acme", body: .pruneByCreationDate(.init(value: "soon")))
            }
            #expect(bad.apiError?.detail == "body: 'value' must match the pattern ^[0-9]+[smhdw]$, not 'soon'")
            let none = try await #require(throws: ResponseError.self) {
                try await quay.policy.createOrganizationAutoPrunePolicy(orgname: "acme", body: .pruneByNumberOfTags(.init(value: 0)))
            }
            #expect(none.apiError?.detail == "body: 'value' must be at least 1, not 0")
            let list = try await quay.policy.listOrganizationAutoPrunePolicies(orgname: "acme")
            #expect(list.policies.map(\.value) == [.integer(10), .string("7d")])
        }
    }

    @Test func operationsWithoutStateAnswerLikeQuayDid() async throws {
        try await withMock { quay in
            // The spec's example: an answer recorded from a real Quay, decoded as its type.
            let builds = try await quay.build.getRepoBuilds(repository: "quayadmin/none")
            #expect(builds.builds.first?.phase == .complete || builds.builds.first != nil)
            let token = try await quay.appspecifictokens.createAppToken(body: .init(title: "ci"))
            #expect(token.token.title.isEmpty == false)
            // Quay's "Created" and empty text/html answers, written by the stubs.
            try await quay.organization.createOrganization(body: .init(name: "acme"))
            let created = try await quay.namespacequota.createOrganizationQuotaRaw(orgname: "acme", body: .init(limitBytes: 1 << 30))
            #expect(created.status == .created && created.json == "Created")
            let message = try await quay.globalmessages.createGlobalMessageRaw(body: .init(message: .init(content: "Maintenance at noon", mediaType: .textMarkdown, severity: .info)))
            #expect(message.status == .created && message.bytes.isEmpty && message.header("Content-Type") == "text/html")
            let messages = try await quay.globalmessages.getGlobalMessages()
            #expect(messages.messages.map(\.content) == ["Maintenance at noon"])
        }
    }

    @Test func tokenFilesParseAndRejectUnknownScopes() throws {
        let tokens = try TokenFile.parse("""
            # tokens for the tests
            admin@quayadmin: repo:read repo:admin super:user
            reader: repo:read
            """, defaultUser: "quayadmin")
        #expect(tokens["admin"] == Principal(name: "quayadmin", scopes: ["repo:read", "repo:admin", "super:user"]))
        #expect(tokens["reader"]?.scopes == ["repo:read"])
        #expect(throws: TokenFile.Problem.self) { try TokenFile.parse("x: repo:everything", defaultUser: "a") }
        let json = try TokenFile.parse(#"[{"token": "t", "user": "bob", "scopes": ["user:read"]}]"#, defaultUser: "a")
        #expect(json["t"] == Principal(name: "bob", scopes: ["user:read"]))
        let flag = try TokenFile.parseFlag("ci@robot=repo:read,repo:write", defaultUser: "a")
        #expect(flag.0 == "ci" && flag.1 == Principal(name: "robot", scopes: ["repo:read", "repo:write"]))
    }
}
