import APIGenCore
import APIModel
import Testing

/// Every fixture against its goldens: the diagnostics, and for a valid spec the model dump and
/// the generated client (`Client/`).
@Suite struct GoldenTests {
    @Test(arguments: Fixture.all)
    func goldens(_ fixture: Fixture) {
        let outcome = fixture.generate()
        var files = ["lint.txt": outcome.renderedDiagnostics + tally(outcome.loaded)]
        if let model = outcome.model {
            files["model.json"] = ModelDump.json(model)
        }
        for output in outcome.outputs {
            for file in output.files { files[output.directory + "/" + file.path] = file.contents }
        }
        Golden.check(files, in: "Goldens/\(fixture.name)", regenerate: "swift test --filter GoldenTests")
    }

    @Test(arguments: Fixture.all)
    func deterministic(_ fixture: Fixture) {
        let first = fixture.generate()
        let second = fixture.generate()
        #expect(first.renderedDiagnostics == second.renderedDiagnostics)
        #expect(first.model == second.model)
        #expect(first.outputs.map(\.files) == second.outputs.map(\.files))
    }

    private func tally(_ loaded: LoadedSpec) -> String {
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        return "\(errors) errors, \(loaded.diagnostics.count - errors) warnings\n"
    }
}
