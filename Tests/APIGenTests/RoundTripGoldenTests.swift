import APIGenCore
import Testing

/// The round trip `apigen round-trip` writes, for two fixtures against goldens: one with
/// webhooks and a callback, one with every parameter style. Both are compiled by the package
/// and run by the end-to-end tests (`RoundTripTests`).
@Suite struct RoundTripGoldenTests {
    static let cases: [(fixture: String, client: String, server: String)] = [
        ("events-31", "RelayEventsClient", "RelayEventsServer"),
        ("payments-styles", "PaymentStylesClient", "PaymentStylesServer"),
    ]

    @Test(arguments: cases.map(\.fixture))
    func roundTripSources(_ name: String) throws {
        let fixture = try #require(Fixture.all.first { $0.name == name })
        let modules = try #require(Self.cases.first { $0.fixture == name })
        let job = RoundTripJob(spec: fixture.spec, output: "", name: nil, clientModule: modules.client, serverModule: modules.server)
        let (loaded, output) = job.run(readFile: Fixture.readFile)
        #expect(!loaded.hasErrors)
        let files = Dictionary(uniqueKeysWithValues: (output?.files ?? []).map { ($0.path, $0.contents) })
        Golden.check(files, in: "Goldens/round-trip/\(name)", regenerate: "swift test --filter RoundTripGoldenTests")
    }

    @Test func sameInputSameSources() throws {
        let fixture = try #require(Fixture.all.first { $0.name == "events-31" })
        let job = RoundTripJob(spec: fixture.spec, output: "", name: nil, clientModule: nil, serverModule: nil)
        #expect(job.run(readFile: Fixture.readFile).output?.files == job.run(readFile: Fixture.readFile).output?.files)
    }
}
