import ArgumentParser
import APIGenCore
import APIDiff
import APIModel

/// `apigen diff OLD NEW` and `apigen diff --base REV [SPEC]`: what changed in the API, and what
/// it breaks in the generated Swift.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of an OpenAPI document: what changed, and what it breaks in Swift.",
        discussion: """
            apigen diff OLD NEW
                Compare two files.
            apigen diff --base REV [SPEC]
                Compare SPEC as it is in git at REV with the working tree (default SPEC: the one \
            apigen.yaml names, with its naming options).
            Every finding has a rule id, a level (error: breaks clients; warning: breaks servers \
            or may break clients; note: compatible) and the Swift symbol it touches, with whether \
            code that calls the client or implements the server stops compiling. The last line \
            suggests a semantic-version bump. Docs/apigen-diff.md lists every rule.
            Exit status: 0, or 1 when --fail-on finds what it names (or a document has errors); \
            64 wrong usage.
            """
    )

    /// What makes the exit status 1.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        /// Never (the default).
        case none
        /// Changes that break clients on the wire (errors).
        case breaking
        /// Those, and changes that make Swift code stop compiling.
        case source
        /// Any change at all.
        case any
    }

    @Argument(help: "OLD NEW, or with --base the spec (default: from apigen.yaml).",
              completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Option(help: "Compare with the spec as it is at this git revision (HEAD, main, a tag).")
    var base: String?

    @Option(help: "The config file that names the spec and its naming options, for --base without SPEC.",
            completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(help: "How to print the report.")
    var format: DiffFormat = .text

    @Option(help: "Exit 1 on breaking changes (breaking), on those and changes that break Swift code (source), on any change (any), or never (none).")
    var failOn: FailOn = .none

    @Option(help: "The client type's name in Swift symbols (default: from apigen.yaml, else from info.title).")
    var name: String?

    @Flag(help: "Print every rule: its id, level, and what it does to the generated Swift.")
    var listRules = false

    func validate() throws {
        if listRules { return }
        if base == nil, files.count != 2 {
            throw ValidationError("give two files (apigen diff OLD NEW), or --base REV with at most one")
        }
        if base != nil, files.count > 1 {
            throw ValidationError("with --base, give at most one spec: it is compared with itself at the revision")
        }
        if config != nil, base == nil || !files.isEmpty {
            throw ValidationError("--config goes with --base and no spec")
        }
    }

    func run() throws {
        if listRules {
            print(DiffRule.listing, terminator: "")
            return
        }
        let job = try makeJob()
        let outcome = job.run()
        StandardError.write(outcome.renderedDiagnostics)
        guard let report = outcome.report else { throw ExitCode(1) }
        print(report.rendered(as: format), terminator: "")
        let failed = switch failOn {
        case .none: false
        case .breaking: report.hasBreakingChanges
        case .source: report.hasBreakingChanges || !report.sourceBreaking.isEmpty
        case .any: !report.findings.isEmpty
        }
        if failed { throw ExitCode(1) }
    }

    private func makeJob() throws -> DiffJob {
        guard let base else {
            return DiffJob(old: .init(path: files[0], readFile: FileSystem.read), new: .init(path: files[1], readFile: FileSystem.read),
                           options: LoweringOptions(name: name))
        }
        do {
            try Git.verify(base)
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        var spec = files.first
        var options = LoweringOptions(name: name)
        if spec == nil {
            let path = config ?? "apigen.yaml"
            let loaded = try GenerationJob.fromConfig(path, readFile: FileSystem.read)
            StandardError.write(loaded.rendered)
            guard let job = loaded.job else { throw ExitCode(1) }
            spec = job.spec
            options = job.options
            if let name { options.name = name }
        }
        let path = spec ?? ""
        return DiffJob(old: .init(path: path, readFile: Git.reader(at: base), label: base + ":"),
                       new: .init(path: path, readFile: FileSystem.read), options: options)
    }
}

extension DiffFormat: ExpressibleByArgument {}
