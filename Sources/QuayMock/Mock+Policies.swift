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
        try await createPrune(.organization(input.orgname), input.body)
        return .created
    }

    public func listOrganizationAutoPrunePolicies(_ input: ListOrganizationAutoPrunePolicies.Input) async throws -> ListOrganizationAutoPrunePolicies.Output {
        .ok(try await listPrune(.organization(input.orgname)))
    }

    public func getOrganizationAutoPrunePolicy(_ input: GetOrganizationAutoPrunePolicy.Input) async throws -> GetOrganizationAutoPrunePolicy.Output {
        .ok(try await getPrune(.organization(input.orgname), input.policyUUID))
    }

    public func updateOrganizationAutoPrunePolicy(_ input: UpdateOrganizationAutoPrunePolicy.Input) async throws -> UpdateOrganizationAutoPrunePolicy.Output {
        _ = try await updatePrune(.organization(input.orgname), input.policyUUID, input.body)
        return .noContent
    }

    public func deleteOrganizationAutoPrunePolicy(_ input: DeleteOrganizationAutoPrunePolicy.Input) async throws -> DeleteOrganizationAutoPrunePolicy.Output {
        try await deletePrune(.organization(input.orgname), input.policyUUID)
        return .noContent
    }

    public func createRepositoryAutoPrunePolicy(_ input: CreateRepositoryAutoPrunePolicy.Input) async throws -> CreateRepositoryAutoPrunePolicy.Output {
        try await createPrune(.repository(input.repository), input.body)
        return .created
    }

    public func listRepositoryAutoPrunePolicies(_ input: ListRepositoryAutoPrunePolicies.Input) async throws -> ListRepositoryAutoPrunePolicies.Output {
        .ok(try await listPrune(.repository(input.repository)))
    }

    public func getRepositoryAutoPrunePolicy(_ input: GetRepositoryAutoPrunePolicy.Input) async throws -> GetRepositoryAutoPrunePolicy.Output {
        .ok(try await getPrune(.repository(input.repository), input.policyUUID))
    }

    public func updateRepositoryAutoPrunePolicy(_ input: UpdateRepositoryAutoPrunePolicy.Input) async throws -> UpdateRepositoryAutoPrunePolicy.Output {
        .ok(try await updatePrune(.repository(input.repository), input.policyUUID, input.body))
    }

    public func deleteRepositoryAutoPrunePolicy(_ input: DeleteRepositoryAutoPrunePolicy.Input) async throws -> DeleteRepositoryAutoPrunePolicy.Output {
        try await deletePrune(.repository(input.repository), input.policyUUID)
        return .noContent
    }

    public func createUserAutoPrunePolicy(_ input: CreateUserAutoPrunePolicy.Input) async throws -> CreateUserAutoPrunePolicy.Output {
        try await createPrune(.user(caller), input.body)
        return .created
    }

    public func listUserAutoPrunePolicies(_ input: ListUserAutoPrunePolicies.Input) async throws -> ListUserAutoPrunePolicies.Output {
        .ok(try await listPrune(.user(caller)))
    }

    public func getUserAutoPrunePolicy(_ input: GetUserAutoPrunePolicy.Input) async throws -> GetUserAutoPrunePolicy.Output {
        .ok(try await getPrune(.user(caller), input.policyUUID))
    }

    public func updateUserAutoPrunePolicy(_ input: UpdateUserAutoPrunePolicy.Input) async throws -> UpdateUserAutoPrunePolicy.Output {
        _ = try await updatePrune(.user(caller), input.policyUUID, input.body)
        return .noContent
    }

    public func deleteUserAutoPrunePolicy(_ input: DeleteUserAutoPrunePolicy.Input) async throws -> DeleteUserAutoPrunePolicy.Output {
        try await deletePrune(.user(caller), input.policyUUID)
        return .noContent
    }

    /// A checked policy: `number_of_tags` takes a positive count, `creation_date` a duration
    /// such as `7d`; the tag pattern must be a valid regular expression.
    private func makePolicy(uuid: String, _ config: AutoPrunePolicyConfig) throws -> QuayStore.PrunePolicy {
        let value: JSONValue
        switch (config.method, config.value) {
        case (.numberOfTags, .integer(let count)) where count > 0: value = .int(count)
        case (.numberOfTags, .string(let text)) where (Int(text) ?? 0) > 0: value = .int(Int(text) ?? 0)
        case (.numberOfTags, _): throw HTTPProblem.badRequest("value must be a positive number of tags for number_of_tags")
        case (.creationDate, .string(let text)) where text.wholeMatch(of: /[1-9][0-9]*[smhdwy]/) != nil: value = .string(text)
        case (.creationDate, _): throw HTTPProblem.badRequest("value must be a duration such as 7d for creation_date")
        default: throw HTTPProblem.badRequest("method must be number_of_tags or creation_date")
        }
        if let pattern = config.tagPattern, (try? Regex(pattern)) == nil {
            throw HTTPProblem.badRequest("tagPattern '\(pattern)' is not a valid regular expression")
        }
        return QuayStore.PrunePolicy(uuid: uuid, method: config.method, value: value, tagPattern: config.tagPattern,
                                     tagPatternMatches: config.tagPatternMatches ?? true)
    }

    private func createPrune(_ owner: Owner, _ config: AutoPrunePolicyConfig) async throws {
        try await store.run { store in
            let policy = try makePolicy(uuid: store.nextID("policy"), config)
            try store.updatePrunePolicies(owner) { $0.append(policy) }
        }
    }

    private func listPrune(_ owner: Owner) async throws -> JSONValue {
        try await store.run { store in
            ["policies": .array(try store.updatePrunePolicies(owner) { $0 }.map(store.pruneView))]
        }
    }

    private func getPrune(_ owner: Owner, _ uuid: String) async throws -> JSONValue {
        try await store.run { store in
            guard let policy = try store.updatePrunePolicies(owner, { $0 }).first(where: { $0.uuid == uuid }) else {
                throw HTTPProblem.notFound("auto-prune policy '\(uuid)' does not exist")
            }
            return store.pruneView(policy)
        }
    }

    private func updatePrune(_ owner: Owner, _ uuid: String, _ config: AutoPrunePolicyConfig) async throws -> JSONValue {
        try await store.run { store in
            let policy = try makePolicy(uuid: uuid, config)
            try store.updatePrunePolicies(owner) { policies in
                guard let index = policies.firstIndex(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("auto-prune policy '\(uuid)' does not exist")
                }
                policies[index] = policy
            }
            return store.pruneView(policy)
        }
    }

    private func deletePrune(_ owner: Owner, _ uuid: String) async throws {
        try await store.run { store in
            try store.updatePrunePolicies(owner) { policies in
                guard policies.contains(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("auto-prune policy '\(uuid)' does not exist")
                }
                policies.removeAll { $0.uuid == uuid }
            }
        }
    }

    // MARK: Immutability

    public func createOrgImmutabilityPolicy(_ input: CreateOrgImmutabilityPolicy.Input) async throws -> CreateOrgImmutabilityPolicy.Output {
        try await createRule(.organization(input.orgname), input.body)
        return .created
    }

    public func listOrgImmutabilityPolicies(_ input: ListOrgImmutabilityPolicies.Input) async throws -> ListOrgImmutabilityPolicies.Output {
        .ok(try await listRules(.organization(input.orgname)))
    }

    public func getOrgImmutabilityPolicy(_ input: GetOrgImmutabilityPolicy.Input) async throws -> GetOrgImmutabilityPolicy.Output {
        .ok(try await getRule(.organization(input.orgname), input.policyUUID))
    }

    public func updateOrgImmutabilityPolicy(_ input: UpdateOrgImmutabilityPolicy.Input) async throws -> UpdateOrgImmutabilityPolicy.Output {
        .ok(try await updateRule(.organization(input.orgname), input.policyUUID, input.body))
    }

    public func deleteOrgImmutabilityPolicy(_ input: DeleteOrgImmutabilityPolicy.Input) async throws -> DeleteOrgImmutabilityPolicy.Output {
        try await deleteRule(.organization(input.orgname), input.policyUUID)
        return .noContent
    }

    public func createRepositoryImmutabilityPolicy(_ input: CreateRepositoryImmutabilityPolicy.Input) async throws -> CreateRepositoryImmutabilityPolicy.Output {
        try await createRule(.repository(input.repository), input.body)
        return .created
    }

    public func listRepositoryImmutabilityPolicies(_ input: ListRepositoryImmutabilityPolicies.Input) async throws -> ListRepositoryImmutabilityPolicies.Output {
        .ok(try await listRules(.repository(input.repository)))
    }

    public func getRepositoryImmutabilityPolicy(_ input: GetRepositoryImmutabilityPolicy.Input) async throws -> GetRepositoryImmutabilityPolicy.Output {
        .ok(try await getRule(.repository(input.repository), input.policyUUID))
    }

    public func updateRepositoryImmutabilityPolicy(_ input: UpdateRepositoryImmutabilityPolicy.Input) async throws -> UpdateRepositoryImmutabilityPolicy.Output {
        .ok(try await updateRule(.repository(input.repository), input.policyUUID, input.body))
    }

    public func deleteRepositoryImmutabilityPolicy(_ input: DeleteRepositoryImmutabilityPolicy.Input) async throws -> DeleteRepositoryImmutabilityPolicy.Output {
        try await deleteRule(.repository(input.repository), input.policyUUID)
        return .noContent
    }

    private func makeRule(uuid: String, _ config: ImmutabilityPolicyConfig) throws -> QuayStore.ImmutabilityRule {
        guard let pattern = config.tagPattern, !pattern.isEmpty else { throw HTTPProblem.badRequest("tagPattern is required") }
        guard (try? Regex(pattern)) != nil else {
            throw HTTPProblem.badRequest("tagPattern '\(pattern)' is not a valid regular expression")
        }
        return QuayStore.ImmutabilityRule(uuid: uuid, tagPattern: pattern, tagPatternMatches: config.tagPatternMatches ?? true)
    }

    private func createRule(_ owner: Owner, _ config: ImmutabilityPolicyConfig) async throws {
        try await store.run { store in
            let rule = try makeRule(uuid: store.nextID("immutability"), config)
            try store.updateRules(owner) { $0.append(rule) }
        }
    }

    private func listRules(_ owner: Owner) async throws -> JSONValue {
        try await store.run { store in ["policies": .array(try store.updateRules(owner) { $0 }.map(store.ruleView))] }
    }

    private func getRule(_ owner: Owner, _ uuid: String) async throws -> JSONValue {
        try await store.run { store in
            guard let rule = try store.updateRules(owner, { $0 }).first(where: { $0.uuid == uuid }) else {
                throw HTTPProblem.notFound("immutability policy '\(uuid)' does not exist")
            }
            return store.ruleView(rule)
        }
    }

    private func updateRule(_ owner: Owner, _ uuid: String, _ config: ImmutabilityPolicyConfig) async throws -> JSONValue {
        try await store.run { store in
            let rule = try makeRule(uuid: uuid, config)
            try store.updateRules(owner) { rules in
                guard let index = rules.firstIndex(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("immutability policy '\(uuid)' does not exist")
                }
                rules[index] = rule
            }
            return store.ruleView(rule)
        }
    }

    private func deleteRule(_ owner: Owner, _ uuid: String) async throws {
        try await store.run { store in
            try store.updateRules(owner) { rules in
                guard rules.contains(where: { $0.uuid == uuid }) else {
                    throw HTTPProblem.notFound("immutability policy '\(uuid)' does not exist")
                }
                rules.removeAll { $0.uuid == uuid }
            }
        }
    }
}

