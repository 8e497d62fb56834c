import APIRuntime
import Foundation
import QuayServer

/// Users, organizations, superuser management and stars.
extension QuayMockServer {
    public func getLoggedInUser(_ input: GetLoggedInUser.Input) async throws -> GetLoggedInUser.Output {
        let name = caller
        return .ok(try await store.run { store in
            guard let user = store.users[name] else { throw HTTPProblem.notFound("user '\(name)' does not exist") }
            let organizations = store.organizations.values.filter { $0.owners.contains(name) || $0.teams.values.contains { $0.members.contains(name) } }
                .map(\.name).sorted()
            return [
                "username": .string(user.name), "email": user.email.map(JSONValue.string) ?? .null, "verified": true,
                "anonymous": false, "super_user": .bool(user.isSuperuser), "can_create_repo": true,
                "organizations": .array(organizations.map { ["name": .string($0), "is_org_admin": true] }),
                "logins": [], "preferred_namespace": false,
            ]
        })
    }

    public func getUserInformation(_ input: GetUserInformation.Input) async throws -> GetUserInformation.Output {
        let user = try await store.run { try $0.user(input.username) }
        return .ok(["username": .string(user.name), "kind": "user", "is_robot": false, "super_user": .bool(user.isSuperuser)])
    }

    public func createOrganization(_ input: CreateOrganization.Input) async throws -> CreateOrganization.Output {
        let owner = caller
        try QuayMockServer.checkName(input.body.name, "organization name")
        try await store.run { store in
            guard !store.namespaceExists(input.body.name) else {
                throw HTTPProblem.badRequest("a user or organization named '\(input.body.name)' already exists")
            }
            store.organizations[input.body.name] = QuayStore.Organization(name: input.body.name, email: input.body.email, owners: [owner])
            store.organizations[input.body.name]?.teams["owners"] = QuayStore.Team(name: "owners", role: .admin,
                                                                                    description: "The organization's owners",
                                                                                    members: [owner])
        }
        return .created
    }

    public func getOrganization(_ input: GetOrganization.Input) async throws -> GetOrganization.Output {
        .ok(try await store.run { try $0.organizationView($0.organization(input.orgname)) })
    }

    public func changeOrganizationDetails(_ input: ChangeOrganizationDetails.Input) async throws -> ChangeOrganizationDetails.Output {
        .ok(try await changeOrganizationEmail(input.orgname, to: input.body.email))
    }

    public func deleteAdminedOrganization(_ input: DeleteAdminedOrganization.Input) async throws -> DeleteAdminedOrganization.Output {
        try await store.run { try $0.deleteOrganization(input.orgname) }
        return .noContent
    }

