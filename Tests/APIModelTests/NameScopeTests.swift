import APIModel
import Testing

/// Names handed out once per scope, first come first served, ignoring case: the same in a small
/// scope (kept as a list) and a large one (kept as a set).
@Suite struct NameScopeTests {
    @Test func laterClaimantsGetNumberedNamesIgnoringCase() {
        var scope = NameScope(reserved: ["body"])
        #expect(scope.claim("Body") == "Body2")
        #expect(scope.claim("id") == "id")
        #expect(scope.claim("ID") == "ID2")
        #expect(scope.claim("id") == "id3")
        #expect(scope.isTaken("iD2"))
        #expect(!scope.isTaken("name"))
    }

    @Test func aLargeScopeKeepsEveryNameItWasGiven() {
        var scope = NameScope()
        let names = (0..<40).map { "field\($0)" }
        #expect(names.map { scope.claim($0) } == names)
        // Every earlier name is still taken after the scope has grown.
        #expect(names.allSatisfy { scope.isTaken($0.uppercased()) })
        #expect(scope.claim("Field0") == "Field02")
        #expect(scope.claim("field39") == "field392")
        #expect(scope.claim("field40") == "field40")
    }
}
