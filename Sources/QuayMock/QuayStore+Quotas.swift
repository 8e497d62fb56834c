import APIRuntime
import QuayServer

/// Quotas as the store keeps them: at most one per user or organization, kept in the
/// namespace's own record so it goes when the namespace does.
extension QuayStore {
    struct Quota: Sendable {
        var id: Int
        var bytes: Int
        var limits: [QuotaLimitRecord] = []
    }

    struct QuotaLimitRecord: Sendable {
        var id: Int
        var type: QuotaLimitType
        var percent: Int
    }

    /// A new quota; a namespace that has one already is refused, as Quay refuses it.
    func createQuota(_ owner: QuayMockServer.Owner, bytes: Int) throws {
        let id = nextNumber()
        try updateNamespace(owner) { quota in
            guard quota == nil else { throw HTTPProblem.badRequest("the namespace already has a quota") }
            quota = Quota(id: id, bytes: bytes)
        }
    }

    /// The namespace's quotas: none, or one.
    func quotas(_ owner: QuayMockServer.Owner) throws -> [NamespaceQuota] {
        try updateNamespace(owner) { quota in quota.map { [Self.view($0)] } ?? [] }
    }

    /// The quota `id` of the namespace, or a 404.
    func quotaView(_ owner: QuayMockServer.Owner, _ id: String) throws -> NamespaceQuota {
        try updateQuota(owner, id) { Self.view($0) }
    }

    func changeQuota(_ owner: QuayMockServer.Owner, _ id: String, bytes: Int) throws -> NamespaceQuota {
        try updateQuota(owner, id) { quota in
            quota.bytes = bytes
            return Self.view(quota)
        }
    }

    func deleteQuota(_ owner: QuayMockServer.Owner, _ id: String) throws {
        try updateNamespace(owner) { quota in
            guard let existing = quota, String(existing.id) == id else { throw HTTPProblem.notFound("quota '\(id)' does not exist") }
            quota = nil
        }
    }

    /// One limit of the quota, or a 404.
    func quotaLimit(_ owner: QuayMockServer.Owner, _ id: String, _ limitID: String) throws -> QuotaLimit {
        try updateQuota(owner, id) { quota in
            guard let limit = quota.limits.first(where: { String($0.id) == limitID }) else {
                throw HTTPProblem.notFound("quota limit '\(limitID)' does not exist")
            }
            return QuotaLimit(id: limit.id, type: limit.type, limitPercent: limit.percent)
        }
    }

    /// Applies a change to the namespace's quota `id`, which must exist.
    func updateQuota<T>(_ owner: QuayMockServer.Owner, _ id: String, _ change: (inout Quota) throws -> T) throws -> T {
        try updateNamespace(owner) { quota in
            guard var existing = quota, String(existing.id) == id else { throw HTTPProblem.notFound("quota '\(id)' does not exist") }
            let result = try change(&existing)
            quota = existing
            return result
        }
    }

    /// Applies a change to the quota slot of a user or organization that must exist.
    private func updateNamespace<T>(_ owner: QuayMockServer.Owner, _ change: (inout Quota?) throws -> T) throws -> T {
        switch owner {
        case .user(let name): return try updateUser(name) { try change(&$0.quota) }
        case .organization(let name): return try updateOrganization(name) { try change(&$0.quota) }
        case .repository(let key): throw HTTPProblem.notFound("repository '\(key)' has no quota of its own")
        }
    }

    /// A quota as the quota operations answer it, with Quay's human-readable size.
    static func view(_ quota: Quota) -> NamespaceQuota {
        NamespaceQuota(id: quota.id, limitBytes: quota.bytes, limit: QuotaSize.text(quota.bytes), defaultConfig: false,
                       limits: quota.limits.map { QuotaLimit(id: $0.id, type: $0.type, limitPercent: $0.percent) },
                       defaultConfigExists: false)
    }
}
