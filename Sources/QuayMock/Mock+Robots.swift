import APIRuntime
import Foundation
import QuayServer

/// Robot accounts of organizations and of the calling user.
extension QuayMockServer {
    public func createOrgRobot(_ input: CreateOrgRobot.Input) async throws -> CreateOrgRobot.Output {
        try QuayMockServer.checkName(input.robotShortname, "robot name")
        return .created(try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard organization.robots[input.robotShortname] == nil else {
                    throw HTTPProblem.badRequest("robot '\(input.orgname)+\(input.robotShortname)' already exists")
                }
                let robot = store.makeRobot(input.robotShortname, input.body)
                organization.robots[input.robotShortname] = robot
                return store.robotView(robot, owner: input.orgname)
            }
        })
    }

    public func getOrgRobot(_ input: GetOrgRobot.Input) async throws -> GetOrgRobot.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            guard let robot = organization.robots[input.robotShortname] else {
                throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
            }
            return store.robotView(robot, owner: input.orgname)
        })
    }

    public func deleteOrgRobot(_ input: DeleteOrgRobot.Input) async throws -> DeleteOrgRobot.Output {
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard organization.robots.removeValue(forKey: input.robotShortname) != nil else {
                    throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
                }
            }
        }
        return .noContent
    }

    public func getOrgRobots(_ input: GetOrgRobots.Input) async throws -> GetOrgRobots.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            let robots = organization.robots.values.sorted { $0.shortname < $1.shortname }.prefix(try QuayMockServer.limit(input.limit))
            return GetOrgRobotsResponse(robots: robots.map { store.robotSummary($0, owner: input.orgname, token: input.token ?? true) })
        })
    }

    public func regenerateOrgRobotToken(_ input: RegenerateOrgRobotToken.Input) async throws -> RegenerateOrgRobotToken.Output {
        .ok(try await store.run { store in
            let token = store.nextID("token")
            return try store.updateOrganization(input.orgname) { organization in
                guard var robot = organization.robots[input.robotShortname] else {
                    throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
                }
                robot.token = token
                organization.robots[input.robotShortname] = robot
                return store.robotView(robot, owner: input.orgname, metadata: false)
            }
        })
    }

    public func regenerateUserRobotToken(_ input: RegenerateUserRobotToken.Input) async throws -> RegenerateUserRobotToken.Output {
        let owner = caller
        return .ok(try await store.run { store in
            let token = store.nextID("token")
            return try store.updateUser(owner) { user in
                guard var robot = user.robots[input.robotShortname] else {
                    throw HTTPProblem.notFound("robot '\(owner)+\(input.robotShortname)' does not exist")
                }
                robot.token = token
                user.robots[input.robotShortname] = robot
                return store.robotView(robot, owner: owner, metadata: false)
            }
        })
    }

    public func createUserRobot(_ input: CreateUserRobot.Input) async throws -> CreateUserRobot.Output {
        let owner = caller
        try QuayMockServer.checkName(input.robotShortname, "robot name")
        return .created(try await store.run { store in
            try store.updateUser(owner) { user in
                guard user.robots[input.robotShortname] == nil else {
                    throw HTTPProblem.badRequest("robot '\(owner)+\(input.robotShortname)' already exists")
                }
                let robot = store.makeRobot(input.robotShortname, input.body)
                user.robots[input.robotShortname] = robot
                return store.robotView(robot, owner: owner)
            }
        })
    }

    public func getUserRobot(_ input: GetUserRobot.Input) async throws -> GetUserRobot.Output {
        let owner = caller
        return .ok(try await store.run { store in
            guard let robot = try store.user(owner).robots[input.robotShortname] else {
                throw HTTPProblem.notFound("robot '\(owner)+\(input.robotShortname)' does not exist")
            }
            return store.robotView(robot, owner: owner)
        })
    }

    public func deleteUserRobot(_ input: DeleteUserRobot.Input) async throws -> DeleteUserRobot.Output {
        let owner = caller
        try await store.run { store in
            try store.updateUser(owner) { user in
                guard user.robots.removeValue(forKey: input.robotShortname) != nil else {
                    throw HTTPProblem.notFound("robot '\(owner)+\(input.robotShortname)' does not exist")
                }
            }
        }
        return .noContent
    }

    public func getUserRobots(_ input: GetUserRobots.Input) async throws -> GetUserRobots.Output {
        let owner = caller
        return .ok(try await store.run { store in
            let robots = try store.user(owner).robots.values.sorted { $0.shortname < $1.shortname }.prefix(try QuayMockServer.limit(input.limit))
            return GetUserRobotsResponse(robots: robots.map { store.robotSummary($0, owner: owner, token: input.token ?? true) })
        })
    }
}

