import APIRuntime
import Foundation
import QuayServer

/// Everything a fake Quay remembers, in memory: users and organizations, repositories and
/// their tags, robots, teams, permissions, notifications and policies. Every method checks
/// what it is given and throws an `HTTPProblem` (answered as Quay's `ApiError`) when Quay
/// would refuse.
public actor QuayStore {
    struct User {
        var name: String
        var email: String?
        var isSuperuser = false
        var enabled = true
        var robots: [String: Robot] = [:]
        var prunePolicies: [PrunePolicy] = []
        var quota: Quota?
        var appTokens: [AppTokenRecord] = []
    }

    struct Organization {
        var name: String
        var email: String?
        var owners: Set<String>
        var teams: [String: Team] = [:]
        var robots: [String: Robot] = [:]
        var prunePolicies: [PrunePolicy] = []
        var immutabilityPolicies: [ImmutabilityRule] = []
        var quota: Quota?
        var applications: [ApplicationRecord] = []
    }

    struct Team {
        var name: String
        var role: TeamRole
        var description: String
        var members: [String] = []
    }

    struct Robot {
        var shortname: String
        var description: String
        var metadata: [String: JSONValue]
        var token: String
        var created: Date
        /// The external identities that may act as the robot (robot federation).
        var federation: [RobotFederationIdentity] = []
    }

    struct Repository {
        var namespace: String
        var name: String
        var description: String
        var visibility: Visibility
        var kind: RepoKind
        var state = "NORMAL"
        var tags: [String: TagRecord] = [:]
        var userRoles: [String: RepositoryRole] = [:]
        var teamRoles: [String: RepositoryRole] = [:]
        var notifications: [Notification] = []
        var prunePolicies: [PrunePolicy] = []
        var immutabilityPolicies: [ImmutabilityRule] = []
        var key: String { "\(namespace)/\(name)" }
    }

    /// A tag and where it has pointed.
    struct TagRecord {
        var name: String
        var digest: String
        var since: Date
        var expiration: Int?
        var deleted: Date?
        /// Digests the tag pointed to before, newest last.
        var history: [String] = []
        var immutable = false
    }

    struct Notification {
        var uuid: String
        var title: String?
        var event: String
        var method: String
        var config: [String: JSONValue]
        var eventConfig: [String: JSONValue]
        var failures = 0
    }

    struct PrunePolicy: Sendable {
        var uuid: String
        var method: PruneMethod
        var value: AutoPrunePolicyValue
        var tagPattern: String?
        var tagPatternMatches: Bool
    }

    struct ImmutabilityRule: Sendable {
        var uuid: String
        var tagPattern: String
        var tagPatternMatches: Bool
    }

    struct Message: Sendable {
        var uuid: String
        var content: String
        var severity: MessageSeverity
        var mediaType: MessageMediaType
    }

    var users: [String: User] = [:]
    /// The global messages shown to every user, in the order they were created.
    var messages: [Message] = []
    var organizations: [String: Organization] = [:]
    var repositories: [String: Repository] = [:]
    var stars: [String: Set<String>] = [:]
    /// How many items a token-paged list returns at once.
    let pageSize: Int
    private var counter = 0

    /// A store with one superuser, `quayadmin`, and `pageSize` items per token page.
    public init(superuser: String = "quayadmin", pageSize: Int = 50) {
        self.pageSize = max(1, pageSize)
        users[superuser] = User(name: superuser, email: "\(superuser)@example.com", isSuperuser: true)
    }

    /// A fresh identifier: deterministic within a run, unique within the store.
    func nextID(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(String(format: "%08x", counter))-0000-4000-8000-\(String(format: "%012x", counter))"
    }

    /// A fresh number, for the records Quay numbers (quotas and their limits).
    func nextNumber() -> Int {
        counter += 1
        return counter
    }

    // MARK: Lookups

    func user(_ name: String) throws -> User {
        guard let user = users[name] else { throw HTTPProblem.notFound("user '\(name)' does not exist") }
        return user
    }

    func organization(_ name: String) throws -> Organization {
        guard let organization = organizations[name] else { throw HTTPProblem.notFound("organization '\(name)' does not exist") }
        return organization
    }

    func repository(_ key: String) throws -> Repository {
        guard let repository = repositories[key] else { throw HTTPProblem.notFound("repository '\(key)' does not exist") }
        return repository
    }

    func namespaceExists(_ name: String) -> Bool { users[name] != nil || organizations[name] != nil }

    /// Applies a change to a repository that must exist.
    func updateRepository<T>(_ key: String, _ change: (inout Repository) throws -> T) throws -> T {
        guard var repository = repositories[key] else { throw HTTPProblem.notFound("repository '\(key)' does not exist") }
        let result = try change(&repository)
        repositories[key] = repository
        return result
    }

    /// Applies a change to an organization that must exist.
    func updateOrganization<T>(_ name: String, _ change: (inout Organization) throws -> T) throws -> T {
        guard var organization = organizations[name] else { throw HTTPProblem.notFound("organization '\(name)' does not exist") }
        let result = try change(&organization)
        organizations[name] = organization
        return result
    }

    /// Applies a change to a user that must exist.
    func updateUser<T>(_ name: String, _ change: (inout User) throws -> T) throws -> T {
        guard var user = users[name] else { throw HTTPProblem.notFound("user '\(name)' does not exist") }
        let result = try change(&user)
        users[name] = user
        return result
    }

    /// Runs a closure on the store, as one step.
    public func run<T: Sendable>(_ body: @Sendable (isolated QuayStore) throws -> T) rethrows -> T {
        try body(self)
    }
}

/// Numbered pages: the items of 1-based page `page` of `size`, and whether more remain. Safe
/// for any page number a client sends (no overflow traps).
enum NumberedPage {
    static func slice<T>(_ items: [T], page: Int, size: Int) -> (items: [T], more: Bool, start: Int) {
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        guard !overflow, offset >= 0, offset < items.count else { return ([], false, overflow ? Int.max : offset) }
        let end = offset + min(size, items.count - offset)
        return (Array(items[offset..<end]), end < items.count, offset)
    }
}

/// Token paging as Quay does it: an opaque `next_page` token while more items remain. A token
/// this server did not give (garbage, or expired) reads as no token, the first page, as
/// Quay's `decrypt_page_token` answers None for one it cannot decrypt.
enum TokenPage {
    static func slice<T>(_ items: [T], token: String?, size: Int) throws -> (items: [T], next: String?) {
        guard size >= 1 else { throw HTTPProblem.badRequest("limit must be at least 1, not \(size)") }
        var start = 0
        if let token, token.hasPrefix("o"), let offset = Int(token.dropFirst()), offset >= 0 {
            start = offset
        }
        guard start <= items.count else { return ([], nil) }
        let end = start + min(size, items.count - start)
        let page = start < items.count ? Array(items[start..<end]) : []
        return (page, end < items.count ? "o\(end)" : nil)
    }
}
