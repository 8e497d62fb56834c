import APIGenCore
import Foundation
import Testing

/// `Generated/` is a golden too: a fresh generation from `apigen.yaml` (spec/quay.yaml) must
/// equal what is committed, file for file.
@Suite struct GeneratedFreshnessTests {
    @Test func generatedMatchesAFreshGeneration() throws {
        let read: @Sendable (String) throws -> [UInt8] = { try FileSystem.read(Golden.repository + "/" + $0) }
        let loaded = try GenerationJob.fromConfig("apigen.yaml", readFile: read)
        let job = try #require(loaded.job, "apigen.yaml: \(loaded.rendered)")
        let outcome = job.run(readFile: read)
        #expect(!outcome.hasErrors, "\(outcome.renderedDiagnostics)")
        #expect(!outcome.outputs.isEmpty)
        for output in outcome.outputs {
            var files: [String: String] = [:]
            for file in output.files { files[file.path] = file.contents }
            // Compare against the committed folder as a golden, relative to the repository.
            let committed = Golden.repository + "/" + output.directory
            let existing = Set(Golden.listFiles(committed))
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let current = try? String(contentsOfFile: committed + "/" + path, encoding: .utf8)
                if current != text {
                    let diff = UnifiedDiff.make(expected: current ?? "", actual: text, expectedName: "\(output.directory)/\(path) (committed)",
                                                actualName: "\(output.directory)/\(path) (fresh)")
                    Issue.record("\(output.directory)/\(path) is stale:\n\(diff)\nRegenerate with: swift run apigen")
                }
            }
            for stale in existing.subtracting(files.keys).sorted() {
                Issue.record("\(output.directory)/\(stale) is no longer generated. Regenerate with: swift run apigen")
            }
        }
    }
}
