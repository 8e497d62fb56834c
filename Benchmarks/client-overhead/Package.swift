// swift-tools-version: 6.1
// The client's overhead on a fast path: the same GET over loopback to quay-mock (URLSession and
// AsyncHTTPClient) and to a transport in memory, sent by the transport alone and through
// APIClient with its retry, time-limit and logging machinery.
// Not part of the main package; Benchmarks/bench.py builds and runs it (release).
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name: the repository's, whatever it is checked out as.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "client-overhead",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "client-overhead",
            dependencies: [
                .product(name: "APIRuntime", package: repository),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
