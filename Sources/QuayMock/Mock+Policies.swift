import APIRuntime
import Foundation
import QuayServer

/// Auto-prune policies (organizations, repositories, the calling user) and immutability
/// policies (organizations, repositories). Immutability is enforced on tags.
extension QuayMockServer {
    /// Where a policy lives.
    enum Owner {
        case organization(String), repository(String), user(String)
    }

    // MARK: Auto-prune

    public func createOrganizationAutoPrunePolicy(_ input: CreateOrganizationAutoPrunePolicy.Input) async throws -> CreateOrganizationAutoPrunePolicy.Output {
        return .created(try await createPolicy(.organization(input.orgname)) { try makePolicy(uuid: $0, input.body) })
    }

    public func listOrganizationAutoPrunePolicies(_ input: ListOrganizationAutoPrunePolicies.Input) async throws -> ListOrganizationAutoPrunePolicies.Output {
        .ok(try await listPolicies(QuayStore.PrunePolicy.self, .organization(input.orgname)))
    }

    public func getOrganizationAutoPrunePolicy(_ input: GetOrganizationAutoPrunePolicy.Input) async throws -> GetOrganizationAutoPrunePolicy.Output {
        .ok(try await getPolicy(QuayStore.PrunePolicy.self, .organization(input.orgname), input.policyUUID))
    }

    public func updateOrganizationAutoPrunePolicy(_ input: UpdateOrganizationAutoPrunePolicy.Input) async throws -> UpdateOrganizationAutoPrunePolicy.Output {
        try await updatePolicy(.organization(input.orgname), input.policyUUID) { try makePolicy(uuid: $0, input.body) }
        return .noContent
    }

    public func deleteOrganizationAutoPrunePolicy(_ input: DeleteOrganizationAutoPrunePolicy.Input) async throws -> DeleteOrganizationAutoPrunePolicy.Output {
        return .ok(try await deletePolicy(QuayStore.PrunePolicy.self, .organization(input.orgname), input.policyUUID))
    }

    public func createRepositoryAutoPrunePolicy(_ input: CreateRepositoryAutoPrunePolicy.Input) async throws -> CreateRepositoryAutoPrunePolicy.Output {
        return .created(try await createPolicy(.repository(input.repository)) { try makePolicy(uuid: $0, input.body) })
    }

    public func listRepositoryAutoPrunePolicies(_ input: ListRepositoryAutoPrunePolicies.Input) async throws -> ListRepositoryAutoPrunePolicies.Output {
        .ok(try await listPolicies(QuayStore.PrunePolicy.self, .repository(input.repository)))
    }

    public func getRepositoryAutoPrunePolicy(_ input: GetRepositoryAutoPrunePolicy.Input) async throws -> GetRepositoryAutoPrunePolicy.Output {
        .ok(try await getPolicy(QuayStore.PrunePolicy.self, .repository(input.repository), input.policyUUID))
    }

    public func updateRepositoryAutoPrunePolicy(_ input: UpdateRepositoryAutoPrunePolicy.Input) async throws -> UpdateRepositoryAutoPrunePolicy.Output {
        try await updatePolicy(.repository(input.repository), input.policyUUID) { try makePolicy(uuid: $0, input.body) }
        return .noContent
    }

    public func deleteRepositoryAutoPrunePolicy(_ input: DeleteRepositoryAutoPrunePolicy.Input) async throws -> DeleteRepositoryAutoPrunePolicy.Output {
        return .ok(try await deletePolicy(QuayStore.PrunePolicy.self, .repository(input.repository), input.policyUUID))
    }

    public func createUserAutoPrunePolicy(_ input: CreateUserAutoPrunePolicy.Input) async throws -> CreateUserAutoPrunePolicy.Output {
        return .created(try await createPolicy(.user(caller)) { try makePolicy(uuid: $0, input.body) })
    }

    public func listUserAutoPrunePolicies(_ input: ListUserAutoPrunePolicies.Input) async throws -> ListUserAutoPrunePolicies.Output {
        .ok(try await listPolicies(QuayStore.PrunePolicy.self, .user(caller)))
    }

    public func getUserAutoPrunePolicy(_ input: GetUserAutoPrunePolicy.Input) async throws -> GetUserAutoPrunePolicy.Output {
        .ok(try await getPolicy(QuayStore.PrunePolicy.self, .user(caller), input.policyUUID))
    }

    public func updateUserAutoPrunePolicy(_ input: UpdateUserAutoPrunePolicy.Input) async throws -> UpdateUserAutoPrunePolicy.Output {
        try await updatePolicy(.user(caller), input.policyUUID) { try makePolicy(uuid: $0, input.body) }
        return .noContent
    }

    public func deleteUserAutoPrunePolicy(_ input: DeleteUserAutoPrunePolicy.Input) async throws -> DeleteUserAutoPrunePolicy.Output {
        return .ok(try await deletePolicy(QuayStore.PrunePolicy.self, .user(caller), input.policyUUID))
    }

