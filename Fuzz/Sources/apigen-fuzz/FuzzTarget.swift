import APIGenCore
import CFuzzerDriver

/// Missing: the fuzzed document refers to another file, which does not exist.
struct NoSuchFile: Error, CustomStringConvertible {
    let path: String
    var description: String { "no such file: \(path)" }
}

/// One input: its first byte picks the reader (`j` for JSON, anything else YAML), the rest is
/// the document. It is read, lowered, every output (client, server stubs, docs) emitted in
/// memory, and the diagnostics rendered with their source lines, as `apigen generate` does
/// before writing. A crash, a hang or a memory blow-up anywhere on that path is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let path = input.first == UInt8(ascii: "j") ? "fuzz.json" : "fuzz.yaml"
    let document = Array(input.dropFirst())
    let job = GenerationJob(spec: path, output: "out", client: false, server: false, docs: false, name: nil)
    let outcome = job.run { requested in
        guard requested == path else { throw NoSuchFile(path: requested) }
        return document
    }
    _ = outcome.loaded.renderedDiagnostics
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's loop over ``fuzz(_:_:)``,
/// with the command line's options and corpus folders.
@_cdecl("apigen_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
