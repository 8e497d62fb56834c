/// Finds properties and union variants that contain their owner by value, directly or through
/// other types, so emitters can box them. Arrays and dictionaries already box, so only plain
/// and nullable references count.
enum Recursion {
    static func marked(_ types: [NamedType]) -> [NamedType] {
        let index = Dictionary(types.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Edges "contains by value".
        var edges: [[Int]] = Array(repeating: [], count: types.count)
        for (i, type) in types.enumerated() {
            edges[i] = valueTargets(type).compactMap { index[$0] }
        }
        let component = StronglyConnected.components(edges)
        func recursive(_ owner: Int, _ target: TypeRef) -> Bool {
            guard case .named(let name) = target.nonNullable, let j = index[name] else { return false }
            return j == owner || component[j] == component[owner]
        }
        var result = types
        for i in result.indices {
            switch result[i].kind {
            case .object(var object):
                for p in object.properties.indices where recursive(i, object.properties[p].type) {
                    object.properties[p].isRecursive = true
                }
                result[i].kind = .object(object)
            case .union(var union):
                for v in union.variants.indices where recursive(i, union.variants[v].type) {
                    union.variants[v].isRecursive = true
                }
                result[i].kind = .union(union)
            default:
                break
            }
        }
        return result
    }

    /// The named types a type holds by value.
    private static func valueTargets(_ type: NamedType) -> [String] {
        func direct(_ ref: TypeRef) -> String? {
            if case .named(let name) = ref.nonNullable { return name }
            return nil
        }
        switch type.kind {
        case .object(let object): return object.properties.compactMap { direct($0.type) }
        case .union(let union): return union.variants.compactMap { direct($0.type) }
        case .alias(let target): return direct(target).map { [$0] } ?? []
        case .enumeration: return []
        }
    }
}

/// Tarjan's strongly connected components, without recursion so long chains cannot overflow
/// the stack.
enum StronglyConnected {
    /// For each node, the number of its component.
    static func components(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var component = Array(repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for start in 0..<count where index[start] == -1 {
            var work: [(node: Int, edge: Int)] = [(start, 0)]
            index[start] = nextIndex; low[start] = nextIndex; nextIndex += 1
            stack.append(start); onStack[start] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if index[next] == -1 {
                        index[next] = nextIndex; low[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        low[node] = min(low[node], index[next])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                    if low[node] == index[node] {
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component[member] = nextComponent
                            if member == node { break }
                        }
                        nextComponent += 1
                    }
                }
            }
        }
        return component
    }
}
