import Foundation
import PackagePlugin

/// Generates Swift from the OpenAPI documents in a target, at build time.
///
/// - `openapi.yaml` (or `.yml`, `.json`): its declarations at the top level; an `apigen.yaml`
///   beside it says what to generate (the client by default; `server:` adds the stubs) and how
///   (name, access, filter, name overrides, imports).
/// - `NAME.openapi.yaml`, as many as you like: each spec's declarations inside `enum NAME`
///   (`NAME.Client`, `NAME.Server`, `NAME.Pet`), configured by `NAME.apigen.yaml`.
///
/// The target needs one Swift file of its own besides the specs (an empty one will do): SwiftPM
/// skips a target without Swift sources before any plugin runs, and then nothing is generated
/// and `import` of the target fails with "no such module".
///
/// Each spec gives six files, named before the tool runs, as a build plugin must:
/// `NAME.Client.swift`, `NAME.Server.swift`, `NAME.Types1.swift` to `NAME.Types4.swift`.
/// They are regenerated only when a YAML or JSON file of the target, or apigen itself, changes.
@main
struct APIGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let files = module.sourceFiles.map(\.url)
        let documents = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) }
        let tool = try context.tool(named: "apigen").url
        return try Specs.find(in: documents).map { spec in
            let output = context.pluginWorkDirectoryURL.appending(path: spec.name)
            var arguments = ["plugin-build", "--spec", spec.url.path(), "--output", output.path(), "--name", spec.name]
            if let config = spec.config { arguments += ["--config", config.path()] }
            if spec.namespaced { arguments.append("--namespaced") }
            return .buildCommand(
                displayName: "apigen: generating Swift from \(spec.url.lastPathComponent)",
                executable: tool,
                arguments: arguments,
                inputFiles: documents,
                outputFiles: Specs.outputNames(for: spec.name).map { output.appending(path: $0) })
        }
    }
}

/// The specs of a target and their configs, by the naming convention.
enum Specs {
    struct Spec {
        var url: URL
        var name: String
        var config: URL?
        var namespaced: Bool
    }

    /// What the plugin declares for one spec; `apigen plugin-build` writes exactly these.
    static func outputNames(for name: String) -> [String] {
        ["\(name).Client.swift", "\(name).Server.swift"] + (1...4).map { "\(name).Types\($0).swift" }
    }

    static func find(in documents: [URL]) throws -> [Spec] {
        var specs: [Spec] = []
        for url in documents {
            let file = url.lastPathComponent
            let stem = url.deletingPathExtension().lastPathComponent
            let directory = url.deletingLastPathComponent()
            if stem == "openapi" {
                let config = documents.first { $0.deletingLastPathComponent() == directory && ["apigen.yaml", "apigen.yml"].contains($0.lastPathComponent) }
                specs.append(Spec(url: url, name: "OpenAPI", config: config, namespaced: false))
            } else if stem.hasSuffix(".openapi") {
                let name = String(stem.dropLast(".openapi".count))
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw PluginError("\(file): a spec is named NAME.openapi.yaml, with NAME made of letters, digits and _")
                }
                let config = documents.first { $0.deletingLastPathComponent() == directory && ["\(name).apigen.yaml", "\(name).apigen.yml"].contains($0.lastPathComponent) }
                specs.append(Spec(url: url, name: name, config: config, namespaced: true))
            }
        }
        let names = specs.map(\.name)
        if Set(names).count != names.count {
            throw PluginError("two specs in one target have the same name; rename one (NAME.openapi.yaml)")
        }
        return specs.sorted { $0.name < $1.name }
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
