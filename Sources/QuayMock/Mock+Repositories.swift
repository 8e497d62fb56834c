import APIRuntime
import Foundation
import QuayServer

/// Repositories: create, list (token paging), get, update, visibility, state, delete.
extension QuayMockServer {
    public func createRepo(_ input: CreateRepo.Input) async throws -> CreateRepo.Output {
        let namespace = input.body.namespace ?? caller
        let name = input.body.repository
        try QuayMockServer.checkName(name, "repository name")
        try await store.run { store in
            guard store.namespaceExists(namespace) else { throw HTTPProblem.notFound("namespace '\(namespace)' does not exist") }
            let key = "\(namespace)/\(name)"
            guard store.repositories[key] == nil else { throw HTTPProblem.badRequest("repository '\(key)' already exists") }
            store.repositories[key] = QuayStore.Repository(namespace: namespace, name: name, description: input.body.description,
                                                           visibility: input.body.visibility, kind: input.body.repoKind ?? .image)
        }
        return .created(CreateRepoResponse(namespace: namespace, name: name, kind: input.body.repoKind ?? .image))
    }

    public func listRepos(_ input: ListRepos.Input) async throws -> ListRepos.Output {
        let user = caller
        let (page, next) = try await store.run { store in
            var repositories = store.repositories.values.sorted { $0.key < $1.key }
            if let namespace = input.namespace { repositories = repositories.filter { $0.namespace == namespace } }
            if let kind = input.repoKind { repositories = repositories.filter { $0.kind == kind } }
            if input.starred == true { repositories = repositories.filter { store.stars[user]?.contains($0.key) == true } }
            if input.public == false { repositories = repositories.filter { $0.visibility == .private } }
            return try TokenPage.slice(repositories.map { store.repositoryView($0, user: user, popularity: input.popularity == true,
                                                                               lastModified: input.lastModified == true) },
                                       token: input.nextPage, size: store.pageSize)
        }
        return .ok(ListReposResponse(repositories: page, nextPage: next))
    }

    public func getRepo(_ input: GetRepo.Input) async throws -> GetRepo.Output {
        let user = caller
        return .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            let tags = repository.tags.values.filter { $0.deleted == nil }.map { tag in
                (tag.name, TagSummary(name: tag.name, size: 0, lastModified: httpDate(tag.since),
                                      expiration: tag.expiration.map { httpDate(Date(timeIntervalSince1970: Double($0))) },
                                      manifestDigest: tag.digest))
            }
            return Repository(
                namespace: repository.namespace, name: repository.name, kind: repository.kind, description: repository.description,
                isPublic: repository.visibility == .public, isOrganization: store.organizations[repository.namespace] != nil,
                isStarred: store.stars[user]?.contains(repository.key) == true,
                statusToken: repository.visibility == .public ? "" : store.nextID("status"), trustEnabled: false,
                tagExpirationS: 1_209_600, isFreeAccount: true, state: repository.state,
                tags: input.includeTags == false ? nil : Dictionary(uniqueKeysWithValues: tags),
                canWrite: repository.state == "NORMAL", canAdmin: true,
                stats: input.includeStats == true ? [] : nil)
        })
    }

    public func updateRepo(_ input: UpdateRepo.Input) async throws -> UpdateRepo.Output {
        try await store.run { store in try store.updateRepository(input.repository) { $0.description = input.body.description } }
        return .ok(RepositoryChangeConfirmation(success: true))
    }

    public func changeRepoVisibility(_ input: ChangeRepoVisibility.Input) async throws -> ChangeRepoVisibility.Output {
        try await store.run { store in try store.updateRepository(input.repository) { $0.visibility = input.body.visibility } }
        return .ok(RepositoryChangeConfirmation(success: true))
    }

    public func changeRepoState(_ input: ChangeRepoState.Input) async throws -> ChangeRepoState.Output {
        // The stubs have checked the state against the spec's values.
        try await store.run { store in try store.updateRepository(input.repository) { $0.state = input.body.state.rawValue } }
        return .ok(RepositoryChangeConfirmation(success: true))
    }

    public func deleteRepository(_ input: DeleteRepository.Input) async throws -> DeleteRepository.Output {
        try await store.run { store in
            _ = try store.repository(input.repository)
            store.repositories[input.repository] = nil
            for user in store.stars.keys { store.stars[user]?.remove(input.repository) }
        }
        return .noContent
    }
}

extension QuayStore {
    /// A repository as Quay lists it.
    func repositoryView(_ repository: Repository, user: String?, popularity: Bool, lastModified: Bool) -> RepositorySummary {
        RepositorySummary(
            namespace: repository.namespace, name: repository.name, description: repository.description,
            isPublic: repository.visibility == .public, kind: repository.kind, state: repository.state,
            lastModified: lastModified ? repository.tags.values.map(\.since).max().map(timestamp) : nil,
            popularity: popularity ? 0 : nil,
            isStarred: user.map { stars[$0]?.contains(repository.key) == true }, quotaReport: emptyQuotaReport)
    }
}
