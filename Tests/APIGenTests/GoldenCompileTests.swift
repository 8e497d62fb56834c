import Foundation
import Testing

/// The generated code in the goldens compiles, with no warnings, in Swift 6 language mode: each
/// fixture's `Client/` as a module of its own against `APIRuntime`.
///
/// It builds a small package that links the golden folders, in its own scratch path
/// (`.build-goldens`), because a nested `swift build` on `.build` would wait for the lock that
/// `swift test` holds.
@Suite(.serialized) struct GoldenCompileTests {
    @Test func fixtureOutputsCompileWithoutWarnings() throws {
        let work = Golden.repository + "/.build-goldens"
        let package = work + "/package"
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: package + "/Sources")
        try fileManager.createDirectory(atPath: package + "/Sources", withIntermediateDirectories: true)
        var modules: [String] = []
        for fixture in Fixture.all {
            for kind in ["Client", "Server"] {
                let folder = Golden.root + "/Goldens/\(fixture.name)/\(kind)"
                guard fileManager.fileExists(atPath: folder) else { continue }
                let module = "Fixture" + fixture.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + kind
                try fileManager.createSymbolicLink(atPath: package + "/Sources/" + module, withDestinationPath: folder)
                modules.append(module)
            }
        }
        #expect(!modules.isEmpty)
        let targets = modules.map {
            "        .target(name: \"\($0)\", dependencies: [.product(name: \"APIRuntime\", package: \"main\")]),"
        }.joined(separator: "\n")
        let manifest = """
            // swift-tools-version: 6.1
            // Written by GoldenCompileTests: every golden client and server as a module.
            import PackageDescription

            let package = Package(
                name: "GoldenCompile",
                platforms: [.macOS(.v14)],
                products: [.library(name: "GoldenCompile", targets: [\(modules.map { "\"\($0)\"" }.joined(separator: ", "))])],
                dependencies: [.package(name: "main", path: "\(Golden.repository)")],
                targets: [
            \(targets)
                ],
                swiftLanguageModes: [.v6]
            )

            """
        try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", package, "--scratch-path", work + "/scratch"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let problems = output.split(separator: "\n").filter {
            ($0.contains("warning:") || $0.contains("error:")) && !$0.contains("/checkouts/")
        }
        #expect(process.terminationStatus == 0, "swift build failed:\n\(output.suffix(8000))")
        #expect(problems.isEmpty, "the golden modules compile with warnings:\n\(problems.joined(separator: "\n"))")
    }
}
