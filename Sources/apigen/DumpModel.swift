import ArgumentParser
import APIGenCore
import APIModel

/// `apigen dump-model FILE`: the intermediate model as JSON.
struct DumpModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-model",
        abstract: "Print the intermediate model of an OpenAPI document as JSON.",
        discussion: "Diagnostics go to standard error. Nothing is printed when the document has errors."
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(help: "The client type's name (default: from info.title).")
    var name: String?

    func run() throws {
        let loaded = SpecPipeline.load(file, options: LoweringOptions(name: name), readFile: FileSystem.read)
        StandardError.write(loaded.renderedDiagnostics)
        guard let model = loaded.model, !loaded.hasErrors else { throw ExitCode(1) }
        print(ModelDump.json(model), terminator: "")
    }
}
