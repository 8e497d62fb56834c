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
        load(path, bytes: bytes) { _ in () }.result
    }

    /// Parses the document at `path` and hands it to `use` (lowering, say), which runs beside
    /// the checks that look at the whole document, and beside freeing the parser's tree and
    /// caches: those need a core of their own for a large spec, and `use` leaves one idle.
    /// `used` is nil when there is no document.
    public func load<Used: Sendable>(_ path: String, bytes: [UInt8]? = nil,
                                     then use: @escaping @Sendable (OpenAPIDocument) -> Used)
        -> (result: LoadResult, used: Used?) {
        let parser = Retiring(SpecParser(readFile: readFile, cores: cores))
        var document: OpenAPIDocument?
        if let root = parser.value.root(of: path, bytes: bytes) {
            document = parser.value.parseDocument(root)
        }
        let diagnostics = parser.value.diagnostics, sources = parser.value.sources
        guard let document else {
            return (LoadResult(document: nil, diagnostics: diagnostics.uniqued(), sources: sources), nil)
        }
        let sides = Parallel.map([false, true]) { isUse -> Side<Used> in
            if isUse { return .used(use(document)) }
            parser.retire()
            return .checked(DocumentChecks.run(document))
        }
        var checks: [Diagnostic] = [], used: Used?
        for side in sides {
            switch side {
            case .checked(let found): checks = found
            case .used(let value): used = value
            }
        }
        return (LoadResult(document: document, diagnostics: (diagnostics + checks).uniqued(), sources: sources), used)
    }

    /// What each side of ``load(_:bytes:then:)`` gives back.
    private enum Side<Used: Sendable>: Sendable {
        case checked([Diagnostic])
        case used(Used)
    }

    /// The parser, held so that the side running the checks can let it go, and the freeing of
    /// its tree and caches happens there rather than on the caller's thread afterwards. Only
    /// the loading thread uses it before the sides start, and only the checks side after.
    private final class Retiring: @unchecked Sendable {
        private var parser: SpecParser?
        init(_ parser: SpecParser) { self.parser = parser }
        var value: SpecParser { parser! }
        func retire() { parser = nil }
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
