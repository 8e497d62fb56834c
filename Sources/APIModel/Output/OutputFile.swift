/// A file an emitter produced: a path relative to its output directory, and its text.
public struct OutputFile: Sendable, Equatable {
    /// The path under the output directory (`PetOperations.swift`).
    public var path: String
    /// The whole text.
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What an emitter returns: files, and warnings about what it could not express.
public struct EmitterOutput: Sendable {
    /// The files, in a stable order.
    public var files: [OutputFile]
    /// Warnings (and errors) found while emitting.
    public var diagnostics: [Diagnostic]

    /// Creates an output.
    public init(files: [OutputFile], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }
}
