import APISpec
import APIModel
import APIDiff

/// One run of `apigen diff`: two documents read and lowered side by side with the same
/// options, then compared.
public struct DiffJob: Sendable {
    /// One side of the comparison.
    public struct Side: Sendable {
        /// The spec path the loader reads (and locations name).
        public var path: String
        /// Where its files come from: the disk, or a git revision.
        public var readFile: SpecLoader.ReadFile
        /// A prefix for the report's paths into this side (`HEAD:`), when its files are not on disk.
        public var label: String?

        /// A side read through `readFile`.
        public init(path: String, readFile: @escaping SpecLoader.ReadFile, label: String? = nil) {
            self.path = path
            self.readFile = readFile
            self.label = label
        }
    }

    public var old: Side
    public var new: Side
    /// Naming options, the same for both sides so that Swift names are comparable.
    public var options: LoweringOptions

    /// A job comparing `old` with `new`.
    public init(old: Side, new: Side, options: LoweringOptions = LoweringOptions()) {
        self.old = old
        self.new = new
        self.options = options
    }

    /// What a run produced: the report, or the diagnostics that stopped it.
    public struct Outcome: Sendable {
        /// The report; nil when either document has errors.
        public var report: DiffReport?
        /// Both documents' diagnostics, rendered with their lines (errors only: a diff is not a lint).
        public var renderedDiagnostics: String
    }

    /// Reads both documents (on two threads) and compares them.
    public func run() -> Outcome {
        let options = options
        let loaded = Parallel.map([old, new]) { side in
            SpecPipeline.load(side.path, options: options, readFile: side.readFile)
        }
        var rendered = ""
        for (side, spec) in zip([old, new], loaded) {
            var errors = spec.diagnostics.filter { $0.severity == .error }
            if let label = side.label {
                for index in errors.indices { errors[index].message += " (in \(label))" }
            }
            rendered += DiagnosticRenderer(sources: spec.sources).render(errors)
        }
        guard let oldModel = loaded[0].model, let newModel = loaded[1].model,
              !loaded[0].hasErrors, !loaded[1].hasErrors else {
            return Outcome(report: nil, renderedDiagnostics: rendered)
        }
        var report = APIDiff.compare(old: oldModel, new: newModel, oldPath: old.label.map { $0 + old.path } ?? old.path,
                                     newPath: new.path)
        if let label = old.label {
            for index in report.findings.indices where report.findings[index].isInOldDocument {
                if let file = report.findings[index].location?.file { report.findings[index].location?.file = label + file }
            }
        }
        return Outcome(report: report, renderedDiagnostics: rendered)
    }
}

extension DiffJob {
    /// One line on how the API at `spec` differs from the same file at git's HEAD, for
    /// `apigen generate` to print when it rewrites the output; nil when there is no HEAD
    /// version to compare with (not a repository, a new file) or either side has errors.
    public static func summarySinceHEAD(spec: String, options: LoweringOptions) -> String? {
        guard (try? Git.verify("HEAD")) != nil else { return nil }
        // A spec HEAD does not have yet reads as an error, so the run gives no report.
        let job = DiffJob(old: Side(path: spec, readFile: Git.reader(at: "HEAD"), label: "HEAD:"),
                          new: Side(path: spec, readFile: FileSystem.read), options: options)
        guard let report = job.run().report else { return nil }
        if report.findings.isEmpty { return "API: no changes since HEAD" }
        return "API changes since HEAD: \(report.summary) (apigen diff --base HEAD lists them)"
    }
}
