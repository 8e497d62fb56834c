import APIGenCore
import APISpec
import Testing

/// What the build plugin's tool writes: exactly the files the plugin declared, each one even
/// when empty; a namespace per spec when asked.
@Suite struct PluginJobTests {
    private func run(_ config: String?, namespaced: Bool) throws -> [String: String] {
        let parsed = try config.map { text in try #require(ConfigLoader.parse(Array(text.utf8), path: "apigen.yaml").config) }
        let outcome = PluginJob(spec: "Fixtures/petstore-30/openapi.yaml", config: parsed, name: "Petstore", namespaced: namespaced)
            .run(readFile: Fixture.readFile)
        #expect(!outcome.hasErrors)
        let files = try #require(outcome.outputs.first).files
        #expect(files.map(\.path) == PluginJob.fileNames(for: "Petstore"))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test func theClientByDefaultAndEveryDeclaredFileWritten() throws {
        let files = try run(nil, namespaced: false)
        #expect(files["Petstore.Client.swift"]?.contains("public struct PawprintClinic: Sendable") == true)
        #expect(files["Petstore.Server.swift"]?.contains("Intentionally empty") == true)
        let types = (1...4).compactMap { files["Petstore.Types\($0).swift"] }.joined()
        #expect(types.contains("public struct Pet: ModelValue"))
        #expect(!types.contains("enum Petstore"))
    }

    @Test func aServerBesideTheClientSharesItsTypes() throws {
        let files = try run("client: {output: .}\nserver: {output: .}\naccess: internal\n", namespaced: false)
        #expect(files["Petstore.Server.swift"]?.contains("protocol PawprintClinicAPI: Sendable") == true)
        #expect(files["Petstore.Server.swift"]?.contains("struct Pet:") == false)
        let types = (1...4).compactMap { files["Petstore.Types\($0).swift"] }.joined()
        #expect(types.components(separatedBy: "struct Pet: ModelValue").count == 2)
        #expect(!types.contains("public struct"))
    }

    @Test func namespacedSpecsDeclareInsideAnEnum() throws {
        let files = try run("server: {output: .}\n", namespaced: true)
        #expect(files["Petstore.Client.swift"]?.contains("Intentionally empty") == true)
        let server = try #require(files["Petstore.Server.swift"])
        #expect(server.contains("extension Petstore {\n    /// The Pawprint Clinic API, to implement"))
        #expect(server.contains("    public protocol Server: Sendable {"))
        #expect(server.contains("extension Petstore.Server {"))
        #expect(files["Petstore.Types1.swift"]?.contains("public enum Petstore {}") == true)
    }
}