    public func getOrganizationMembers(_ input: GetOrganizationMembers.Input) async throws -> GetOrganizationMembers.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            var members: [String: [String]] = [:]
            for team in organization.teams.values { for member in team.members { members[member, default: []].append(team.name) } }
            return ["members": .array(members.keys.sorted().map { name in
                ["name": .string(name), "kind": "user", "teams": .array((members[name] ?? []).sorted().map { ["name": .string($0)] })]
            })]
        })
    }

    public func getOrganizationMember(_ input: GetOrganizationMember.Input) async throws -> GetOrganizationMember.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            let teams = organization.teams.values.filter { $0.members.contains(input.membername) }.map(\.name).sorted()
            guard !teams.isEmpty else { throw HTTPProblem.notFound("'\(input.membername)' is not a member of '\(input.orgname)'") }
            return ["name": .string(input.membername), "kind": "user", "teams": .array(teams.map { ["name": .string($0)] })]
        })
    }

    public func removeOrganizationMember(_ input: RemoveOrganizationMember.Input) async throws -> RemoveOrganizationMember.Output {
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                for name in organization.teams.keys { organization.teams[name]?.members.removeAll { $0 == input.membername } }
            }
        }
        return .noContent
    }

    // MARK: Superuser

    public func listAllUsers(_ input: ListAllUsers.Input) async throws -> ListAllUsers.Output {
        let (page, next) = try await store.run { store in
            var users = store.users.values.sorted { $0.name < $1.name }
            if let disabled = input.disabled { users = users.filter { $0.enabled == !disabled } }
            return try TokenPage.slice(users.map { user -> [String: JSONValue] in
                ["username": .string(user.name), "email": user.email.map(JSONValue.string) ?? .null,
                 "enabled": .bool(user.enabled), "super_user": .bool(user.isSuperuser), "kind": "user"]
            }, token: input.nextPage, size: input.limit ?? store.pageSize)
        }
        return .ok(ListAllUsersResponse(users: page, nextPage: next))
    }

    public func createInstallUser(_ input: CreateInstallUser.Input) async throws -> CreateInstallUser.Output {
        try QuayMockServer.checkName(input.body.username, "username")
        try await store.run { store in
            guard !store.namespaceExists(input.body.username) else {
                throw HTTPProblem.badRequest("a user or organization named '\(input.body.username)' already exists")
            }
            store.users[input.body.username] = QuayStore.User(name: input.body.username, email: input.body.email)
        }
        return .created
    }

    public func changeInstallUser(_ input: ChangeInstallUser.Input) async throws -> ChangeInstallUser.Output {
        .ok(try await store.run { store in
            try store.updateUser(input.username) { user in
                if let email = input.body.email { user.email = email }
                if let enabled = input.body.enabled { user.enabled = enabled }
                return ["username": .string(user.name), "email": user.email.map(JSONValue.string) ?? .null, "enabled": .bool(user.enabled)]
            }
        })
    }

    public func deleteInstallUser(_ input: DeleteInstallUser.Input) async throws -> DeleteInstallUser.Output {
        try await store.run { store in
            _ = try store.user(input.username)
            store.users[input.username] = nil
            store.repositories = store.repositories.filter { $0.value.namespace != input.username }
        }
        return .noContent
    }

    public func listAllOrganizations(_ input: ListAllOrganizations.Input) async throws -> ListAllOrganizations.Output {
        let (page, next) = try await store.run { store in
            try TokenPage.slice(store.organizations.values.sorted { $0.name < $1.name }.map { organization -> [String: JSONValue] in
                ["name": .string(organization.name), "email": organization.email.map(JSONValue.string) ?? .null]
            }, token: input.nextPage, size: store.pageSize)
        }
        return .ok(ListAllOrganizationsResponse(organizations: page, nextPage: next))
    }

    public func changeOrganization(_ input: ChangeOrganization.Input) async throws -> ChangeOrganization.Output {
        .ok(try await changeOrganizationEmail(input.name, to: input.body.email))
    }

    /// What both the owners' and the superuser's change-organization calls do: set the email
    /// when one is given, and return the organization.
    private func changeOrganizationEmail(_ name: String, to email: String?) async throws -> JSONValue {
        try await store.run { store in
            try store.updateOrganization(name) { organization in
                if let email { organization.email = email }
            }
            return try store.organizationView(store.organization(name))
        }
    }

    public func deleteOrganization(_ input: DeleteOrganization.Input) async throws -> DeleteOrganization.Output {
        try await store.run { try $0.deleteOrganization(input.name) }
        return .noContent
    }

    // MARK: Stars

    public func createStar(_ input: CreateStar.Input) async throws -> CreateStar.Output {
        let name = caller
        try await store.run { store in
            let key = "\(input.body.namespace)/\(input.body.repository)"
            _ = try store.repository(key)
            store.stars[name, default: []].insert(key)
        }
        return .created
    }

    public func deleteStar(_ input: DeleteStar.Input) async throws -> DeleteStar.Output {
        let name = caller
        try await store.run { store in
            _ = try store.repository(input.repository)
            store.stars[name]?.remove(input.repository)
        }
        return .noContent
    }

    public func listStarredRepos(_ input: ListStarredRepos.Input) async throws -> ListStarredRepos.Output {
        let name = caller
        let (page, next) = try await store.run { store in
            let keys = (store.stars[name] ?? []).sorted()
            return try TokenPage.slice(keys.compactMap { store.repositories[$0].map(store.repositoryView) }, token: input.nextPage,
                                       size: store.pageSize)
        }
        return .ok(ListStarredReposResponse(repositories: page, nextPage: next))
    }
}

extension QuayStore {
    func organizationView(_ organization: Organization) -> JSONValue {
        [
            "name": .string(organization.name), "email": organization.email.map(JSONValue.string) ?? .null,
            "is_admin": true, "is_member": true, "can_create_repo": true,
            "teams": .object(Dictionary(uniqueKeysWithValues: organization.teams.values.map { ($0.name, teamView($0)) })),
        ]
    }

    func deleteOrganization(_ name: String) throws {
        _ = try organization(name)
        organizations[name] = nil
        repositories = repositories.filter { $0.value.namespace != name }
    }
}