    /// A policy. The server stubs have checked it already (`number_of_tags` takes a count of 1
    /// or more, `creation_date` a duration such as `7d`, a tag pattern is not blank); Quay does
    /// not compile an auto-prune tag pattern when it stores one, and neither does the mock.
    private func makePolicy(uuid: String, _ config: AutoPrunePolicyConfig) throws -> QuayStore.PrunePolicy {
        let method: PruneMethod, value: AutoPrunePolicyValue, pattern: String?, matches: Bool?
        switch config {
        case .pruneByNumberOfTags(let policy):
            (method, value, pattern, matches) = (.numberOfTags, .integer(policy.value), policy.tagPattern, policy.tagPatternMatches)
        case .pruneByCreationDate(let policy):
            (method, value, pattern, matches) = (.creationDate, .string(policy.value), policy.tagPattern, policy.tagPatternMatches)
        }
        return QuayStore.PrunePolicy(uuid: uuid, method: method, value: value, tagPattern: pattern, tagPatternMatches: matches ?? true)
    }

    // MARK: Immutability

    public func createOrgImmutabilityPolicy(_ input: CreateOrgImmutabilityPolicy.Input) async throws -> CreateOrgImmutabilityPolicy.Output {
        return .created(try await createPolicy(.organization(input.orgname)) { try makeRule(uuid: $0, input.body) })
    }

    public func listOrgImmutabilityPolicies(_ input: ListOrgImmutabilityPolicies.Input) async throws -> ListOrgImmutabilityPolicies.Output {
        .ok(try await listPolicies(QuayStore.ImmutabilityRule.self, .organization(input.orgname)))
    }

    public func getOrgImmutabilityPolicy(_ input: GetOrgImmutabilityPolicy.Input) async throws -> GetOrgImmutabilityPolicy.Output {
        .ok(try await getPolicy(QuayStore.ImmutabilityRule.self, .organization(input.orgname), input.policyUUID))
    }

    public func updateOrgImmutabilityPolicy(_ input: UpdateOrgImmutabilityPolicy.Input) async throws -> UpdateOrgImmutabilityPolicy.Output {
        try await updatePolicy(.organization(input.orgname), input.policyUUID) { try makeRule(uuid: $0, input.body) }
        return .noContent
    }

    public func deleteOrgImmutabilityPolicy(_ input: DeleteOrgImmutabilityPolicy.Input) async throws -> DeleteOrgImmutabilityPolicy.Output {
        return .ok(try await deletePolicy(QuayStore.ImmutabilityRule.self, .organization(input.orgname), input.policyUUID))
    }

    public func createRepositoryImmutabilityPolicy(_ input: CreateRepositoryImmutabilityPolicy.Input) async throws -> CreateRepositoryImmutabilityPolicy.Output {
        return .created(try await createPolicy(.repository(input.repository)) { try makeRule(uuid: $0, input.body) })
    }

    public func listRepositoryImmutabilityPolicies(_ input: ListRepositoryImmutabilityPolicies.Input) async throws -> ListRepositoryImmutabilityPolicies.Output {
        .ok(try await listPolicies(QuayStore.ImmutabilityRule.self, .repository(input.repository)))
    }

    public func getRepositoryImmutabilityPolicy(_ input: GetRepositoryImmutabilityPolicy.Input) async throws -> GetRepositoryImmutabilityPolicy.Output {
        .ok(try await getPolicy(QuayStore.ImmutabilityRule.self, .repository(input.repository), input.policyUUID))
    }

    public func updateRepositoryImmutabilityPolicy(_ input: UpdateRepositoryImmutabilityPolicy.Input) async throws -> UpdateRepositoryImmutabilityPolicy.Output {
        try await updatePolicy(.repository(input.repository), input.policyUUID) { try makeRule(uuid: $0, input.body) }
        return .noContent
    }

    public func deleteRepositoryImmutabilityPolicy(_ input: DeleteRepositoryImmutabilityPolicy.Input) async throws -> DeleteRepositoryImmutabilityPolicy.Output {
        return .ok(try await deletePolicy(QuayStore.ImmutabilityRule.self, .repository(input.repository), input.policyUUID))
    }

    /// A checked rule: the stubs have checked that the pattern is there and not blank; as
    /// Quay does (with Python's `re`), the mock also refuses one that is not a regular
    /// expression, read by ICU's engine, which knows the same syntax but for a few extensions.
    private func makeRule(uuid: String, _ config: ImmutabilityPolicyConfig) throws -> QuayStore.ImmutabilityRule {
        let pattern = config.tagPattern
        guard (try? NSRegularExpression(pattern: pattern)) != nil else {
            throw HTTPProblem.badRequest("tagPattern '\(pattern)' is not a valid regular expression")
        }
        return QuayStore.ImmutabilityRule(uuid: uuid, tagPattern: pattern, tagPatternMatches: config.tagPatternMatches ?? true)
    }

