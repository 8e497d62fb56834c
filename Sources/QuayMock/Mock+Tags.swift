import APIRuntime
import Foundation
import QuayServer

/// Tags: list (page/limit paging), change, delete, restore; immutability enforced.
extension QuayMockServer {
    public func listRepoTags(_ input: ListRepoTags.Input) async throws -> ListRepoTags.Output {
        let page = input.page ?? 1
        let limit = input.limit ?? 50
        guard page >= 1 else { throw HTTPProblem.badRequest("page must be 1 or more, not \(page)") }
        guard (1...100).contains(limit) else { throw HTTPProblem.badRequest("limit must be between 1 and 100, not \(limit)") }
        let filter = try input.filterTagName.map(TagFilter.init)
        return .ok(try await store.run { store in
            let repository = try store.repository(input.repository)
            var tags = repository.tags.values.sorted { ($0.since, $0.name) > ($1.since, $1.name) }
            if input.onlyActiveTags == true { tags = tags.filter { $0.deleted == nil } }
            if let specific = input.specificTag { tags = tags.filter { $0.name == specific } }
            if let filter { tags = tags.filter { filter.matches($0.name) } }
            let (slice, more, _) = NumberedPage.slice(tags, page: page, size: limit)
            return ListRepoTagsResponse(tags: slice.map(store.tagView), page: page, hasAdditional: more)
        })
    }

    public func changeTag(_ input: ChangeTag.Input) async throws -> ChangeTag.Output {
        try QuayMockServer.checkTagName(input.tag)
        try await store.run { store in
            try store.updateRepository(input.repository) { repository in
                let existing = repository.tags[input.tag]
                if existing != nil || input.body.manifestDigest != nil {
                    try store.checkMutable(input.tag, in: repository)
                }
                guard var tag = existing ?? input.body.manifestDigest.map({ QuayStore.TagRecord(name: input.tag, digest: $0, since: Date()) }) else {
                    throw HTTPProblem.badRequest("tag '\(input.tag)' does not exist; give a manifest_digest to create it")
                }
                if let digest = input.body.manifestDigest {
                    try QuayMockServer.checkDigest(digest)
                    if existing != nil, digest != tag.digest {
                        tag.history.append(tag.digest)
                        tag.digest = digest
                        tag.since = Date()
                    }
                    tag.deleted = nil
                }
                if let expiration = input.body.expiration { tag.expiration = expiration }
                if let immutable = input.body.immutable { tag.immutable = immutable }
                repository.tags[input.tag] = tag
            }
        }
        return .created
    }

    public func deleteFullTag(_ input: DeleteFullTag.Input) async throws -> DeleteFullTag.Output {
        try await store.run { store in
            try store.updateRepository(input.repository) { repository in
                guard var tag = repository.tags[input.tag], tag.deleted == nil else {
                    throw HTTPProblem.notFound("tag '\(input.tag)' does not exist in '\(repository.key)'")
                }
                try store.checkMutable(input.tag, in: repository)
                tag.deleted = Date()
                repository.tags[input.tag] = tag
            }
        }
        return .noContent
    }

    public func restoreTag(_ input: RestoreTag.Input) async throws -> RestoreTag.Output {
        try await store.run { store in
            try store.updateRepository(input.repository) { repository in
                guard var tag = repository.tags[input.tag] else {
                    throw HTTPProblem.notFound("tag '\(input.tag)' never existed in '\(repository.key)'")
                }
                try store.checkMutable(input.tag, in: repository)
                let target = input.body.manifestDigest ?? tag.history.last ?? tag.digest
                guard target == tag.digest || tag.history.contains(target) else {
                    throw HTTPProblem.badRequest("tag '\(input.tag)' never pointed to \(target)")
                }
                if target != tag.digest { tag.history.append(tag.digest) }
                tag.digest = target
                tag.deleted = nil
                tag.since = Date()
                repository.tags[input.tag] = tag
            }
        }
        return .ok
    }

    static func checkTagName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard !name.isEmpty, name.count <= 128, allowed, name.first != ".", name.first != "-" else {
            throw HTTPProblem.badRequest("tag name '\(name)' is invalid")
        }
    }

    /// A digest the tag can point at. The mock keeps no manifests, so it takes any well-formed
    /// one; one that is not (`algorithm:hex`) names no manifest, which Quay answers with a 404.
    static func checkDigest(_ digest: String) throws {
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 32, parts[1].allSatisfy(\.isHexDigit) else {
            throw HTTPProblem.notFound("no manifest has the digest '\(digest)'")
        }
    }
}

/// `filter_tag_name`: `like:<text>` or `eq:<name>`.
struct TagFilter {
    let exact: Bool
    let text: String

    init(_ filter: String) throws {
        if filter.hasPrefix("like:") {
            (exact, text) = (false, String(filter.dropFirst(5)))
        } else if filter.hasPrefix("eq:") {
            (exact, text) = (true, String(filter.dropFirst(3)))
        } else {
            throw HTTPProblem.badRequest("filter_tag_name must be like:<text> or eq:<name>, not '\(filter)'")
        }
    }

    func matches(_ name: String) -> Bool { exact ? name == text : name.contains(text) }
}

extension QuayStore {
    /// A tag as Quay lists it: where it points, since when, and until when.
    func tagView(_ tag: TagRecord) -> Tag {
        Tag(name: tag.name, reversion: false, immutable: tag.immutable, startTs: timestamp(tag.since),
            endTs: tag.deleted.map(timestamp), manifestDigest: tag.digest, isManifestList: false, size: 0,
            lastModified: httpDate(tag.since), expiration: tag.expiration.map { httpDate(Date(timeIntervalSince1970: Double($0))) })
    }

    /// A tag an immutability policy (of the repository or its organization) or its own flag
    /// protects may not change.
    func checkMutable(_ tag: String, in repository: Repository) throws {
        if repository.tags[tag]?.immutable == true { throw HTTPProblem.badRequest("tag '\(tag)' is immutable") }
        let rules = repository.immutabilityPolicies + (organizations[repository.namespace]?.immutabilityPolicies ?? [])
        for rule in rules {
            let matches = (try? Regex(rule.tagPattern)).map { tag.wholeMatch(of: $0) != nil } ?? false
            if matches == rule.tagPatternMatches {
                throw HTTPProblem.badRequest("tag '\(tag)' is immutable under policy \(rule.uuid)")
            }
        }
    }
}
