import APIModel

/// Emits the client module: the model types, a client type with one namespace per tag, one
/// method (plus a `…Raw` variant and, for paged operations, a `…Pages` sequence) per
/// operation, and a receiver for the webhooks and callbacks the API sends.
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
        var groups = written.map(\.0)
        var diagnostics = written.flatMap(\.1)
        let client = Units(options: options)
        operations.writeClient(to: client, diagnostics: &diagnostics)
        // The webhooks and callbacks the API sends: a receiver for the app using the client.
        let webhooks = Units(options: options)
        WebhookWriter(model: model, options: options).write(to: webhooks)
        if !webhooks.list.isEmpty { groups.append(FileLayout.Group(name: "Webhooks", units: webhooks.list)) }
        let files = FileLayout(options: options).files(main: FileLayout.Group(name: "Client", units: client.list),
                                                       operations: groups, types: types ?? DeclaredTypes(model, options: options))
        return EmitterOutput(files: files, diagnostics: diagnostics)
    }
}
