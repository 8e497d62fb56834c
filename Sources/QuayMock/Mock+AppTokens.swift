import APIRuntime
import Foundation
import QuayServer

/// The calling user's app-specific tokens (`endpoints/api/appspecifictokens.py`): created,
/// listed without their secret, read with it, and revoked for good.
extension QuayMockServer {
    public func createAppToken(_ input: CreateAppToken.Input) async throws -> CreateAppToken.Output {
        let user = caller
        return .ok(CreateAppTokenResponse(token: try await store.run { store in
            let token = QuayStore.AppTokenRecord(uuid: store.nextID("apptoken"), title: input.body.title,
                                                 code: store.nextID("code"), created: Date())
            try store.updateUser(user) { $0.appTokens.append(token) }
            return token.view(withCode: true)
        }))
    }

    public func listAppTokens(_ input: ListAppTokens.Input) async throws -> ListAppTokens.Output {
        let user = caller
        // No token expires (the mock sets no expiration), so none is about to.
        let expiring = input.expiring ?? false
        return .ok(try await store.run { store in
            let tokens = expiring ? [] : try store.user(user).appTokens.map { $0.view(withCode: false) }
            return ListAppTokensResponse(tokens: tokens, onlyExpiring: input.expiring)
        })
    }

    public func getAppToken(_ input: GetAppToken.Input) async throws -> GetAppToken.Output {
        let user = caller
        return .ok(GetAppTokenResponse(token: try await store.run { store in
            guard let token = try store.user(user).appTokens.first(where: { $0.uuid == input.tokenUUID }) else {
                throw HTTPProblem.notFound("app token '\(input.tokenUUID)' does not exist")
            }
            return token.view(withCode: true)
        }))
    }

    public func revokeAppToken(_ input: RevokeAppToken.Input) async throws -> RevokeAppToken.Output {
        let user = caller
        try await store.run { store in
            try store.updateUser(user) { record in
                guard record.appTokens.contains(where: { $0.uuid == input.tokenUUID }) else {
                    throw HTTPProblem.notFound("app token '\(input.tokenUUID)' does not exist")
                }
                record.appTokens.removeAll { $0.uuid == input.tokenUUID }
            }
        }
        return .noContent
    }
}

extension QuayStore {
    struct AppTokenRecord: Sendable {
        var uuid: String
        var title: String
        var code: String
        var created: Date

        /// The token as Quay shows it; the secret only where Quay shows it (creating and reading one).
        func view(withCode: Bool) -> AppToken {
            AppToken(uuid: uuid, title: title, lastAccessed: nil, created: httpDate(created), expiration: nil,
                     tokenCode: withCode ? code : nil)
        }
    }
}
