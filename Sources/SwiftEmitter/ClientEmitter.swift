import APIModel

/// Emits the client module: the model types, a client type with one namespace per tag, and
/// one method (plus a `…Raw` variant and, for paged operations, a `…Pages` sequence) per
/// operation.
public enum ClientEmitter {
    /// The files of the client module.
    public static func emit(_ model: ServiceModel, options: SwiftOptions) -> EmitterOutput {
        var diagnostics: [Diagnostic] = []
        let types = TypeDeclarations(model: model, options: options)
        let operations = OperationWriter(model: model, options: options)

        // The units of code, each a declaration or a tag's namespace.
        var typeUnits: [(name: String, text: String)] = []
        for type in model.types {
            let writer = CodeWriter()
            types.write(type, to: writer)
            typeUnits.append((type.name, writer.text))
        }
        var operationUnits: [(name: String, text: String)] = []
        for tag in model.tags {
            let tagged = model.operations(taggedWith: tag.name)
            guard !tagged.isEmpty else { continue }
            let writer = CodeWriter()
            operations.writeNamespace(tag, tagged, to: writer, diagnostics: &diagnostics)
            operationUnits.append((tag.typeName, writer.text))
        }
        let client = CodeWriter()
        operations.writeClient(to: client, diagnostics: &diagnostics)
        for item in model.webhooks + model.operations.flatMap({ $0.callbacks.flatMap(\.operations) }) {
            diagnostics.append(Diagnostic(.warning, "\(item.operationId) is a webhook or callback, which the client does not generate",
                                          id: DiagnosticID.unsupported, at: item.location))
        }
        let files = FileLayout(options: options).files(main: ("Client", client.text), operations: operationUnits,
                                                       types: typeUnits)
        return EmitterOutput(files: files, diagnostics: diagnostics)
    }
}

/// Spreads units of code over files, as the layout says.
struct FileLayout {
    let options: SwiftOptions

    /// Files for a main unit (the client or server type), per-tag units and type units.
    func files(main: (name: String, text: String), operations: [(name: String, text: String)],
               types: [(name: String, text: String)]) -> [OutputFile] {
        switch options.layout {
        case .split:
            var files = [file(main.name + ".swift", [main.text], reexport: true)]
            files += operations.map { file("Operations/\($0.name).swift", [$0.text]) }
            files += types.map { file("Types/\($0.name).swift", [$0.text]) }
            return files
        case let .fixed(prefix, shards):
            var files = [file("\(prefix)\(main.name).swift", [main.text] + operations.map(\.text), reexport: true)]
            let count = max(1, shards)
            for shard in 0..<count {
                // Round-robin keeps the shards even and each type's shard stable while the
                // order of types is.
                let texts = types.enumerated().filter { $0.offset % count == shard }.map(\.element.text)
                files.append(file("\(prefix)Types\(shard + 1).swift", texts))
            }
            return files
        }
    }

    private func file(_ path: String, _ units: [String], reexport: Bool = false) -> OutputFile {
        let writer = CodeWriter()
        FileHeader.write(writer, options: options, reexport: reexport)
        var text = writer.text
        text += units.joined(separator: "\n")
        return OutputFile(path: path, contents: text)
    }
}
