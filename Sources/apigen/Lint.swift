import ArgumentParser
import APIGenCore
import APIModel

/// `apigen lint FILE`: diagnostics only.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an OpenAPI document and print its problems.",
        discussion: """
            Errors make the exit status 1; warnings do not. Where a document breaks an OpenAPI rule \
            but its intent is clear (an undeclared path parameter, a $ref in place of an operation, \
            `4xx`, a default that does not match its schema, ...), apigen warns and generates anyway; \
            --strict makes those rules errors.
            """
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Flag(help: "Treat the rules apigen relaxes for real-world documents as errors.")
    var strict = false

    func run() throws {
        let loaded = SpecPipeline.load(file, strict: strict, readFile: FileSystem.read)
        print(loaded.renderedDiagnostics, terminator: "")
        print(Tally(loaded.diagnostics, file: file).line)
        if loaded.hasErrors { throw ExitCode(1) }
    }
}

/// "spec.yaml: 2 errors, 1 warning" or "spec.yaml: no problems".
struct Tally {
    var line: String

    init(_ diagnostics: [Diagnostic], file: String) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        line = "\(file): " + (parts.isEmpty ? "no problems" : parts.joined(separator: ", "))
    }
}
