import APIRuntime
import Foundation
import QuayServer

/// Users, organizations, superuser management and stars.
extension QuayMockServer {
    public func getLoggedInUser(_ input: GetLoggedInUser.Input) async throws -> GetLoggedInUser.Output {
        let name = caller
        return .ok(try await store.run { store in
            guard let user = store.users[name] else { throw HTTPProblem.notFound("user '\(name)' does not exist") }
            let organizations = store.organizations(of: name).map { organization in
                UserOrganization(name: organization.name, avatar: store.avatar(organization.name, kind: .org), canCreateRepo: true,
                                 public: false, isOrgAdmin: organization.owners.contains(name), preferredNamespace: false)
            }
            return UserView(anonymous: false, username: user.name, avatar: store.avatar(user.name, kind: .user),
                            organizations: organizations, canCreateRepo: true, isMe: true, verified: true, email: user.email,
                            logins: [], invoiceEmail: false, preferredNamespace: false, tagExpirationS: 1_209_600, prompts: [],
                            isFreeAccount: true, hasPasswordSet: true, quotas: [], quotaReport: store.emptyQuotaReport,
                            superUser: user.isSuperuser)
        })
    }

    public func getUserInformation(_ input: GetUserInformation.Input) async throws -> GetUserInformation.Output {
        .ok(try await store.run { store in
            let user = try store.user(input.username)
            return UserView(anonymous: false, username: user.name, avatar: store.avatar(user.name, kind: .user))
        })
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
        .ok(try await store.run { store in
            store.organizationView(try store.changeOrganizationEmail(input.orgname, to: input.body.email))
        })
    }

    public func deleteAdminedOrganization(_ input: DeleteAdminedOrganization.Input) async throws -> DeleteAdminedOrganization.Output {
        try await store.run { try $0.deleteOrganization(input.orgname) }
        return .noContent
    }

    public func getOrganizationMembers(_ input: GetOrganizationMembers.Input) async throws -> GetOrganizationMembers.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            let names = Set(organization.teams.values.flatMap(\.members)).sorted()
            return GetOrganizationMembersResponse(members: names.map { store.memberView($0, of: organization) })
        })
    }

    public func getOrganizationMember(_ input: GetOrganizationMember.Input) async throws -> GetOrganizationMember.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            guard organization.teams.values.contains(where: { $0.members.contains(input.membername) }) else {
                throw HTTPProblem.notFound("'\(input.membername)' is not a member of '\(input.orgname)'")
            }
            return store.memberView(input.membername, of: organization)
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
            return try TokenPage.slice(users.map(store.superuserView), token: input.nextPage, size: input.limit ?? store.pageSize)
        }
        return .ok(ListAllUsersResponse(users: page, nextPage: next))
    }

    public func createInstallUser(_ input: CreateInstallUser.Input) async throws -> CreateInstallUser.Output {
        try QuayMockServer.checkName(input.body.username, "username")
        return .ok(try await store.run { store in
            guard !store.namespaceExists(input.body.username) else {
                throw HTTPProblem.badRequest("a user or organization named '\(input.body.username)' already exists")
            }
            store.users[input.body.username] = QuayStore.User(name: input.body.username, email: input.body.email)
            // Quay answers with a generated password, once; the mock's is not kept.
            let password = store.nextID("password")
            return CreatedInstallUser(username: input.body.username, email: input.body.email, password: password,
                                      encryptedPassword: Data(password.utf8).base64EncodedString())
        })
    }

    public func changeInstallUser(_ input: ChangeInstallUser.Input) async throws -> ChangeInstallUser.Output {
        .ok(try await store.run { store in
            let user = try store.updateUser(input.username) { user in
                if let email = input.body.email { user.email = email }
                if let enabled = input.body.enabled { user.enabled = enabled }
                return user
            }
            return store.superuserView(user)
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
            try TokenPage.slice(store.organizations.values.sorted { $0.name < $1.name }.map(store.superuserView),
                                token: input.nextPage, size: store.pageSize)
        }
        return .ok(ListAllOrganizationsResponse(organizations: page, nextPage: next))
    }

    public func changeOrganization(_ input: ChangeOrganization.Input) async throws -> ChangeOrganization.Output {
        .ok(try await store.run { store in
            store.superuserView(try store.changeOrganizationEmail(input.name, to: input.body.email))
        })
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
        return .created(CreateStarResponse(namespace: input.body.namespace, repository: input.body.repository))
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
            let starred = keys.compactMap { store.repositories[$0] }.map { repository in
                StarredRepository(namespace: repository.namespace, name: repository.name, description: repository.description,
                                  isPublic: repository.visibility == .public)
            }
            return try TokenPage.slice(starred, token: input.nextPage, size: store.pageSize)
        }
        return .ok(ListStarredReposResponse(repositories: page, nextPage: next))
    }
}

extension QuayStore {
    /// An organization as its members see it.
    func organizationView(_ organization: Organization) -> QuayServer.Organization {
        let teams = organization.teams.values.sorted { $0.name < $1.name }
        return QuayServer.Organization(
            name: organization.name, email: organization.email ?? "", avatar: avatar(organization.name, kind: .org),
            isAdmin: true, isMember: true,
            teams: Dictionary(uniqueKeysWithValues: teams.map { ($0.name, organizationTeamView($0, in: organization)) }),
            orderedTeams: teams.map(\.name), invoiceEmail: false, tagExpirationS: 1_209_600, isFreeAccount: true,
            quotas: [], quotaReport: emptyQuotaReport)
    }

    /// An organization as the superuser lists it.
    func superuserView(_ organization: Organization) -> SuperuserOrganizationView {
        SuperuserOrganizationView(name: organization.name, email: organization.email ?? "", avatar: avatar(organization.name, kind: .org),
                                  quotas: [], quotaReport: emptyQuotaReport)
    }

    /// A user as the superuser lists it.
    func superuserView(_ user: User) -> SuperuserUserView {
        SuperuserUserView(kind: "user", name: user.name, username: user.name, email: user.email ?? "", verified: true,
                          avatar: avatar(user.name, kind: .user), superUser: user.isSuperuser, globalReadonlySuperUser: false,
                          enabled: user.enabled, quotas: [], quotaReport: emptyQuotaReport)
    }

    /// A member of an organization and the teams they are in.
    func memberView(_ name: String, of organization: Organization) -> OrganizationMember {
        let teams = organization.teams.values.filter { $0.members.contains(name) }.sorted { $0.name < $1.name }
        return OrganizationMember(name: name, kind: name.contains("+") ? .robot : .user, avatar: avatar(name, kind: name.contains("+") ? .robot : .user),
                                  teams: teams.map { TeamReference(name: $0.name, avatar: avatar($0.name, kind: .team)) },
                                  repositories: repositories.values.filter { $0.namespace == organization.name && $0.userRoles[name] != nil }
                                      .map(\.name).sorted())
    }

    /// Sets an organization's email when one is given (the owners' and the superuser's change
    /// calls), and returns the organization.
    func changeOrganizationEmail(_ name: String, to email: String?) throws -> Organization {
        try updateOrganization(name) { organization in
            if let email { organization.email = email }
            return organization
        }
    }

    func deleteOrganization(_ name: String) throws {
        _ = try organization(name)
        organizations[name] = nil
        repositories = repositories.filter { $0.value.namespace != name }
    }
}