    // MARK: Either kind

    private func createPolicy<Policy: StoredPolicy>(_ owner: Owner, _ make: @Sendable @escaping (String) throws -> Policy) async throws -> PolicyReference {
        try await store.run { store in
            let policy = try make(store.nextID(Policy.idPrefix))
            try Policy.update(owner, in: store) { $0.append(policy) }
            return PolicyReference(uuid: policy.uuid)
        }
    }

    private func listPolicies<Policy: StoredPolicy>(_ kind: Policy.Type, _ owner: Owner) async throws -> Policy.List {
        try await store.run { store in Policy.list(try Policy.update(owner, in: store) { $0 }.map(\.view)) }
    }

    private func getPolicy<Policy: StoredPolicy>(_ kind: Policy.Type, _ owner: Owner, _ uuid: String) async throws -> Policy.View {
        try await store.run { store in
            guard let policy = try Policy.update(owner, in: store, { $0 }).first(where: { $0.uuid == uuid }) else {
                throw HTTPProblem.notFound("\(Policy.noun) '\(uuid)' does not exist")
            }
            return policy.view
        }
    }

    private func updatePolicy<Policy: StoredPolicy>(_ owner: Owner, _ uuid: String, _ make: @Sendable @escaping (String) throws -> Policy) async throws {
        try await store.run { store in
            let policy = try make(uuid)
            try Policy.update(owner, in: store) { policies in
                guard let index = policies.firstIndex(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("\(Policy.noun) '\(uuid)' does not exist")
                }
                policies[index] = policy
            }
        }
    }

    /// Deletes a policy; Quay answers with its identifier.
    private func deletePolicy<Policy: StoredPolicy>(_ kind: Policy.Type, _ owner: Owner, _ uuid: String) async throws -> PolicyReference {
        try await store.run { store in
            try Policy.update(owner, in: store) { policies in
                guard policies.contains(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("\(Policy.noun) '\(uuid)' does not exist")
                }
                policies.removeAll { $0.uuid == uuid }
            }
            return PolicyReference(uuid: uuid)
        }
    }
}

/// What the mock keeps of one kind of policy: an identifier, what a client reads back, and
/// which owners keep a list of them.
protocol StoredPolicy: Sendable {
    /// What `GET` answers, and the list of them a listing answers.
    associatedtype View: Sendable
    associatedtype List: Sendable
    var uuid: String { get }
    /// The body `GET` returns.
    var view: View { get }
    /// The body a listing returns.
    static func list(_ views: [View]) -> List
    /// The policy's name in messages ("auto-prune policy").
    static var noun: String { get }
    /// The prefix of fresh identifiers.
    static var idPrefix: String { get }
    /// Applies `change` to `owner`'s list; throws when the owner does not exist or keeps none.
    static func update<T>(_ owner: QuayMockServer.Owner, in store: isolated QuayStore,
                          _ change: (inout [Self]) throws -> T) throws -> T
}

extension QuayStore.PrunePolicy: StoredPolicy {
    static var noun: String { "auto-prune policy" }
    static var idPrefix: String { "policy" }

    var view: AutoPrunePolicy {
        AutoPrunePolicy(uuid: uuid, method: method, value: value, tagPattern: tagPattern, tagPatternMatches: tagPatternMatches)
    }

    static func list(_ views: [AutoPrunePolicy]) -> AutoPrunePolicyList { AutoPrunePolicyList(policies: views) }

    static func update<T>(_ owner: QuayMockServer.Owner, in store: isolated QuayStore,
                          _ change: (inout [Self]) throws -> T) throws -> T {
        switch owner {
        case .organization(let name): return try store.updateOrganization(name) { try change(&$0.prunePolicies) }
        case .repository(let key): return try store.updateRepository(key) { try change(&$0.prunePolicies) }
        case .user(let name): return try store.updateUser(name) { try change(&$0.prunePolicies) }
        }
    }
}

extension QuayStore.ImmutabilityRule: StoredPolicy {
    static var noun: String { "immutability policy" }
    static var idPrefix: String { "immutability" }

    var view: ImmutabilityPolicy {
        ImmutabilityPolicy(uuid: uuid, tagPattern: tagPattern, tagPatternMatches: tagPatternMatches)
    }

    static func list(_ views: [ImmutabilityPolicy]) -> ImmutabilityPolicyList { ImmutabilityPolicyList(policies: views) }

    static func update<T>(_ owner: QuayMockServer.Owner, in store: isolated QuayStore,
                          _ change: (inout [Self]) throws -> T) throws -> T {
        switch owner {
        case .organization(let name): return try store.updateOrganization(name) { try change(&$0.immutabilityPolicies) }
        case .repository(let key): return try store.updateRepository(key) { try change(&$0.immutabilityPolicies) }
        case .user: throw HTTPProblem.badRequest("users have no immutability policies")
        }
    }
}
