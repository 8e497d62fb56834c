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

    /// The headline, then the quoted source line and a caret when the line is known. A very
    /// long line is quoted only around the column, with `…` where it is cut.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.headline
        if let location = diagnostic.location,
           let excerpt = sources[location.file]?.excerpt(line: location.line, column: location.column) {
            text += "\n    " + excerpt.text + "\n    " + String(repeating: " ", count: excerpt.caret) + "^"
        }
        return text
    }

    /// Renders each diagnostic, one after another, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }
}
