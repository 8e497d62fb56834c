import ArgumentParser

/// The `apigen` command line. It reads files, hands them to APIGenCore, and writes what comes back.
@main
struct APIGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigen",
        abstract: "Generate a Swift client, Swift server stubs and reference docs from an OpenAPI 3.0/3.1 document.",
        discussion: """
            With no arguments, apigen does what ./apigen.yaml says (spec/quay.yaml -> Generated/).
            Diagnostics look like `file:line:column: error: message [id] at json-pointer`.
            Exit status: 0 success, 1 problems found (errors in the spec, stale files), 64 wrong usage.
            """,
        subcommands: [Generate.self, Lint.self, Diff.self, DumpModel.self, RoundTrip.self, PluginBuild.self, Benchmark.self],
        defaultSubcommand: Generate.self
    )
}
