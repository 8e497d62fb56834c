import APIGenCore
import APIModel
import APISpec
import Foundation
import Testing

/// One fixture case: `Fixtures/<name>/openapi.{yaml,yml,json}` and an optional `apigen.yaml`.
struct Fixture: CustomTestStringConvertible, Sendable {
    /// The case's folder name.
    var name: String
    /// The root document, relative to the test sources (`Fixtures/petstore-30/openapi.yaml`),
    /// which is how diagnostics print it.
    var spec: String

    var testDescription: String { name }

    /// Every case, sorted by name.
    static let all: [Fixture] = {
        let folder = Golden.root + "/Fixtures"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            for file in ["openapi.yaml", "openapi.yml", "openapi.json"]
            where FileManager.default.fileExists(atPath: "\(folder)/\(name)/\(file)") {
                return Fixture(name: name, spec: "Fixtures/\(name)/\(file)")
            }
            return nil
        }
    }()

    /// Reads files named relative to the test sources, so printed paths do not depend on where
    /// the repository is checked out.
    static let readFile: @Sendable (String) throws -> [UInt8] = { path in
        try FileSystem.read(path.hasPrefix("/") ? path : Golden.root + "/" + path)
    }

    /// The generation job: the case's `apigen.yaml` when it has one (its `spec` ignored), else
    /// everything with defaults. Output directories are `Client`, `Server` and `Docs`.
    var job: GenerationJob {
        var job = GenerationJob(spec: spec, output: "", client: false, server: false, docs: false, name: nil)
        let configPath = Golden.root + "/Fixtures/\(name)/apigen.yaml"
        if let bytes = try? FileSystem.read(configPath), let config = ConfigLoader.parse(bytes, path: configPath).config {
            var configured = GenerationJob(config: config, directory: "")
            configured.spec = spec
            configured.clientOutput = configured.clientOutput.map { _ in "Client" }
            configured.serverOutput = configured.serverOutput.map { _ in "Server" }
            configured.docsOutput = configured.docsOutput.map { _ in "Docs" }
            job = configured
        }
        return job
    }

    /// The spec read, lowered and emitted.
    func generate() -> GenerationOutcome {
        job.run(readFile: Fixture.readFile)
    }
}
