import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-api [--target NAME] [--check] [--diff]`
///
/// Without `--target`, runs `apigen generate` with the package's `apigen.yaml` (for this
/// package: spec/quay.yaml -> Generated/). With `--target NAME`, regenerates that target's
/// sources from the OpenAPI document in its directory: with the `apigen.yaml` beside it when
/// there is one, otherwise the client into `<target>/Generated/Client`. `--diff` first prints
/// what changed in each spec since git's HEAD (`apigen diff --base HEAD`), and what it breaks.
@main
struct APIGenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targets = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let diff = extractor.extractFlag(named: "diff") > 0
        let tool = try context.tool(named: "apigen").url
        let root = context.package.directoryURL
        var runs: [[String]] = []
        var diffs: [[String]] = []
        if targets.isEmpty {
            runs.append(["generate", "--config", root.appending(path: "apigen.yaml").path()])
            diffs.append(["diff", "--base", "HEAD", "--config", root.appending(path: "apigen.yaml").path()])
        }
        for name in targets {
            guard let target = try context.package.targets(named: [name]).first else {
                throw CommandError("no target named \(name)")
            }
            let directory = target.directoryURL
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path())) ?? []
            guard let spec = files.sorted().first(where: { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0) }) else {
                throw CommandError("target \(name) has no openapi.yaml, openapi.yml or openapi.json")
            }
            diffs.append(["diff", "--base", "HEAD", directory.appending(path: spec).path()])
            if files.contains("apigen.yaml") {
                runs.append(["generate", "--config", directory.appending(path: "apigen.yaml").path()])
            } else {
                runs.append(["generate", "--spec", directory.appending(path: spec).path(),
                             "--output", directory.appending(path: "Generated").path(), "--client"])
            }
        }
        if diff {
            // A report, not a gate: breaking changes are printed and generation goes on, as it
            // does for a spec new since HEAD, which apigen says has nothing to compare with.
            for arguments in diffs { try run(tool, arguments, in: root, mustSucceed: false) }
        }
        for var arguments in runs {
            if check { arguments.append("--check") }
            try run(tool, arguments, in: root)
        }
    }

    /// Runs apigen in the package's directory; its output goes where the plugin's does.
    private func run(_ tool: URL, _ arguments: [String], in root: URL, mustSucceed: Bool = true) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || !mustSucceed else {
            throw CommandError("apigen \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus))")
        }
    }
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
