import ArgumentParser
import APIGenCore

/// `apigen round-trip FILE --output DIR`: a self-test of the generated code for a spec.
struct RoundTrip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round-trip",
        abstract: "Write an executable that checks the generated client and server stubs agree on every value.",
        discussion: """
            The executable serves the server stubs on a loopback port, calls every operation once with \
            the client (values from the spec's examples where they decode, else samples made from the \
            types), and checks the server decoded what the client sent and the client decoded what the \
            server answered; it delivers every webhook and callback to the client's receiver the same \
            way. Compile DIR as an executable target that depends on the client and server modules, \
            APIRuntime, Hummingbird, OpenAPIHummingbird, OpenAPIURLSession and Logging; run it (add \
            --json FILE for every outcome as JSON). It exits 1 when anything disagrees.
            """
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(help: "The directory for the executable's sources.", completion: .directory)
    var output: String

    @Option(help: "The client type's name (default: from info.title).")
    var name: String?

    @Option(help: "The module the generated client is compiled into (default: NAME + \"Client\").")
    var clientModule: String?

    @Option(help: "The module the generated server stubs are compiled into (default: NAME + \"Server\").")
    var serverModule: String?

    func run() throws {
        let job = RoundTripJob(spec: file, output: output, name: name, clientModule: clientModule, serverModule: serverModule)
        let (loaded, output) = job.run(readFile: FileSystem.read)
        StandardError.write(loaded.renderedDiagnostics)
        guard let output else { throw ExitCode(1) }
        let report = try OutputWriter.write([output], check: false)
        print("round trip: \(report.changed.count) written, \(report.removed.count) removed, \(report.unchanged.count) unchanged")
    }
}
