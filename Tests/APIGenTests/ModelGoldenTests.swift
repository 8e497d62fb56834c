import APIGenCore
import APIModel
import Testing

/// Every fixture's diagnostics and (when it has no errors) its model dump, against goldens.
@Suite struct ModelGoldenTests {
    @Test(arguments: Fixture.all)
    func lintAndModel(_ fixture: Fixture) {
        let loaded = fixture.load()
        var files = ["lint.txt": loaded.renderedDiagnostics + tally(loaded)]
        if let model = loaded.model, !loaded.hasErrors {
            files["model.json"] = ModelDump.json(model)
        }
        Golden.check(files, in: "Goldens/\(fixture.name)", regenerate: "swift test --filter ModelGoldenTests")
    }

    @Test(arguments: Fixture.all)
    func deterministic(_ fixture: Fixture) {
        let first = fixture.load()
        let second = fixture.load()
        #expect(first.renderedDiagnostics == second.renderedDiagnostics)
        #expect(first.model == second.model)
    }

    private func tally(_ loaded: LoadedSpec) -> String {
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        return "\(errors) errors, \(loaded.diagnostics.count - errors) warnings\n"
    }
}
