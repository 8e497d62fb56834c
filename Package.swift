// swift-tools-version: 6.1
import PackageDescription

/// What a round trip (`apigen round-trip`) needs besides the generated client and server.
let roundTripDependencies: [Target.Dependency] = [
    "APIRuntime",
    .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
    .product(name: "Logging", package: "swift-log"),
]

let package = Package(
    name: "apigen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "APIRuntime", targets: ["APIRuntime"]),
        // The generator as a library: what Fuzz/ (the libFuzzer target) drives.
        .library(name: "APIGenCore", targets: ["APIGenCore"]),
        .library(name: "QuayClient", targets: ["QuayClient"]),
        .library(name: "QuayServer", targets: ["QuayServer"]),
        .executable(name: "quay-mock", targets: ["quay-mock"]),
        .plugin(name: "APIGenPlugin", targets: ["APIGenPlugin"]),
        .plugin(name: "APIGenCommand", targets: ["APIGenCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        // Tests only: a transport that streams bodies on Linux (URLSession's buffers them there).
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        // libyaml, the C library. Install it with `apt-get install libyaml-dev` or `brew install libyaml`.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Stage 1: YAML/JSON text -> typed OpenAPI document, with a location on every node.
        .target(name: "APISpec", dependencies: ["CYaml"]),
        // Stage 2: OpenAPI document -> the intermediate model emitters read.
        .target(name: "APIModel", dependencies: ["APISpec"]),
        // Stage 3: the model -> Swift client and server modules.
        .target(name: "SwiftEmitter", dependencies: ["APIModel"]),
        // Stage 3: the model -> reference docs, Markdown and HTML.
        .target(name: "DocsEmitter", dependencies: ["APIModel"]),
        // Two models -> the changes between them, with what each does to the generated Swift.
        .target(name: "APIDiff", dependencies: ["APIModel"]),
        // The whole pipeline in memory: files in, files and diagnostics out.
        .target(name: "APIGenCore", dependencies: ["APISpec", "APIModel", "SwiftEmitter", "DocsEmitter", "APIDiff"]),
        // What generated code imports: JSONValue, ResponseError, request building, paging.
        .target(
            name: "APIRuntime",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The generated Quay client, committed; `swift run apigen` regenerates it.
        .target(name: "QuayClient", dependencies: ["APIRuntime"], path: "Generated/QuayClient"),
        // The generated Quay server stubs, committed likewise.
        .target(name: "QuayServer", dependencies: ["APIRuntime"], path: "Generated/QuayServer"),
        // A fake Quay in memory, built on QuayServer and Hummingbird; `quay-mock` runs it.
        .target(
            name: "QuayMock",
            dependencies: [
                "QuayServer", "APIRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ]
        ),
        .executableTarget(
            name: "quay-mock",
            dependencies: ["QuayMock", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Generates Swift from a target's OpenAPI documents at build time.
        .plugin(name: "APIGenPlugin", capability: .buildTool(), dependencies: ["apigen"]),
        // `swift package generate-api`: regenerates Generated/, or a target's sources.
        .plugin(
            name: "APIGenCommand",
            capability: .command(
                intent: .custom(verb: "generate-api", description: "Regenerate code and docs from OpenAPI documents"),
                permissions: [.writeToPackageDirectory(reason: "apigen writes the generated client, server stubs and docs")]
            ),
            dependencies: ["apigen"]
        ),
        // The command line: I/O only.
        .executableTarget(
            name: "apigen",
            dependencies: [
                "APIGenCore",
                "APIModel",
                "APIDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated clients of two fixtures, compiled for the client behaviour tests.
        .target(name: "PawprintClinicClient", dependencies: ["APIRuntime"],
                path: "Tests/APIGenTests/Goldens/petstore-30/Client"),
        .target(name: "RelayEventsClient", dependencies: ["APIRuntime"],
                path: "Tests/APIGenTests/Goldens/events-31/Client"),
        .target(name: "RelayEventsServer", dependencies: ["APIRuntime"],
                path: "Tests/APIGenTests/Goldens/events-31/Server"),
        // A fixture's client and server, for the serialization round trip over HTTP.
        .target(name: "PaymentStylesClient", dependencies: ["APIRuntime"],
                path: "Tests/APIGenTests/Goldens/payments-styles/Client"),
        .target(name: "PaymentStylesServer", dependencies: ["APIRuntime"],
                path: "Tests/APIGenTests/Goldens/payments-styles/Server"),
        // `apigen round-trip` of two fixtures (their goldens), as libraries the end-to-end tests run.
        .target(name: "RelayEventsRoundTrip", dependencies: ["RelayEventsClient", "RelayEventsServer"] + roundTripDependencies,
                path: "Tests/APIGenTests/Goldens/round-trip/events-31", exclude: ["main.swift"]),
        .target(name: "PaymentStylesRoundTrip", dependencies: ["PaymentStylesClient", "PaymentStylesServer"] + roundTripDependencies,
                path: "Tests/APIGenTests/Goldens/round-trip/payments-styles", exclude: ["main.swift"]),
        .testTarget(
            name: "ClientTests",
            dependencies: ["APIRuntime", "QuayClient", "PawprintClinicClient", "RelayEventsClient"]
        ),
        // The generated client against the generated server over real HTTP on loopback.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "QuayClient", "QuayMock", "QuayServer", "PaymentStylesClient", "PaymentStylesServer", "RelayEventsClient",
                "RelayEventsServer", "RelayEventsRoundTrip", "PaymentStylesRoundTrip",
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "APISpecTests", dependencies: ["APISpec"]),
        .testTarget(name: "APIModelTests", dependencies: ["APIModel"]),
        // Fixtures and goldens for the whole pipeline, and the CLI.
        .testTarget(
            name: "APIGenTests",
            dependencies: ["APISpec", "APIGenCore", "APIModel", "APIDiff", "DocsEmitter", "apigen"],
            exclude: ["Fixtures", "Goldens", "QuaySpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