/// Robot federation: external identities (an OIDC issuer and subject) that may exchange a token
/// they hold for the robot's.
extension QuayMockServer {
    public func createOrgRobotFederation(_ input: CreateOrgRobotFederation.Input) async throws -> CreateOrgRobotFederation.Output {
        // The stubs have checked each issuer (`^https?://`, all Quay's _parse_federation_config
        // checks) and subject (not empty).
        return .ok(try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard organization.robots[input.robotShortname] != nil else {
                    throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
                }
                organization.robots[input.robotShortname]?.federation = input.body
                return input.body
            }
        })
    }

    public func getFederatedRobotToken(_ input: GetFederatedRobotToken.Input) async throws -> GetFederatedRobotToken.Output {
        guard let robot = ServerCall.current?.principal?.name, robot.contains("+") else {
            return .unauthorized(GetFederatedRobotTokenResponse401(error: "Invalid basic auth header"))
        }
        return .ok(GetFederatedRobotTokenResponse(token: await store.run { $0.nextID("federated-\(robot)") }))
    }

    /// Who may call: bearer tokens, and robots presenting a federated identity as HTTP Basic
    /// (`orgname+robot` and a JWT whose issuer and subject the robot trusts; the mock reads the
    /// JWT's claims and does not verify its signature).
    public func authorizer(tokens: [String: Principal]) -> any Authorizer {
        let store = store
        return FirstMatchAuthorizer([BearerTokenAuthorizer(tokens: tokens), BasicAuthorizer { credentials in
            let name = credentials.username.split(separator: "+", maxSplits: 1).map(String.init)
            guard name.count == 2, let claims = Self.claims(ofJWT: credentials.password.reveal()),
                  let issuer = claims["iss"]?.stringValue, let subject = claims["sub"]?.stringValue else { return nil }
            let trusted = await store.run { store in
                store.organizations[name[0]]?.robots[name[1]]?.federation.contains { $0.issuer == issuer && $0.subject == subject } ?? false
            }
            return trusted ? Principal(name: credentials.username, scopes: []) : nil
        }])
    }

    /// The claims of a JWT (its middle part, base64url JSON), unverified.
    static func claims(ofJWT token: String) -> JSONValue? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap { try? JSONValue(parsing: Array($0)) }
    }
}

extension QuayStore {
    func makeRobot(_ shortname: String, _ options: RobotCreationOptions?) -> Robot {
        Robot(shortname: shortname, description: options?.description ?? "", metadata: options?.unstructuredMetadata ?? [:],
              token: nextID("token"), created: Date())
    }

    /// A robot with its token, as creating, reading or regenerating one answers.
    func robotView(_ robot: Robot, owner: String, metadata: Bool = true) -> QuayServer.Robot {
        QuayServer.Robot(name: "\(owner)+\(robot.shortname)", created: httpDate(robot.created), lastAccessed: nil,
                         description: robot.description, token: robot.token, unstructuredMetadata: metadata ? robot.metadata : nil)
    }

    /// A robot as a listing shows it: its teams and repositories, the token when asked for.
    func robotSummary(_ robot: Robot, owner: String, token: Bool) -> RobotSummary {
        let name = "\(owner)+\(robot.shortname)"
        let teams = organizations[owner]?.teams.values.filter { $0.members.contains(name) }.sorted { $0.name < $1.name } ?? []
        return RobotSummary(name: name, created: httpDate(robot.created), lastAccessed: nil, description: robot.description,
                            teams: teams.map { TeamReference(name: $0.name, avatar: avatar($0.name, kind: .team)) },
                            repositories: repositories.values.filter { $0.userRoles[name] != nil }.map(\.name).sorted(),
                            token: token ? robot.token : nil)
    }
}
