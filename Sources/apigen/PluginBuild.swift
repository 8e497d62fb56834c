import ArgumentParser
import APIGenCore
import APISpec

/// `apigen plugin-build`: what the APIGenPlugin build plugin runs for each spec. Not for people:
/// it writes a fixed set of files the plugin declared beforehand.
struct PluginBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-build",
        abstract: "Generate one spec's Swift into the fixed files a build plugin declared.",
        shouldDisplay: false
    )

    @Option(help: "The OpenAPI document.")
    var spec: String

    @Option(help: "The apigen.yaml beside it, if any.")
    var config: String?

    @Option(help: "The directory the files go in.")
    var output: String

    @Option(help: "The spec's name: the files' prefix, and the namespace with --namespaced.")
    var name: String

    @Flag(help: "Put the declarations in an enum named after the spec.")
    var namespaced = false

    func run() throws {
        var parsed: GeneratorConfig?
        if let config {
            let bytes = try FileSystem.read(config)
            let (value, diagnostics, source) = ConfigLoader.parse(bytes, path: config)
            StandardError.write(DiagnosticRenderer(sources: [source]).render(diagnostics))
            guard let value, !diagnostics.hasErrors else { throw ExitCode(1) }
            parsed = value
        }
        let outcome = PluginJob(spec: spec, config: parsed, name: name, namespaced: namespaced).run(readFile: FileSystem.read)
        StandardError.write(outcome.renderedDiagnostics)
        guard !outcome.hasErrors else { throw ExitCode(1) }
        let outputs = outcome.outputs.map { OutputSet(directory: output, files: $0.files) }
        _ = try OutputWriter.write(outputs, check: false)
    }
}
