import APIGenCore
import APIModel
import Foundation
import Testing

/// Test data the end-to-end tests compile, made from spec/quay.yaml: it must be as fresh as the
/// spec. `QuayCalls.swift` calls every operation with sample values; `Wire/WireCalls.swift`
/// makes each operation's call from a recorded real-Quay request.
@Suite struct GeneratedTestDataTests {
    static let model: ServiceModel? = SpecPipeline.load("spec/quay.yaml", readFile: {
        try FileSystem.read(Golden.repository + "/" + $0)
    }).model

    @Test func quayCallsAreFresh() throws {
        let model = try #require(Self.model)
        checkFresh(CallExerciser(model: model, module: "QuayClient").file(), at: "Tests/EndToEndTests/QuayCalls.swift")
    }

    @Test func wireCallsAreFresh() throws {
        let model = try #require(Self.model)
        checkFresh(WireCallWriter(model: model, module: "QuayClient").file(), at: "Tests/EndToEndTests/Wire/WireCalls.swift")
    }

    /// The file at `path` (from the repository root) must hold `text`; `UPDATE_GOLDENS=1`
    /// rewrites it and fails, saying so.
    private func checkFresh(_ text: String, at path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = Golden.repository + "/" + path
        if Golden.updating {
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? text.write(toFile: full, atomically: true, encoding: .utf8)
            Issue.record("\(path) was rewritten (UPDATE_GOLDENS=1).", sourceLocation: sourceLocation)
            return
        }
        let current = (try? String(contentsOfFile: full, encoding: .utf8)) ?? ""
        if current != text {
            let name = (path as NSString).lastPathComponent
            let diff = UnifiedDiff.make(expected: current, actual: text, expectedName: "\(name) (committed)", actualName: "\(name) (fresh)")
            Issue.record("\(path) is stale:\n\(diff)\nRegenerate with: UPDATE_GOLDENS=1 swift test --filter GeneratedTestDataTests",
                         sourceLocation: sourceLocation)
        }
    }
}
