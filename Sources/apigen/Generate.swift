import ArgumentParser
import APIGenCore

/// `apigen generate`: the main job.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate code and docs as apigen.yaml says, or from --spec into --output.",
        discussion: """
            apigen generate [--config FILE]
                Generate everything the config file names (default ./apigen.yaml).
            apigen generate --spec FILE --output DIR [--client] [--server] [--docs] [--name NAME]
                Write DIR/Client/, DIR/Server/ and DIR/Docs/; no flag means all three.
            Add --check to write nothing and list the files that would change (exit 1 if any).
            """
    )

    @Option(help: "The config file.", completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(help: "The OpenAPI document, instead of a config file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var spec: String?

    @Option(help: "The output directory for --spec.", completion: .directory)
    var output: String?

    @Flag(help: "Generate the client (with --spec).")
    var client = false

    @Flag(help: "Generate the server stubs (with --spec).")
    var server = false

    @Flag(help: "Generate the docs (with --spec).")
    var docs = false

    @Option(help: "The client type's name; the server protocol is NAME + \"API\" (default: from info.title).")
    var name: String?

    @Flag(help: "Write nothing; exit 1 and list the files that would change.")
    var check = false

    func validate() throws {
        if spec != nil, config != nil { throw ValidationError("use --spec or --config, not both") }
        if spec != nil, output == nil { throw ValidationError("--spec needs --output DIR") }
        if spec == nil, output != nil { throw ValidationError("--output goes with --spec") }
        if spec == nil, client || server || docs || name != nil {
            throw ValidationError("--client, --server, --docs and --name go with --spec; a config file sets them otherwise")
        }
    }

    func run() throws {
        let job: GenerationJob
        if let spec {
            job = GenerationJob(spec: spec, output: output ?? ".", client: client, server: server, docs: docs, name: name)
        } else {
            let path = config ?? "apigen.yaml"
            let loaded = try GenerationJob.fromConfig(path, readFile: FileSystem.read)
            StandardError.write(loaded.rendered)
            guard let fromConfig = loaded.job else { throw ExitCode(1) }
            job = fromConfig
        }
        let outcome = job.run(readFile: FileSystem.read)
        StandardError.write(outcome.renderedDiagnostics)
        guard !outcome.hasErrors, let model = outcome.model else { throw ExitCode(1) }
        if outcome.outputs.isEmpty {
            // Nothing to generate: say what the spec holds.
            print(ModelSummary.text(model), terminator: "")
            return
        }
        let report = try OutputWriter.write(outcome.outputs, check: check)
        if check {
            for path in report.changed { print("would change: \(path)") }
            for path in report.removed { print("would remove: \(path)") }
            if !report.isEmpty { throw ExitCode(1) }
            print("up to date: \(report.unchanged.count) files")
        } else {
            for path in report.changed { print("wrote \(path)") }
            for path in report.removed { print("removed \(path)") }
            print("\(model.name): \(report.changed.count) written, \(report.removed.count) removed, \(report.unchanged.count) unchanged")
            // `swift run apigen` (a config file) also says what changed in the API since HEAD.
            if spec == nil, !report.isEmpty, let line = DiffJob.summarySinceHEAD(spec: job.spec, options: job.options) { print(line) }
        }
    }
}
