import APIGenCore
import APIModel
import Testing

/// Which tag's file a type is declared in: a type only one tag needs (directly or through other
/// types) belongs to that tag; a type two tags, or any untagged operation, need is shared.
@Suite struct TypeOwnersTests {
    private func model(_ fixture: String) throws -> ServiceModel {
        let loaded = SpecPipeline.load("Fixtures/\(fixture)/openapi.yaml", readFile: Fixture.readFile)
        #expect(!loaded.hasErrors, "\(loaded.renderedDiagnostics)")
        return try #require(loaded.model)
    }

    @Test func typesOneTagNeedsBelongToThatTag() throws {
        let owners = try model("petstore-30").typeOwners
        #expect(owners["Pet"] == "pets")
        #expect(owners["PetPhoto"] == "pets")
        #expect(owners["Owner"] == "owners")
        #expect(owners["Address"] == "owners", "needed only through Owner")
        #expect(owners["EmailReminder"] == "owners", "a union's variant follows the union")
        #expect(owners["Appointment"] == "appointments")
        #expect(owners["VaccinationVisitVaccinesItem"] == "appointments", "two levels down")
    }

    @Test func typesSeveralTagsNeedAreShared() throws {
        let petstore = try model("petstore-30")
        let shared = Set(petstore.types.map(\.name)).subtracting(petstore.typeOwners.keys)
        #expect(shared == ["Problem"], "every tag's errors use it; nothing else is needed twice")
    }

    @Test func typesAnUntaggedOperationNeedsAreShared() throws {
        let unsupported = try model("unsupported")
        #expect(unsupported.operations.contains { $0.tag == nil })
        #expect(unsupported.types.contains { $0.name == "Shape" })
        #expect(unsupported.typeOwners["Shape"] == nil)
    }
}
