/// A node of a parsed YAML or JSON file, with the line and column it starts at.
///
/// The tree is the same whichever syntax the file used. It stays inside `APISpec`: later stages
/// see only the typed OpenAPI document.
struct Node: Sendable {
    /// What a node holds.
    enum Content: Sendable {
        /// A scalar. `isPlain` is true for an unquoted, untagged YAML scalar or a JSON literal
        /// (number, `true`, `false`, `null`); only those can mean anything but a string.
        case scalar(String, isPlain: Bool)
        /// A mapping, keys in document order. Keys are scalars.
        case mapping([Entry])
        /// A sequence.
        case sequence([Node])
    }

    /// One key and value of a mapping.
    struct Entry: Sendable {
        var key: String
        var keyLine: Int32
        var keyColumn: Int32
        var value: Node
        /// Whether the key was an unquoted YAML scalar (`200:` is a number to YAML, `'200':` text).
        var keyIsPlain = false
    }

    var content: Content
    /// 1-based line.
    var line: Int32
    /// 1-based column.
    var column: Int32

    /// What a diagnostic calls this kind of node ("a mapping", "a string").
    var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case let .scalar(text, isPlain):
            guard isPlain else { return "a string" }
            switch ScalarResolver.resolve(text) {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .double: return "a number"
            default: return "a string"
            }
        }
    }

    /// The number of nodes in this subtree, itself included.
    var size: Int {
        switch content {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + $1.size }
        case .mapping(let entries): return entries.reduce(1) { $0 + $1.value.size + 1 }
        }
    }
}

/// Builds mappings for both readers: merge keys (`<<`) and duplicate-key detection.
enum MappingBuilder {
    /// Finishes a mapping: applies YAML merge keys, then reports any key given twice.
    static func finish(_ entries: [Node.Entry], mergeKeys: Bool, file: String,
                       diagnostics: inout [Diagnostic]) -> [Node.Entry] {
        var result = entries
        if mergeKeys, entries.contains(where: { $0.key == "<<" }) {
            result = applyMergeKeys(entries)
        }
        // Most mappings are small: comparing keys pairwise is cheaper there than hashing them.
        if result.count > 16 {
            var firstLine: [String: Int32] = [:]
            firstLine.reserveCapacity(result.count)
            for entry in result {
                if let line = firstLine[entry.key] {
                    duplicate(entry, firstAt: line)
                } else {
                    firstLine[entry.key] = entry.keyLine
                }
            }
        } else if result.count > 1 {
            for index in 1..<result.count {
                if let earlier = result[..<index].first(where: { $0.key == result[index].key }) {
                    duplicate(result[index], firstAt: earlier.keyLine)
                }
            }
        }
        return result

        func duplicate(_ entry: Node.Entry, firstAt line: Int32) {
            diagnostics.append(Diagnostic(
                .error, "duplicate key '\(entry.key)' (first at line \(line))",
                id: DiagnosticID.duplicateKey,
                at: SourceLocation(file: file, line: Int(entry.keyLine), column: Int(entry.keyColumn))))
        }
    }

    /// YAML 1.1 merge keys: entries of the merged mappings that the mapping does not set itself.
    private static func applyMergeKeys(_ entries: [Node.Entry]) -> [Node.Entry] {
        var own = entries.filter { $0.key != "<<" }
        var present = Set(own.map(\.key))
        for entry in entries where entry.key == "<<" {
            let sources: [Node]
            switch entry.value.content {
            case .mapping: sources = [entry.value]
            case .sequence(let items): sources = items
            case .scalar: continue
            }
            for source in sources {
                guard case .mapping(let merged) = source.content else { continue }
                for item in merged where !present.contains(item.key) {
                    own.append(item)
                    present.insert(item.key)
                }
            }
        }
        return own
    }
}
