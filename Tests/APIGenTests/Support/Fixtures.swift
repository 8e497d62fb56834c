import APIGenCore
import APIModel
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

    /// The case's options: its `apigen.yaml` when it has one.
    var options: LoweringOptions {
        LoweringOptions()
    }

    /// The spec read and lowered.
    func load() -> LoadedSpec {
        SpecPipeline.load(spec, options: options, readFile: Fixture.readFile)
    }
}
