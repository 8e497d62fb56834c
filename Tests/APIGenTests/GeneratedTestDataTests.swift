import APIGenCore
import Foundation
import Testing

/// The end-to-end tests' list of calls (`Tests/EndToEndTests/QuayCalls.swift`) is made from
/// spec/quay.yaml; it must be as fresh as the spec.
@Suite struct CallExerciserTests {
    @Test func quayCallsAreFresh() throws {
        let loaded = SpecPipeline.load("spec/quay.yaml", readFile: { try FileSystem.read(Golden.repository + "/" + $0) })
        let model = try #require(loaded.model)
        let text = CallExerciser(model: model, module: "QuayClient").file()
        let path = Golden.repository + "/Tests/EndToEndTests/QuayCalls.swift"
        if Golden.updating {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Tests/EndToEndTests/QuayCalls.swift was rewritten (UPDATE_GOLDENS=1).")
            return
        }
        let current = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if current != text {
            let diff = UnifiedDiff.make(expected: current, actual: text, expectedName: "QuayCalls.swift (committed)", actualName: "QuayCalls.swift (fresh)")
            Issue.record("Tests/EndToEndTests/QuayCalls.swift is stale:\n\(diff)\nRegenerate with: UPDATE_GOLDENS=1 swift test --filter CallExerciserTests")
        }
    }
}
