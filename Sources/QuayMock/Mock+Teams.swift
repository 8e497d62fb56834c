import APIRuntime
import Foundation
import QuayServer

/// Teams of organizations, and who may do what on a repository.
extension QuayMockServer {
    public func updateOrganizationTeam(_ input: UpdateOrganizationTeam.Input) async throws -> UpdateOrganizationTeam.Output {
        try QuayMockServer.checkName(input.teamname, "team name")
        return .ok(try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                let isNew = organization.teams[input.teamname] == nil
                var team = organization.teams[input.teamname] ?? QuayStore.Team(name: input.teamname, role: input.body.role, description: "")
                team.role = input.body.role
                if let description = input.body.description { team.description = description }
                organization.teams[input.teamname] = team
                return Team(name: team.name, description: team.description, canView: true, role: team.role,
                            avatar: store.avatar(team.name, kind: .team), newTeam: isNew)
            }
        })
    }

    public func deleteOrganizationTeam(_ input: DeleteOrganizationTeam.Input) async throws -> DeleteOrganizationTeam.Output {
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard input.teamname != "owners" else { throw HTTPProblem.badRequest("the owners team cannot be deleted") }
                guard organization.teams.removeValue(forKey: input.teamname) != nil else {
                    throw HTTPProblem.notFound("team '\(input.teamname)' does not exist in '\(input.orgname)'")
                }
            }
            for key in store.repositories.keys where store.repositories[key]?.namespace == input.orgname {
                store.repositories[key]?.teamRoles[input.teamname] = nil
            }
        }
        return .noContent
    }

    public func getOrganizationTeamMembers(_ input: GetOrganizationTeamMembers.Input) async throws -> GetOrganizationTeamMembers.Output {
        .ok(try await store.run { store in
            let team = try store.team(input.orgname, input.teamname)
            return GetOrganizationTeamMembersResponse(name: team.name, members: team.members.map(store.teamMemberView), canEdit: true)
        })
    }

    public func updateOrganizationTeamMember(_ input: UpdateOrganizationTeamMember.Input) async throws -> UpdateOrganizationTeamMember.Output {
        .ok(try await store.run { store in
            _ = try store.user(input.membername)
            try store.updateOrganization(input.orgname) { organization in
                guard organization.teams[input.teamname] != nil else {
                    throw HTTPProblem.notFound("team '\(input.teamname)' does not exist in '\(input.orgname)'")
                }
                if organization.teams[input.teamname]?.members.contains(input.membername) == false {
                    organization.teams[input.teamname]?.members.append(input.membername)
                }
            }
            return store.teamMemberView(input.membername)
        })
    }

    public func deleteOrganizationTeamMember(_ input: DeleteOrganizationTeamMember.Input) async throws -> DeleteOrganizationTeamMember.Output {
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard let members = organization.teams[input.teamname]?.members, members.contains(input.membername) else {
                    throw HTTPProblem.notFound("'\(input.membername)' is not in team '\(input.teamname)'")
                }
                organization.teams[input.teamname]?.members.removeAll { $0 == input.membername }
            }
        }
        return .noContent
    }

    // MARK: Repository permissions

    public func listRepoUserPermissions(_ input: ListRepoUserPermissions.Input) async throws -> ListRepoUserPermissions.Output {
        .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            return ListRepoUserPermissionsResponse(permissions: Dictionary(uniqueKeysWithValues: repository.userRoles.map { name, role in
                (name, store.userPermissionView(name, role, in: repository))
            }))
        })
    }

    public func getUserPermissions(_ input: GetUserPermissions.Input) async throws -> GetUserPermissions.Output {
        .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            guard let role = repository.userRoles[input.username] else {
                throw HTTPProblem.notFound("'\(input.username)' has no permission on '\(input.repository)'")
            }
            return store.userPermissionView(input.username, role, in: repository)
        })
    }

    public func changeUserPermissions(_ input: ChangeUserPermissions.Input) async throws -> ChangeUserPermissions.Output {
        .ok(try await store.run { store in
            _ = try store.user(input.username)
            let repository = try store.updateRepository(input.repository) { repository in
                repository.userRoles[input.username] = input.body.role
                return repository
            }
            return store.userPermissionView(input.username, input.body.role, in: repository)
        })
    }

    public func deleteUserPermissions(_ input: DeleteUserPermissions.Input) async throws -> DeleteUserPermissions.Output {
        try await store.run { store in
            try store.updateRepository(input.repository) { repository in
                guard repository.userRoles.removeValue(forKey: input.username) != nil else {
                    throw HTTPProblem.notFound("'\(input.username)' has no permission on '\(repository.key)'")
                }
            }
        }
        return .noContent
    }

    public func listRepoTeamPermissions(_ input: ListRepoTeamPermissions.Input) async throws -> ListRepoTeamPermissions.Output {
        .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            return ListRepoTeamPermissionsResponse(permissions: Dictionary(uniqueKeysWithValues: repository.teamRoles.map { name, role in
                (name, TeamPermission(role: role, name: name, avatar: store.avatar(name, kind: .team)))
            }))
        })
    }

    public func getTeamPermissions(_ input: GetTeamPermissions.Input) async throws -> GetTeamPermissions.Output {
        .ok(try await store.run { store in
            guard let role = try store.repository(input.repository).teamRoles[input.teamname] else {
                throw HTTPProblem.notFound("team '\(input.teamname)' has no permission on '\(input.repository)'")
            }
            return PermissionRole(role: role)
        })
    }

    public func changeTeamPermissions(_ input: ChangeTeamPermissions.Input) async throws -> ChangeTeamPermissions.Output {
        .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            _ = try store.team(repository.namespace, input.teamname)
            try store.updateRepository(input.repository) { $0.teamRoles[input.teamname] = input.body.role }
            return TeamPermission(role: input.body.role, name: input.teamname, avatar: store.avatar(input.teamname, kind: .team))
        })
    }

    public func deleteTeamPermissions(_ input: DeleteTeamPermissions.Input) async throws -> DeleteTeamPermissions.Output {
        try await store.run { store in
            try store.updateRepository(input.repository) { repository in
                guard repository.teamRoles.removeValue(forKey: input.teamname) != nil else {
                    throw HTTPProblem.notFound("team '\(input.teamname)' has no permission on '\(repository.key)'")
                }
            }
        }
        return .noContent
    }
}

