import APIRuntime
import Foundation
import QuayServer

/// Teams of organizations, and who may do what on a repository.
extension QuayMockServer {
    public func updateOrganizationTeam(_ input: UpdateOrganizationTeam.Input) async throws -> UpdateOrganizationTeam.Output {
        try QuayMockServer.checkName(input.teamname, "team name")
        return .ok(try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                var team = organization.teams[input.teamname] ?? QuayStore.Team(name: input.teamname, role: input.body.role, description: "")
                team.role = input.body.role
                if let description = input.body.description { team.description = description }
                organization.teams[input.teamname] = team
                return store.teamView(team)
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
            return ["name": .string(team.name), "can_edit": true,
                    "members": .array(team.members.map { ["name": .string($0), "kind": "user", "is_robot": .bool($0.contains("+"))] })]
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
            return ["name": .string(input.membername), "kind": "user", "is_robot": false, "invited": false]
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
            return ["permissions": .object(repository.userRoles.mapValues { role in ["role": .string(role.rawValue), "is_robot": false] })]
        })
    }

    public func getUserPermissions(_ input: GetUserPermissions.Input) async throws -> GetUserPermissions.Output {
        .ok(try await store.run { store in
            guard let role = try store.repository(input.repository).userRoles[input.username] else {
                throw HTTPProblem.notFound("'\(input.username)' has no permission on '\(input.repository)'")
            }
            return ["name": .string(input.username), "role": .string(role.rawValue), "is_robot": false]
        })
    }

    public func changeUserPermissions(_ input: ChangeUserPermissions.Input) async throws -> ChangeUserPermissions.Output {
        .ok(try await store.run { store in
            _ = try store.user(input.username)
            try store.updateRepository(input.repository) { $0.userRoles[input.username] = input.body.role }
            return ["name": .string(input.username), "role": .string(input.body.role.rawValue), "is_robot": false]
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
            return ["permissions": .object(repository.teamRoles.mapValues { role in ["role": .string(role.rawValue)] })]
        })
    }

    public func getTeamPermissions(_ input: GetTeamPermissions.Input) async throws -> GetTeamPermissions.Output {
        .ok(try await store.run { store in
            guard let role = try store.repository(input.repository).teamRoles[input.teamname] else {
                throw HTTPProblem.notFound("team '\(input.teamname)' has no permission on '\(input.repository)'")
            }
            return ["name": .string(input.teamname), "role": .string(role.rawValue)]
        })
    }

    public func changeTeamPermissions(_ input: ChangeTeamPermissions.Input) async throws -> ChangeTeamPermissions.Output {
        .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            _ = try store.team(repository.namespace, input.teamname)
            try store.updateRepository(input.repository) { $0.teamRoles[input.teamname] = input.body.role }
            return ["name": .string(input.teamname), "role": .string(input.body.role.rawValue)]
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

    func teamView(_ team: Team) -> JSONValue {
        ["name": .string(team.name), "description": .string(team.description), "role": .string(team.role.rawValue),
         "member_count": .int(team.members.count), "can_view": true, "repo_count": 0]
    }
}
