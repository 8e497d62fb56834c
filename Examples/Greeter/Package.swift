// swift-tools-version: 6.1
// An example consumer of apigen: two OpenAPI documents in one target, turned into Swift at
// build time by apigen's build plugin, and a demo that calls the generated clients.
//
// GreeterAPI holds a Swift file of its own (LocalTransport.swift) beside its specs: SwiftPM
// skips a target with no Swift source before any plugin runs, so a target of specs alone
// generates nothing and cannot be imported. An empty .swift file is enough.
import PackageDescription

let package = Package(
    name: "Greeter",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "apigen", path: "../.."),
    ],
    targets: [
        .target(
            name: "GreeterAPI",
            dependencies: [.product(name: "APIRuntime", package: "apigen")],
            plugins: [.plugin(name: "APIGenPlugin", package: "apigen")]
        ),
        .executableTarget(name: "greeter-demo", dependencies: ["GreeterAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
