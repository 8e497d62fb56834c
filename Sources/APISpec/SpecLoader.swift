/// Reads an OpenAPI document and every file its `$ref`s name, and returns the typed document.
///
/// `SpecLoader` does no I/O of its own: it asks `readFile` for bytes, so the CLI reads the disk
/// and tests can serve files from memory.
public struct SpecLoader: Sendable {
    /// Returns the bytes of the file at a path (relative paths as the caller understands them).
    public typealias ReadFile = @Sendable (String) throws -> [UInt8]

    private let readFile: ReadFile
    private let cores: Int

    /// A loader that reads files with `readFile`. A large document's paths and schemas are
    /// parsed in up to `cores` parts side by side (1: in one pass); the result is the same
    /// however many.
    public init(readFile: @escaping ReadFile, cores: Int = Parallel.cores) {
        self.readFile = readFile
        self.cores = cores
    }

    /// Parses the document at `path`. When `bytes` is given it is used as that file's content.
    public func load(_ path: String, bytes: [UInt8]? = nil) -> LoadResult {
        let parser = SpecParser(readFile: readFile, cores: cores)
        var document: OpenAPIDocument?
        if let root = parser.root(of: path, bytes: bytes) {
            document = parser.parseDocument(root)
        }
        var diagnostics = parser.diagnostics
        if let document { diagnostics += DocumentChecks.run(document) }
        return LoadResult(document: document, diagnostics: diagnostics.uniqued(), sources: parser.sources)
    }
}

/// What ``SpecLoader/load(_:bytes:)`` found.
public struct LoadResult: Sendable {
    /// The document, unless the file could not be read as one at all. It may be present even
    /// when there are errors: callers decide whether to go on.
    public var document: OpenAPIDocument?
    /// Problems, in the order they were found, without repeats.
    public var diagnostics: [Diagnostic]
    /// The text of every file read, for quoting in rendered diagnostics.
    public var sources: [SourceText]
}
