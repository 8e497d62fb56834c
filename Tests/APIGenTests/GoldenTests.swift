import APIGenCore
import APIModel
import APISpec
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

/// The rules apigen relaxes for real-world documents are warnings, and errors under `--strict`.
@Suite struct StrictTests {
    @Test func strictMakesEveryRelaxedRuleAnError() throws {
        let fixture = try #require(Fixture.all.first { $0.name == "relaxed-rules" })
        let relaxed = SpecPipeline.load(fixture.spec, readFile: Fixture.readFile)
        let strict = SpecPipeline.load(fixture.spec, strict: true, readFile: Fixture.readFile)
        #expect(!relaxed.hasErrors)
        #expect(relaxed.model != nil)
        // The fixture breaks each relaxed rule but unknown-security-scheme, which the unsupported fixture covers.
        #expect(Set(relaxed.diagnostics.map(\.id)) == DiagnosticID.relaxed.subtracting([DiagnosticID.unknownSecurityScheme]))
        #expect(strict.diagnostics.count == relaxed.diagnostics.count)
        #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
        #expect(strict.diagnostics.map(\.message) == relaxed.diagnostics.map(\.message))
    }
}
