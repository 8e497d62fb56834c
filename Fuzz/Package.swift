// swift-tools-version: 6.1
// A libFuzzer target for apigen's reader, parser, lowering and emitters: bytes in, a document
// read as YAML or JSON, lowered, and every output emitted in memory. Not part of the main
// package: Fuzz/run.sh builds it with -sanitize=fuzzer,address and runs it.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name: the repository's, whatever it is checked out as.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "apigen-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "apigen-fuzz", dependencies: ["CFuzzerDriver", .product(name: "APIGenCore", package: repository)]),
    ],
    swiftLanguageModes: [.v6]
)
