import APISpec
import APIModel
import SwiftEmitter
import DocsEmitter

/// One run of the generator: which spec, which outputs, which options. Built from `apigen.yaml`
/// or from command-line flags; run in memory.
public struct GenerationJob: Sendable {
    /// The spec path.
    public var spec: String
    /// Naming and filtering.
    public var options: LoweringOptions
    /// Access level of generated declarations.
    public var access: GeneratorConfig.Access
    /// Extra imports for generated Swift files.
    public var imports: [String]
    /// Output directories; nil means not generated.
    public var clientOutput: String?
    public var serverOutput: String?
    public var docsOutput: String?
    public var docsFormats: [GeneratorConfig.DocsFormat]

    /// A job from command-line flags: `DIR/Client`, `DIR/Server`, `DIR/Docs`; no flag means all three.
    public init(spec: String, output: String, client: Bool, server: Bool, docs: Bool, name: String?) {
        let all = !client && !server && !docs
        self.spec = spec
        self.options = LoweringOptions(name: name)
        self.access = .public
        self.imports = []
        self.clientOutput = all || client ? Paths.join(output, "Client") : nil
        self.serverOutput = all || server ? Paths.join(output, "Server") : nil
        self.docsOutput = all || docs ? Paths.join(output, "Docs") : nil
        self.docsFormats = GeneratorConfig.DocsFormat.allCases
    }

    /// A job from a config file. Paths in it are relative to the file's directory.
    public init(config: GeneratorConfig, directory: String) {
        self.spec = Paths.join(directory, config.spec ?? "openapi.yaml")
        self.options = LoweringOptions(
            name: config.name, tags: config.filterTags, operations: config.filterOperations, paths: config.filterPaths,
            operationNames: config.operationNames, schemaNames: config.schemaNames, propertyNames: config.propertyNames)
        self.access = config.access
        self.imports = config.imports
        self.clientOutput = config.clientOutput.map { Paths.join(directory, $0) }
        self.serverOutput = config.serverOutput.map { Paths.join(directory, $0) }
        self.docsOutput = config.docsOutput.map { Paths.join(directory, $0) }
        self.docsFormats = config.docsFormats
    }

    /// Reads a config file into a job. The rendered diagnostics are for standard error; the job
    /// is nil when the file has errors.
    public static func fromConfig(_ path: String, readFile: SpecLoader.ReadFile) throws -> (job: GenerationJob?, rendered: String) {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            let diagnostic = Diagnostic(.error, "cannot read the config file '\(path)': \(error)",
                                        id: DiagnosticID.fileUnreadable, at: nil)
            return (nil, diagnostic.headline + "\n")
        }
        let (config, diagnostics, source) = ConfigLoader.parse(bytes, path: path)
        let rendered = DiagnosticRenderer(sources: [source]).render(diagnostics)
        guard let config, !diagnostics.hasErrors else { return (nil, rendered) }
        return (GenerationJob(config: config, directory: Paths.directory(of: path)), rendered)
    }

    /// Runs the pipeline in memory: the files each output directory should hold. Nothing is
    /// produced when the spec has errors.
    public func run(readFile: @escaping SpecLoader.ReadFile) -> GenerationOutcome {
        let loaded = SpecPipeline.load(spec, options: options, readFile: readFile)
        var outcome = GenerationOutcome(loaded: loaded)
        guard let model = loaded.model, !loaded.hasErrors else { return outcome }
        outcome.model = model
        let emitted = emit(model)
        outcome.outputs = emitted.outputs
        outcome.loaded.diagnostics += emitted.diagnostics
        return outcome
    }

    /// The emitters' part of a run: the files of each output this job asks for, in the order
    /// client, docs, server, and what the emitters had to say. The emitters run one after
    /// another, each spreading its own files over the machine's cores (Dispatch runs an apply
    /// nested in another one serially, so that is where the parallelism goes).
    public func emit(_ model: ServiceModel) -> (outputs: [OutputSet], diagnostics: [Diagnostic]) {
        let swift = SwiftOptions(access: access.rawValue, imports: imports, specName: Paths.fileName(spec))
        // A client and a server share their type declarations: written once, here.
        let types = clientOutput != nil && serverOutput != nil ? DeclaredTypes(model, options: swift) : nil
        var emitters: [(directory: String, emit: () -> EmitterOutput)] = []
        if let clientOutput {
            emitters.append((clientOutput, { ClientEmitter.emit(model, options: swift, types: types) }))
        }
        if let docsOutput {
            let formats = docsFormats.compactMap { DocsEmitter.Format(rawValue: $0.rawValue) }
            emitters.append((docsOutput, { DocsEmitter.emit(model, formats: formats, specName: Paths.fileName(spec)) }))
        }
        if let serverOutput {
            emitters.append((serverOutput, { ServerEmitter.emit(model, options: swift, types: types) }))
        }
        let emitted = emitters.map { $0.emit() }
        return (zip(emitters, emitted).map { OutputSet(directory: $0.directory, files: $1.files) },
                emitted.flatMap(\.diagnostics))
    }
}

/// The files one output directory should hold.
public struct OutputSet: Sendable {
    /// The directory, as the job names it.
    public var directory: String
    /// Its files, with paths relative to it.
    public var files: [OutputFile]

    /// The files of a directory.
    public init(directory: String, files: [OutputFile]) {
        self.directory = directory
        self.files = files
    }
}

/// What a run produced.
public struct GenerationOutcome: Sendable {
    /// The spec as loaded, with its diagnostics (the emitters' included).
    public var loaded: LoadedSpec
    /// The model, when the spec had no errors.
    public var model: ServiceModel?
    /// What each output directory should hold.
    public var outputs: [OutputSet] = []

    /// Whether the spec has errors.
    public var hasErrors: Bool { loaded.hasErrors }

    /// Diagnostics with source lines, for standard error.
    public var renderedDiagnostics: String { loaded.renderedDiagnostics }
}

/// Path arithmetic on plain strings, the way the user wrote them.
public enum Paths {
    /// `directory/name`; `name` alone when the directory is empty or `.`, or when `name` is absolute.
    public static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The last component of a path.
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The directory part of a path; `.` when there is none.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }
}
