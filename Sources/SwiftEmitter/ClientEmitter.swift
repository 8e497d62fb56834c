import APIModel

/// Emits the client module: the model types, a client type with one namespace per tag, and
/// one method (plus a `…Raw` variant and, for paged operations, a `…Pages` sequence) per
/// operation.
public enum ClientEmitter {
    /// The files of the client module. `types`, when given, are the model's declarations
    /// written already (for a server made alongside with the same options).
    public static func emit(_ model: ServiceModel, options: SwiftOptions, types: DeclaredTypes? = nil) -> EmitterOutput {
        let operations = OperationWriter(model: model, options: options)
        // Each tag's file is written on its own, side by side with the others.
        let written = Parallel.map(model.taggedGroups) { tag, tagged in
            var diagnostics: [Diagnostic] = []
            let units = Units(options: options)
            operations.writeNamespace(tag, tagged, to: units, diagnostics: &diagnostics)
            return (FileLayout.Group(name: tag.typeName, units: units.list), diagnostics)
        }
        let groups = written.map(\.0)
        var diagnostics = written.flatMap(\.1)
        let client = Units(options: options)
        operations.writeClient(to: client, diagnostics: &diagnostics)
        for item in model.webhooks + model.operations.flatMap({ $0.callbacks.flatMap(\.operations) }) {
            diagnostics.append(Diagnostic(.warning, "\(item.operationId) is a webhook or callback, which the client does not generate",
                                          id: DiagnosticID.unsupported, at: item.location))
        }
        let files = FileLayout(options: options).files(main: FileLayout.Group(name: "Client", units: client.list),
                                                       operations: groups, types: types ?? DeclaredTypes(model, options: options))
        return EmitterOutput(files: files, diagnostics: diagnostics)
    }
}
