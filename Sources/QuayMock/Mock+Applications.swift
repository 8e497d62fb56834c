import APIRuntime
import Foundation
import QuayServer

/// An organization's OAuth applications (`endpoints/api/organization.py`): each has a client
/// id and a secret made when it is created.
extension QuayMockServer {
    public func createOrganizationApplication(_ input: CreateOrganizationApplication.Input) async throws -> CreateOrganizationApplication.Output {
        .ok(try await store.run { store in
            let number = store.nextNumber()
            let application = QuayStore.ApplicationRecord(
                clientID: QuayStore.ApplicationRecord.code(number, length: 20, uppercase: true),
                clientSecret: QuayStore.ApplicationRecord.code(number, length: 40, uppercase: false),
                name: input.body.name, description: input.body.description ?? "",
                applicationURI: input.body.applicationURI ?? "", redirectURI: input.body.redirectURI ?? "",
                avatarEmail: input.body.avatarEmail)
            try store.updateOrganization(input.orgname) { $0.applications.append(application) }
            return application.view
        })
    }

    public func getOrganizationApplications(_ input: GetOrganizationApplications.Input) async throws -> GetOrganizationApplications.Output {
        .ok(try await store.run { store in
            GetOrganizationApplicationsResponse(applications: try store.organization(input.orgname).applications.map(\.view))
        })
    }

    public func getOrganizationApplication(_ input: GetOrganizationApplication.Input) async throws -> GetOrganizationApplication.Output {
        .ok(try await store.run { store in
            try store.updateApplication(input.orgname, input.clientID) { $0.view }
        })
    }

    public func updateOrganizationApplication(_ input: UpdateOrganizationApplication.Input) async throws -> UpdateOrganizationApplication.Output {
        .ok(try await store.run { store in
            try store.updateApplication(input.orgname, input.clientID) { application in
                application.name = input.body.name
                application.redirectURI = input.body.redirectURI
                application.applicationURI = input.body.applicationURI
                if let description = input.body.description { application.description = description }
                if let email = input.body.avatarEmail { application.avatarEmail = email }
                return application.view
            }
        })
    }

    public func deleteOrganizationApplication(_ input: DeleteOrganizationApplication.Input) async throws -> DeleteOrganizationApplication.Output {
        try await store.run { store in
            try store.updateOrganization(input.orgname) { organization in
                guard organization.applications.contains(where: { $0.clientID == input.clientID }) else {
                    throw HTTPProblem.notFound("application '\(input.clientID)' does not exist")
                }
                organization.applications.removeAll { $0.clientID == input.clientID }
            }
        }
        return .noContent
    }
}

extension QuayStore {
    struct ApplicationRecord: Sendable {
        var clientID: String
        var clientSecret: String
        var name: String
        var description: String
        var applicationURI: String
        var redirectURI: String
        var avatarEmail: String?

        var view: OAuthApplication {
            OAuthApplication(name: name, description: description, applicationURI: applicationURI, clientID: clientID,
                             clientSecret: clientSecret, redirectURI: redirectURI, avatarEmail: avatarEmail)
        }

        /// A deterministic code of letters and digits, as long as Quay's client ids (20) and secrets (40).
        static func code(_ seed: Int, length: Int, uppercase: Bool) -> String {
            let alphabet = Array(uppercase ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "abcdefghijklmnopqrstuvwxyz0123456789")
            var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
            return String((0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return alphabet[Int(state >> 33) % alphabet.count]
            })
        }
    }

    /// Applies a change to an organization's application, which must exist.
    func updateApplication<T>(_ orgname: String, _ clientID: String, _ change: (inout ApplicationRecord) throws -> T) throws -> T {
        try updateOrganization(orgname) { organization in
            guard let index = organization.applications.firstIndex(where: { $0.clientID == clientID }) else {
                throw HTTPProblem.notFound("application '\(clientID)' does not exist")
            }
            return try change(&organization.applications[index])
        }
    }
}
