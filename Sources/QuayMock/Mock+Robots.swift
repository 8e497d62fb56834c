import APIRuntime
import Foundation
import QuayServer

/// Robot accounts of organizations and of the calling user.
extension QuayMockServer {
    public func createOrgRobot(_ input: CreateOrgRobot.Input) async throws -> CreateOrgRobot.Output {
        try QuayMockServer.checkName(input.robotShortname, "robot name")
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard organization.robots[input.robotShortname] == nil else {
                    throw HTTPProblem.badRequest("robot '\(input.orgname)+\(input.robotShortname)' already exists")
                }
                organization.robots[input.robotShortname] = store.makeRobot(input.robotShortname, input.body)
            }
        }
        return .created
    }

    public func getOrgRobot(_ input: GetOrgRobot.Input) async throws -> GetOrgRobot.Output {
        .ok(try await store.run { store in
            let organization = try store.organization(input.orgname)
            guard let robot = organization.robots[input.robotShortname] else {
                throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
            }
            return store.robotView(robot, owner: input.orgname, token: true)
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
            return ["robots": .array(robots.map { store.robotView($0, owner: input.orgname, token: input.token ?? true) })]
        })
    }

    public func regenerateOrgRobotToken(_ input: RegenerateOrgRobotToken.Input) async throws -> RegenerateOrgRobotToken.Output {
        try await store.run { store in
            let token = store.nextID("token")
            try store.updateOrganization(input.orgname) { organization in
                guard organization.robots[input.robotShortname] != nil else {
                    throw HTTPProblem.notFound("robot '\(input.orgname)+\(input.robotShortname)' does not exist")
                }
                organization.robots[input.robotShortname]?.token = token
            }
        }
        return .created
    }

    public func createUserRobot(_ input: CreateUserRobot.Input) async throws -> CreateUserRobot.Output {
        let owner = caller
        try QuayMockServer.checkName(input.robotShortname, "robot name")
        return .ok(try await store.run { store in
            try store.updateUser(owner) { user in
                guard user.robots[input.robotShortname] == nil else {
                    throw HTTPProblem.badRequest("robot '\(owner)+\(input.robotShortname)' already exists")
                }
                let robot = store.makeRobot(input.robotShortname, input.body)
                user.robots[input.robotShortname] = robot
                return store.robotView(robot, owner: owner, token: true)
            }
        })
    }

    public func getUserRobot(_ input: GetUserRobot.Input) async throws -> GetUserRobot.Output {
        let owner = caller
        return .ok(try await store.run { store in
            guard let robot = try store.user(owner).robots[input.robotShortname] else {
                throw HTTPProblem.notFound("robot '\(owner)+\(input.robotShortname)' does not exist")
            }
            return store.robotView(robot, owner: owner, token: true)
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
            return ["robots": .array(robots.map { store.robotView($0, owner: owner, token: input.token ?? true) })]
        })
    }
}

extension QuayStore {
    func makeRobot(_ shortname: String, _ options: RobotCreationOptions?) -> Robot {
        Robot(shortname: shortname, description: options?.description ?? "", metadata: options?.unstructuredMetadata ?? [:],
              token: nextID("token"), created: Date())
    }

    func robotView(_ robot: Robot, owner: String, token: Bool) -> JSONValue {
        var view: [String: JSONValue] = [
            "name": .string("\(owner)+\(robot.shortname)"), "description": .string(robot.description),
            "created": .string(httpDate(robot.created)), "last_accessed": .null,
            "unstructured_metadata": .object(robot.metadata),
        ]
        if token { view["token"] = .string(robot.token) }
        return .object(view)
    }
}
