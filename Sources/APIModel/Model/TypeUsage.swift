/// Which named types a piece of the model mentions: the one answer to "what does this
/// operation need", for filtering, file layout and the docs' "used by" links.
extension OperationModel {
    /// The named types this operation mentions itself, first mention first: its parameters,
    /// request bodies, responses and response headers (not the types those mention in turn).
    public var directlyUsedTypes: [String] {
        var names = parameters.flatMap(\.type.namedTypes)
        names += requestBody?.contents.flatMap { $0.type?.namedTypes ?? [] } ?? []
        for response in responses {
            names += response.contents.flatMap { $0.type?.namedTypes ?? [] }
            names += response.headers.flatMap(\.type.namedTypes)
        }
        return Self.unique(names)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

extension NamedType {
    /// The named types this declaration mentions itself: its properties' types, its variants or
    /// its target. Its own name is left out.
    public var directlyUsedTypes: [String] {
        let names: [String]
        switch kind {
        case .object(let object):
            names = object.properties.flatMap(\.type.namedTypes) + (object.additionalProperties?.namedTypes ?? [])
                + (object.composedParts ?? []).flatMap(\.type.namedTypes)
        case .union(let union): names = union.variants.flatMap(\.type.namedTypes)
        case .alias(let target): names = target.namedTypes
        case .enumeration: names = []
        }
        var seen: Set<String> = [name]
        return names.filter { seen.insert($0).inserted }
    }
}

/// Which named types lead to which: for following references to the end, many times over.
public struct TypeGraph: Sendable {
    private let edges: [String: [String]]

    /// The graph of `types`' references.
    public init(_ types: [NamedType]) {
        var edges: [String: [String]] = [:]
        edges.reserveCapacity(types.count)
        for type in types where edges[type.name] == nil { edges[type.name] = type.directlyUsedTypes }
        self.edges = edges
    }

    /// `roots` and every named type they lead to.
    public func closure(of roots: some Sequence<String>) -> Set<String> {
        var needed = Set<String>()
        var queue: [String] = []
        for name in roots where needed.insert(name).inserted { queue.append(name) }
        while let name = queue.popLast() {
            for next in edges[name] ?? [] where needed.insert(next).inserted { queue.append(next) }
        }
        return needed
    }
}

extension ServiceModel {
    /// The tags that have operations, each with its operations in document order: one pass
    /// over the operations, however many tags there are.
    public var taggedGroups: [(tag: TagModel, operations: [OperationModel])] {
        var byTag: [String: [OperationModel]] = [:]
        for operation in operations {
            if let tag = operation.tag { byTag[tag, default: []].append(operation) }
        }
        return tags.compactMap { tag in byTag[tag.name].map { (tag, $0) } }
    }

    /// For each type that the operations of exactly one tag need (and no untagged operation),
    /// that tag's name. The rest are shared.
    public var typeOwners: [String: String] {
        let graph = TypeGraph(types)
        var owners: [String: String] = [:]
        var shared = graph.closure(of: untaggedOperations.flatMap(\.directlyUsedTypes))
        for (tag, operations) in taggedGroups {
            for name in graph.closure(of: operations.flatMap(\.directlyUsedTypes)) where !shared.contains(name) {
                if owners.updateValue(tag.name, forKey: name) != nil { shared.insert(name) }
            }
        }
        return owners.filter { !shared.contains($0.key) }
    }
}
