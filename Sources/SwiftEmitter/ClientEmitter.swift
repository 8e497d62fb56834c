import APIModel

/// Emits the client module: the model types, a client type with one namespace per tag, and
/// one method (plus a `…Raw` variant and, for paged operations, a `…Pages` sequence) per
/// operation.
public enum ClientEmitter {
    /// The files of the client module.
    public static func emit(_ model: ServiceModel, options: SwiftOptions) -> EmitterOutput {
        var diagnostics: [Diagnostic] = []
        let operations = OperationWriter(model: model, options: options)
        var groups: [FileLayout.Group] = []
        for tag in model.tags {
            let tagged = model.operations(taggedWith: tag.name)
            guard !tagged.isEmpty else { continue }
            let units = Units(options: options)
            operations.writeNamespace(tag, tagged, to: units, diagnostics: &diagnostics)
            groups.append(FileLayout.Group(name: tag.typeName, units: units.list, operations: tagged))
        }
        let client = Units(options: options)
        operations.writeClient(to: client, diagnostics: &diagnostics)
        for item in model.webhooks + model.operations.flatMap({ $0.callbacks.flatMap(\.operations) }) {
            diagnostics.append(Diagnostic(.warning, "\(item.operationId) is a webhook or callback, which the client does not generate",
                                          id: DiagnosticID.unsupported, at: item.location))
        }
        let files = FileLayout(options: options).files(main: FileLayout.Group(name: "Client", units: client.list),
                                                       operations: groups, types: TypeDeclarations.groups(model, options: options),
                                                       model: model)
        return EmitterOutput(files: files, diagnostics: diagnostics)
    }
}

extension TypeDeclarations {
    /// One group per declared type.
    static func groups(_ model: ServiceModel, options: SwiftOptions) -> [FileLayout.Group] {
        guard options.emitsTypes else { return [] }
        let declarations = TypeDeclarations(model: model, options: options)
        return model.types.map { type in
            let units = Units(options: options)
            units.declaration { declarations.write(type, to: $0) }
            return FileLayout.Group(name: type.name, units: units.list)
        }
    }
}
