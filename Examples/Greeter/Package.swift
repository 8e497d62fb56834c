// swift-tools-version: 6.1
// An example consumer of apigen: two OpenAPI documents in one target, turned into Swift at
// build time by apigen's build plugin, and a demo that calls the generated clients.
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
