import APIRuntime
import Foundation
import QuayServer

/// Operations whose answer carries nothing but its status: Quay's `"Created"`, `"Deleted"` and
/// `"Okay"`, and its empty `text/html` pages, which the server stubs write themselves. The mock
/// checks what it keeps (the organization or repository exists) and answers as Quay does; the
/// work itself (proxy caches, mirrors, builds, service keys) is not simulated.
extension QuayMockServer {
    public func createProxyCacheConfig(_ input: CreateProxyCacheConfig.Input) async throws -> CreateProxyCacheConfig.Output {
        _ = try await store.run { try $0.organization(input.orgname) }
        return .created
    }

    public func deleteProxyCacheConfig(_ input: DeleteProxyCacheConfig.Input) async throws -> DeleteProxyCacheConfig.Output {
        _ = try await store.run { try $0.organization(input.orgname) }
        return .created
    }

    public func cancelRepoBuild(_ input: CancelRepoBuild.Input) async throws -> CancelRepoBuild.Output {
        _ = try await store.run { try $0.repository(input.repository) }
        return .created
    }

    public func createRepoMirrorConfig(_ input: CreateRepoMirrorConfig.Input) async throws -> CreateRepoMirrorConfig.Output {
        _ = try await store.run { try $0.repository(input.repository) }
        return .created
    }

    public func changeRepoMirrorConfig(_ input: ChangeRepoMirrorConfig.Input) async throws -> ChangeRepoMirrorConfig.Output {
        _ = try await store.run { try $0.repository(input.repository) }
        return .created
    }

    public func postRegistrySize(_ input: PostRegistrySize.Input) async throws -> PostRegistrySize.Output {
        .created
    }

    public func approveServiceKey(_ input: ApproveServiceKey.Input) async throws -> ApproveServiceKey.Output {
        .created
    }

    public func deleteServiceKey(_ input: DeleteServiceKey.Input) async throws -> DeleteServiceKey.Output {
        .noContent
    }

    // MARK: Global messages, which the mock keeps

    public func createGlobalMessage(_ input: CreateGlobalMessage.Input) async throws -> CreateGlobalMessage.Output {
        // The stubs have checked the severity and the media type against the spec's values.
        let message = input.body.message
        await store.run { store in
            store.messages.append(QuayStore.Message(uuid: store.nextID("message"), content: message.content,
                                                    severity: message.severity, mediaType: message.mediaType))
        }
        return .created
    }

    public func getGlobalMessages(_ input: GetGlobalMessages.Input) async throws -> GetGlobalMessages.Output {
        .ok(await store.run { store in
            GetGlobalMessagesResponse(messages: store.messages.map {
                GlobalMessage(uuid: $0.uuid, content: $0.content, severity: $0.severity, mediaType: $0.mediaType)
            })
        })
    }

    public func deleteGlobalMessage(_ input: DeleteGlobalMessage.Input) async throws -> DeleteGlobalMessage.Output {
        try await store.run { store in
            guard store.messages.contains(where: { $0.uuid == input.uuid }) else {
                throw HTTPProblem.notFound("message '\(input.uuid)' does not exist")
            }
            store.messages.removeAll { $0.uuid == input.uuid }
        }
        return .noContent
    }
}
