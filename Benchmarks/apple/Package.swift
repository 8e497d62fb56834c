// swift-tools-version: 6.1
// Apple's swift-openapi-generator, built on its own for the side-by-side benchmark
// (Benchmarks/bench.py). Never a dependency of the main package; none of its code is committed.
import PackageDescription

let package = Package(
    name: "AppleGenerator",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
