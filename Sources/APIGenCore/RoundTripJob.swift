import APIModel
import APISpec
import SwiftEmitter

/// `apigen round-trip`: the sources of an executable that checks a spec's generated client and
/// server stubs agree on every value, over loopback (see ``RoundTripEmitter``).
public struct RoundTripJob: Sendable {
    /// The OpenAPI document.
    public var spec: String
    /// Where the executable's sources go.
    public var output: String
    public var options: LoweringOptions
    /// The modules the generated client and server stubs are compiled into.
    public var clientModule: String?
    public var serverModule: String?

    /// A job; the modules default to the client type's name plus `Client` and `Server`.
    public init(spec: String, output: String, name: String?, clientModule: String?, serverModule: String?) {
        self.spec = spec
        self.output = output
        self.options = LoweringOptions(name: name)
        self.clientModule = clientModule
        self.serverModule = serverModule
    }

    /// Loads the spec and emits the sources; no output when the spec has errors.
    public func run(readFile: @escaping SpecLoader.ReadFile) -> (loaded: LoadedSpec, output: OutputSet?) {
        let loaded = SpecPipeline.load(spec, options: options, readFile: readFile)
        guard let model = loaded.model, !loaded.hasErrors else { return (loaded, nil) }
        let emitted = RoundTripEmitter.emit(model, clientModule: clientModule ?? model.name + "Client",
                                            serverModule: serverModule ?? model.name + "Server", specName: Paths.fileName(spec))
        return (loaded, OutputSet(directory: output, files: emitted.files))
    }
}
