import ArgumentParser
import APIGenCore
import APIModel
import Foundation

/// `apigen benchmark FILE`: times each stage in process, for Benchmarks/bench.py. Not for people.
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time parsing, lowering and emitting a spec in process (median of several runs).",
        shouldDisplay: false
    )

    @Argument(help: "The OpenAPI document.")
    var file: String

    @Option(help: "How many runs; the median is reported.")
    var runs = 11

    func run() throws {
        let bytes = try FileSystem.read(file)
        let readFile: @Sendable (String) throws -> [UInt8] = { path in path == file ? bytes : try FileSystem.read(path) }
        var parse: [Double] = [], client: [Double] = [], server: [Double] = [], docs: [Double] = []
        var outcome: GenerationOutcome?
        for _ in 0..<runs {
            let clock = ContinuousClock()
            var loaded: LoadedSpec?
            parse.append(seconds(clock.measure { loaded = SpecPipeline.load(file, readFile: readFile) }))
            guard let model = loaded?.model else { throw ValidationError("the spec has errors") }
            var job = GenerationJob(spec: file, output: "out", client: true, server: false, docs: false, name: nil)
            client.append(seconds(clock.measure { outcome = job.run(readFile: readFile) }) - parse.last!)
            job = GenerationJob(spec: file, output: "out", client: false, server: true, docs: false, name: nil)
            server.append(seconds(clock.measure { _ = job.run(readFile: readFile) }) - parse.last!)
            job = GenerationJob(spec: file, output: "out", client: false, server: false, docs: true, name: nil)
            docs.append(seconds(clock.measure { _ = job.run(readFile: readFile) }) - parse.last!)
            _ = model
        }
        let operations = outcome?.model?.operations.count ?? 0
        print("{\"operations\": \(operations), \"parse_and_lower_ms\": \(median(parse) * 1000), "
              + "\"client_ms\": \(median(client) * 1000), \"server_ms\": \(median(server) * 1000), \"docs_ms\": \(median(docs) * 1000)}")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
