/// A position in a source file: the file as it was named, and a 1-based line and column.
///
/// Columns count Unicode scalars, as libyaml does, so a caret drawn under the source line
/// lands on the right character.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file path, exactly as it was given (or as it was derived from a relative `$ref`).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// Hashes the line and column alone: locations key caches, most specs are one file, and
    /// the file's path is long.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(column)
    }
}
