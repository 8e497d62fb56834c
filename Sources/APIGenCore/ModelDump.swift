import APIModel

/// `apigen dump-model`: the model as JSON, keys in declaration order and spec values in
/// document order, so the same spec always prints the same text.
public enum ModelDump {
    /// Pretty-printed JSON of the model, ending with a newline.
    public static func json(_ model: ServiceModel) -> String {
        (try? OrderedJSONEncoder().encode(model)) ?? "{}\n"
    }
}

/// A short account of a model, for people: what `apigen` prints before emitters exist.
public enum ModelSummary {
    /// Counts of operations, tags, types and schemes, then one line per tag.
    public static func text(_ model: ServiceModel) -> String {
        var lines: [String] = []
        lines.append("\(model.title) \(model.version): \(model.operations.count) operations in \(model.tags.count) tags, "
                     + "\(model.types.count) types, \(model.securitySchemes.count) security schemes")
        lines.append("client \(model.name), server protocol \(model.serverProtocolName)")
        let counts = Dictionary(model.taggedGroups.map { ($0.tag.name, $0.operations.count) }, uniquingKeysWith: { first, _ in first })
        for tag in model.tags {
            let count = counts[tag.name] ?? 0
            lines.append("  \(tag.memberName): \(count) operation\(count == 1 ? "" : "s")")
        }
        let untagged = model.untaggedOperations.count
        if untagged > 0 { lines.append("  (untagged): \(untagged) operation\(untagged == 1 ? "" : "s")") }
        return lines.joined(separator: "\n") + "\n"
    }
}
