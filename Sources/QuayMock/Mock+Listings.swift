import APIRuntime
import Foundation
import QuayServer

/// Logs, search, errors, registry size and the other operations whose answers have a shape of
/// their own.
extension QuayMockServer {
    /// The log window: the dates given (`%m/%d/%Y`), or the last month. As Quay's
    /// `_parse_datetime` does, a date that does not read as one counts as not given; an end
    /// before the start is refused, as Quay's `_get_logs` refuses it.
    private func window(_ start: String?, _ end: String?) throws -> (start: String, end: String) {
        func date(_ text: String?) -> (text: String, order: String)? {
            guard let text, let match = text.wholeMatch(of: /([0-9]{2})\/([0-9]{2})\/([0-9]{4})/) else { return nil }
            return (text, "\(match.3)\(match.1)\(match.2)")
        }
        let from = date(start) ?? ("01/01/2024", "20240101"), to = date(end) ?? ("02/01/2024", "20240201")
        guard from.order <= to.order else { throw HTTPProblem.badRequest("the end of the window comes before its start") }
        return (from.text, to.text)
    }

    public func listUserLogs(_ input: ListUserLogs.Input) async throws -> ListUserLogs.Output {
        let (start, end) = try window(input.starttime, input.endtime)
        _ = try TokenPage.slice([Int](), token: input.nextPage, size: 1)
        return .ok(LogEntriesPage(startTime: start, endTime: end, logs: []))
    }

    public func listOrgLogs(_ input: ListOrgLogs.Input) async throws -> ListOrgLogs.Output {
        _ = try await store.run { try $0.organization(input.orgname) }
        let (start, end) = try window(input.starttime, input.endtime)
        _ = try TokenPage.slice([Int](), token: input.nextPage, size: 1)
        return .ok(LogEntriesPage(startTime: start, endTime: end, logs: []))
    }

    public func listRepoLogs(_ input: ListRepoLogs.Input) async throws -> ListRepoLogs.Output {
        _ = try await store.run { try $0.repository(input.repository) }
        let (start, end) = try window(input.starttime, input.endtime)
        _ = try TokenPage.slice([Int](), token: input.nextPage, size: 1)
        return .ok(LogEntriesPage(startTime: start, endTime: end, logs: []))
    }

    public func listAllLogs(_ input: ListAllLogs.Input) async throws -> ListAllLogs.Output {
        let (start, end) = try window(input.starttime, input.endtime)
        _ = try TokenPage.slice([Int](), token: input.nextPage, size: 1)
        return .ok(LogEntriesPage(startTime: start, endTime: end, logs: []))
    }

    public func conductRepoSearch(_ input: ConductRepoSearch.Input) async throws -> ConductRepoSearch.Output {
        let page = input.page ?? 1
        guard page >= 1 else { throw HTTPProblem.badRequest("page must be 1 or more, not \(page)") }
        let query = input.query ?? ""
        let size = 10
        return .ok(await store.run { store in
            let found = store.repositories.values.filter { query.isEmpty || $0.name.contains(query) || $0.namespace.contains(query) }
                .sorted { $0.key < $1.key }
            let (slice, more, start) = NumberedPage.slice(found, page: page, size: size)
            return ConductRepoSearchResponse(
                results: slice.map { repository in
                    RepositorySearchResult(
                        kind: .repository, title: .repo,
                        namespace: SearchEntity(title: store.organizations[repository.namespace] == nil ? "user" : "organization",
                                                kind: store.organizations[repository.namespace] == nil ? .user : .organization,
                                                avatar: store.avatar(repository.namespace, kind: .user), name: repository.namespace,
                                                score: 1, href: "/user/\(repository.namespace)"),
                        name: repository.name, description: repository.description, isPublic: repository.visibility == .public,
                        score: 1, href: "/repository/\(repository.key)", stars: store.stars.values.filter { $0.contains(repository.key) }.count,
                        popularity: 0)
                },
                hasAdditional: more, page: page, pageSize: size, startIndex: start)
        })
    }

    public func getErrorDescription(_ input: GetErrorDescription.Input) async throws -> GetErrorDescription.Output {
        let known = [
            "invalid_request": "The request is missing a required parameter or is otherwise malformed.",
            "invalid_token": "The access token expired, was revoked, or is not valid.",
            "insufficient_scope": "The token does not carry the scope the operation requires.",
            "not_found": "The resource does not exist.",
        ]
        guard let description = known[input.errorType] else {
            throw HTTPProblem.notFound("no error type '\(input.errorType)'")
        }
        return .ok(ApiErrorDescription(type: "/api/v1/error/\(input.errorType)", title: input.errorType, description: description))
    }

    public func getRegistrySize(_ input: GetRegistrySize.Input) async throws -> GetRegistrySize.Output {
        .ok(RegistrySizeStatus(sizeBytes: 0, lastRan: nil, running: false, queued: false))
    }

    public func getReferrers(_ input: GetReferrers.Input) async throws -> GetReferrers.Output {
        // The stubs have checked the digest against the route's pattern; the mock keeps no
        // manifests, so none refers to it.
        .ok(ReferrersIndex(schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: []))
    }
}

/// What the mock answers for operations it keeps no state for: the first success status the
/// spec documents, with the spec's example body (an answer recorded from a real Quay).
public enum QuayMockFallback {
    /// The fallback for `ServerOptions`.
    public static let answer: ServerOptions.Fallback = { operationID, _ in
        guard let operation = QuayAPIOperations.all.first(where: { $0.operationID == operationID }),
              let success = operation.success else {
            throw HTTPProblem.notImplemented(operationID)
        }
        guard success.hasBody else { return (success.status, nil) }
        guard let example = operation.example(for: String(success.status)) else {
            throw HTTPProblem.notImplemented("\(operationID): the spec gives no example answer")
        }
        return (success.status, example)
    }
}
