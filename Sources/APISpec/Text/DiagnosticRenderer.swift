/// Renders diagnostics in the one shape Xcode, SwiftPM and editors understand:
///
/// ```
/// spec/quay.yaml:1234:9: error: $ref '#/components/schemas/Tgas' does not exist [unknown-ref] at #/paths/...
///     $ref: '#/components/schemas/Tgas'
///           ^
/// ```
///
/// The source line is shown without its indentation, four spaces in, with a caret under the column.
public struct DiagnosticRenderer: Sendable {
    private var sources: [String: SourceText]

    /// A renderer that can quote lines from these files.
    public init(sources: [SourceText]) {
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The headline, then the quoted source line and a caret when the line is known.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.headline
        if let location = diagnostic.location,
           let line = sources[location.file]?.line(location.line),
           let excerpt = Self.excerpt(line, column: location.column) {
            text += "\n" + excerpt
        }
        return text
    }

    /// Renders each diagnostic, one after another, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// The line trimmed of leading blanks and indented by four, then a caret line.
    /// Nil for a blank line, where a caret would point at nothing.
    static func excerpt(_ line: String, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        let indent = scalars.prefix { $0 == " " || $0 == "\t" }.count
        let shown = scalars[indent...]
        guard !shown.isEmpty else { return nil }
        let body = String(String.UnicodeScalarView(shown))
        let caretOffset = max(0, min(column - 1 - indent, shown.count))
        return "    " + body + "\n    " + String(repeating: " ", count: caretOffset) + "^"
    }
}
