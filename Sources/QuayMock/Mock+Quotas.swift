import APIRuntime
import Foundation
import QuayServer

/// Storage quotas of organizations and users, and their warning and reject limits: one quota
/// per namespace, as Quay keeps them (`endpoints/api/namespacequota.py`). The organization's
/// owners manage it through `/organization/{orgname}/quota`; the superuser through
/// `/superuser/organization|users/{namespace}/quota`; a user reads their own at `/user/quota`.
/// A namespace's quota goes with it when it is deleted.
extension QuayMockServer {
    // MARK: An organization's quota

    public func createOrganizationQuota(_ input: CreateOrganizationQuota.Input) async throws -> CreateOrganizationQuota.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: input.body.limits)
        try await store.run { try $0.createQuota(.organization(input.orgname), bytes: bytes) }
        return .created
    }

    public func listOrganizationQuota(_ input: ListOrganizationQuota.Input) async throws -> ListOrganizationQuota.Output {
        .ok(try await store.run { try $0.quotas(.organization(input.orgname)) })
    }

    public func getOrganizationQuota(_ input: GetOrganizationQuota.Input) async throws -> GetOrganizationQuota.Output {
        .ok(try await store.run { try $0.quotaView(.organization(input.orgname), input.quotaID) })
    }

    public func changeOrganizationQuota(_ input: ChangeOrganizationQuota.Input) async throws -> ChangeOrganizationQuota.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: input.body.limits)
        return .ok(try await store.run { try $0.changeQuota(.organization(input.orgname), input.quotaID, bytes: bytes) })
    }

    public func deleteOrganizationQuota(_ input: DeleteOrganizationQuota.Input) async throws -> DeleteOrganizationQuota.Output {
        try await store.run { try $0.deleteQuota(.organization(input.orgname), input.quotaID) }
        return .noContent
    }

    // MARK: Its limits

    public func createOrganizationQuotaLimit(_ input: CreateOrganizationQuotaLimit.Input) async throws -> CreateOrganizationQuotaLimit.Output {
        try await store.run { store in
            try store.updateQuota(.organization(input.orgname), input.quotaID) { quota in
                let percent = try Self.threshold(input.body.thresholdPercent)
                guard !quota.limits.contains(where: { $0.type == input.body.type && $0.percent == percent }) else {
                    throw HTTPProblem.badRequest("a \(input.body.type.rawValue) limit at \(percent)% already exists")
                }
                quota.limits.append(QuayStore.QuotaLimitRecord(id: store.nextNumber(), type: input.body.type, percent: percent))
            }
        }
        return .created
    }

    public func listOrganizationQuotaLimit(_ input: ListOrganizationQuotaLimit.Input) async throws -> ListOrganizationQuotaLimit.Output {
        .ok(try await store.run { try $0.quotaView(.organization(input.orgname), input.quotaID).limits })
    }

    public func getOrganizationQuotaLimit(_ input: GetOrganizationQuotaLimit.Input) async throws -> GetOrganizationQuotaLimit.Output {
        .ok(try await store.run { try $0.quotaLimit(.organization(input.orgname), input.quotaID, input.limitID) })
    }

    public func changeOrganizationQuotaLimit(_ input: ChangeOrganizationQuotaLimit.Input) async throws -> ChangeOrganizationQuotaLimit.Output {
        .ok(try await store.run { store in
            try store.updateQuota(.organization(input.orgname), input.quotaID) { quota in
                guard let index = quota.limits.firstIndex(where: { String($0.id) == input.limitID }) else {
                    throw HTTPProblem.notFound("quota limit '\(input.limitID)' does not exist")
                }
                if let type = input.body.type { quota.limits[index].type = type }
                if let percent = input.body.thresholdPercent { quota.limits[index].percent = try Self.threshold(percent) }
            }
            return try store.quotaView(.organization(input.orgname), input.quotaID)
        })
    }

    public func deleteOrganizationQuotaLimit(_ input: DeleteOrganizationQuotaLimit.Input) async throws -> DeleteOrganizationQuotaLimit.Output {
        try await store.run { store in
            try store.updateQuota(.organization(input.orgname), input.quotaID) { quota in
                guard quota.limits.contains(where: { String($0.id) == input.limitID }) else {
                    throw HTTPProblem.notFound("quota limit '\(input.limitID)' does not exist")
                }
                quota.limits.removeAll { String($0.id) == input.limitID }
            }
        }
        return .noContent
    }

    // MARK: The calling user's quota

    public func listUserQuota(_ input: ListUserQuota.Input) async throws -> ListUserQuota.Output {
        let user = caller
        return .ok(try await store.run { try $0.quotas(.user(user)) })
    }

    public func getUserQuota(_ input: GetUserQuota.Input) async throws -> GetUserQuota.Output {
        let user = caller
        return .ok(try await store.run { try $0.quotaView(.user(user), input.quotaID) })
    }

    public func listUserQuotaLimit(_ input: ListUserQuotaLimit.Input) async throws -> ListUserQuotaLimit.Output {
        let user = caller
        return .ok(try await store.run { try $0.quotaView(.user(user), input.quotaID).limits })
    }

    public func getUserQuotaLimit(_ input: GetUserQuotaLimit.Input) async throws -> GetUserQuotaLimit.Output {
        let user = caller
        // Quay answers the whole quota here, not the limit (the spec's note on getUserQuotaLimit).
        return .ok(try await store.run { store in
            _ = try store.quotaLimit(.user(user), input.quotaID, input.limitID)
            return try store.quotaView(.user(user), input.quotaID)
        })
    }

    // MARK: The superuser's view of any namespace

    public func createOrganizationQuotaSuperUser(_ input: CreateOrganizationQuotaSuperUser.Input) async throws -> CreateOrganizationQuotaSuperUser.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: nil)
        try await store.run { try $0.createQuota(.organization(input.namespace), bytes: bytes) }
        return .created
    }

    public func listOrganizationQuotaSuperUser(_ input: ListOrganizationQuotaSuperUser.Input) async throws -> ListOrganizationQuotaSuperUser.Output {
        .ok(try await store.run { try $0.quotas(.organization(input.namespace)) })
    }

    public func changeOrganizationQuotaSuperUser(_ input: ChangeOrganizationQuotaSuperUser.Input) async throws -> ChangeOrganizationQuotaSuperUser.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: nil)
        return .ok(try await store.run { try $0.changeQuota(.organization(input.namespace), input.quotaID, bytes: bytes) })
    }

    public func deleteOrganizationQuotaSuperUser(_ input: DeleteOrganizationQuotaSuperUser.Input) async throws -> DeleteOrganizationQuotaSuperUser.Output {
        try await store.run { try $0.deleteQuota(.organization(input.namespace), input.quotaID) }
        return .noContent
    }

    public func createUserQuotaSuperUser(_ input: CreateUserQuotaSuperUser.Input) async throws -> CreateUserQuotaSuperUser.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: nil)
        try await store.run { try $0.createQuota(.user(input.namespace), bytes: bytes) }
        return .created
    }

    public func listUserQuotaSuperUser(_ input: ListUserQuotaSuperUser.Input) async throws -> ListUserQuotaSuperUser.Output {
        .ok(try await store.run { try $0.quotas(.user(input.namespace)) })
    }

    public func changeUserQuotaSuperUser(_ input: ChangeUserQuotaSuperUser.Input) async throws -> ChangeUserQuotaSuperUser.Output {
        let bytes = try Self.quotaBytes(input.body.limitBytes, text: nil)
        return .ok(try await store.run { try $0.changeQuota(.user(input.namespace), input.quotaID, bytes: bytes) })
    }

    public func deleteUserQuotaSuperUser(_ input: DeleteUserQuotaSuperUser.Input) async throws -> DeleteUserQuotaSuperUser.Output {
        try await store.run { try $0.deleteQuota(.user(input.namespace), input.quotaID) }
        return .noContent
    }

    // MARK: Checks

    /// A quota's size: `limit_bytes`, or the human-readable `limits` (`10 GiB`); more than 0,
    /// as `create_namespace_quota` requires.
    static func quotaBytes(_ bytes: Int?, text: String?) throws -> Int {
        if let bytes {
            guard bytes > 0 else { throw HTTPProblem.badRequest("Invalid quota size limit value: \(bytes)") }
            return bytes
        }
        guard let text, let parsed = QuotaSize.bytes(text), parsed > 0 else {
            throw HTTPProblem.badRequest("a quota needs limit_bytes, or limits such as '10 GiB'")
        }
        return parsed
    }

    /// A limit's threshold: 1 to 100 percent.
    static func threshold(_ percent: Int) throws -> Int {
        guard (1...100).contains(percent) else { throw HTTPProblem.badRequest("Quota limit threshold must be between 1 and 100") }
        return percent
    }
}

/// Quota sizes as text, both ways: `10.0 GiB` in answers; `10 GiB`, `512MiB` or `100` in requests.
enum QuotaSize {
    static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]

    /// `21474836480` -> `20.0 GiB`.
    static func text(_ bytes: Int) -> String {
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f %@", value, units[unit])
    }

    /// `10 GiB` -> `10737418240`; nil for text that is not a size.
    static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let aliases = ["": 0, "B": 0, "K": 1, "KB": 1, "Ki": 1, "M": 2, "MB": 2, "Mi": 2, "G": 3, "GB": 3, "Gi": 3,
                       "T": 4, "TB": 4, "Ti": 4, "P": 5, "PB": 5, "Pi": 5, "E": 6, "EB": 6, "Ei": 6]
        guard let power = units.firstIndex(of: unit) ?? aliases[unit] else { return nil }
        var bytes = number
        for _ in 0..<power {
            let (product, overflow) = bytes.multipliedReportingOverflow(by: 1024)
            if overflow { return nil }
            bytes = product
        }
        return bytes
    }
}
