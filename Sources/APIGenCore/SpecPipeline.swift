import APISpec
import APIModel

/// The first two stages together: read a spec and its files, lower it to the model.
public enum SpecPipeline {
    /// Reads and lowers the spec at `path`. Lowering runs whenever a document was read, so one
    /// run reports as many problems as it can; callers check ``LoadedSpec/hasErrors``.
    /// `strict` makes the rules apigen relaxes for real-world documents (``DiagnosticID/relaxed``)
    /// errors.
    public static func load(_ path: String, options: LoweringOptions = LoweringOptions(), strict: Bool = false,
                            readFile: @escaping SpecLoader.ReadFile) -> LoadedSpec {
        // Lowering runs beside the loader's document-wide checks.
        let (result, lowered) = SpecLoader(readFile: readFile).load(path) { Lowering.lower($0, options: options) }
        var diagnostics = result.diagnostics + (lowered?.diagnostics ?? [])
        if strict {
            for index in diagnostics.indices where DiagnosticID.relaxed.contains(diagnostics[index].id) {
                diagnostics[index].severity = .error
            }
        }
        return LoadedSpec(model: lowered?.model, diagnostics: diagnostics.uniqued().sortedByLocation(), sources: result.sources)
    }
}

/// A spec read and lowered, with everything found on the way.
public struct LoadedSpec: Sendable {
    /// The model, when the file held a document at all.
    public var model: ServiceModel?
    /// Every problem, in file order.
    public var diagnostics: [Diagnostic]
    /// The files read, for quoting lines in rendered diagnostics.
    public var sources: [SourceText]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The diagnostics rendered with source lines and carets.
    public var renderedDiagnostics: String {
        DiagnosticRenderer(sources: sources).render(diagnostics)
    }
}