extension QuayStore {
    func updatePrunePolicies<T>(_ owner: QuayMockServer.Owner, _ change: (inout [PrunePolicy]) throws -> T) throws -> T {
        switch owner {
        case .organization(let name): return try updateOrganization(name) { try change(&$0.prunePolicies) }
        case .repository(let key): return try updateRepository(key) { try change(&$0.prunePolicies) }
        case .user(let name): return try updateUser(name) { try change(&$0.prunePolicies) }
        }
    }

    func updateRules<T>(_ owner: QuayMockServer.Owner, _ change: (inout [ImmutabilityRule]) throws -> T) throws -> T {
        switch owner {
        case .organization(let name): return try updateOrganization(name) { try change(&$0.immutabilityPolicies) }
        case .repository(let key): return try updateRepository(key) { try change(&$0.immutabilityPolicies) }
        case .user: throw HTTPProblem.badRequest("users have no immutability policies")
        }
    }

    func pruneView(_ policy: PrunePolicy) -> JSONValue {
        ["uuid": .string(policy.uuid), "method": .string(policy.method.rawValue), "value": policy.value,
         "tagPattern": policy.tagPattern.map(JSONValue.string) ?? .null, "tagPatternMatches": .bool(policy.tagPatternMatches)]
    }

    func ruleView(_ rule: ImmutabilityRule) -> JSONValue {
        ["uuid": .string(rule.uuid), "tagPattern": .string(rule.tagPattern), "tagPatternMatches": .bool(rule.tagPatternMatches)]
    }
}
