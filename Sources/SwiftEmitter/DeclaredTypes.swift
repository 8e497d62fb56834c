import APIModel

/// The model's type declarations, written once. A client and a server emitted with the same
/// options declare the same types (each module its own copy), so a job making both writes them
/// once and hands them to each.
public struct DeclaredTypes: Sendable {
    /// One group per declared type, in the model's order.
    let groups: [FileLayout.Group]
    /// For a type only one tag's operations need, the file it goes in: that tag's namespace
    /// type (`RepositoryOperations`). The rest are shared (`Types.swift`).
    let owners: [String: String]

    /// Writes every type the model declares, spread over the machine's cores. None when the
    /// options say another module declares them.
    public init(_ model: ServiceModel, options: SwiftOptions) {
        guard options.emitsTypes, !model.types.isEmpty else {
            groups = []
            owners = [:]
            return
        }
        let tagTypeNames = Dictionary(model.tags.map { ($0.name, $0.typeName) }, uniquingKeysWith: { first, _ in first })
        owners = model.typeOwners.compactMapValues { tagTypeNames[$0] }
        let declarations = TypeDeclarations(model: model, options: options)
        let chunkSize = max(16, (model.types.count + 7) / 8)
        let chunks = stride(from: 0, to: model.types.count, by: chunkSize).map {
            Array(model.types[$0..<min($0 + chunkSize, model.types.count)])
        }
        groups = Parallel.map(chunks) { chunk in
            chunk.map { type in
                let units = Units(options: options)
                units.declaration { declarations.write(type, to: $0) }
                return FileLayout.Group(name: type.name, units: units.list)
            }
        }.flatMap { $0 }
    }
}