extension QuayStore {
    func team(_ organization: String, _ name: String) throws -> Team {
        guard let team = try self.organization(organization).teams[name] else {
            throw HTTPProblem.notFound("team '\(name)' does not exist in '\(organization)'")
        }
        return team
    }

    /// A team as its organization lists it.
    func organizationTeamView(_ team: Team, in organization: Organization) -> OrganizationTeam {
        let repositoryCount = repositories.values.filter { $0.namespace == organization.name && $0.teamRoles[team.name] != nil }.count
        return OrganizationTeam(name: team.name, description: team.description, role: team.role, avatar: avatar(team.name, kind: .team),
                                canView: true, repoCount: repositoryCount, memberCount: team.members.count, isSynced: false)
    }

    /// A member of a team: a user or a robot.
    func teamMemberView(_ name: String) -> TeamMember {
        let isRobot = name.contains("+")
        return TeamMember(name: name, kind: .user, isRobot: isRobot, avatar: avatar(name, kind: isRobot ? .robot : .user), invited: false)
    }

    /// A user's role on a repository.
    func userPermissionView(_ name: String, _ role: RepositoryRole, in repository: Repository) -> UserPermission {
        let isRobot = name.contains("+")
        let isMember = organizations[repository.namespace].map { organization in
            organization.owners.contains(name) || organization.teams.values.contains { $0.members.contains(name) }
        }
        return UserPermission(role: role, name: name, isRobot: isRobot, avatar: avatar(name, kind: isRobot ? .robot : .user),
                              isOrgMember: isMember)
    }
}
