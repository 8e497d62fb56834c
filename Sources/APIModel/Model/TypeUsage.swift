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
        case .object(let object): names = object.properties.flatMap(\.type.namedTypes) + (object.additionalProperties?.namedTypes ?? [])
        case .union(let union): names = union.variants.flatMap(\.type.namedTypes)
        case .alias(let target): names = target.namedTypes
        case .enumeration: names = []
        }
        var seen: Set<String> = [name]
        return names.filter { seen.insert($0).inserted }
    }
}

/// Following type references to the end.
public enum TypeUsage {
    /// `roots` and every named type they lead to through the declarations `lookup` finds.
    public static func closure(of roots: some Sequence<String>, lookup: (String) -> NamedType?) -> Set<String> {
        var needed = Set<String>()
        var queue: [String] = []
        for name in roots where needed.insert(name).inserted { queue.append(name) }
        while let name = queue.popLast() {
            for next in lookup(name)?.directlyUsedTypes ?? [] where needed.insert(next).inserted { queue.append(next) }
        }
        return needed
    }
}

extension ServiceModel {
    /// Every named type `operations` need, directly or through other types.
    public func typesNeeded(by operations: [OperationModel]) -> Set<String> {
        TypeUsage.closure(of: operations.flatMap(\.directlyUsedTypes), lookup: type(named:))
    }
}
