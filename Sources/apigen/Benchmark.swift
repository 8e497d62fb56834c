import ArgumentParser
import APIGenCore
import APIModel
import APISpec

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
        var jobs = [(client: true, server: false, docs: false), (false, true, false), (false, false, true), (true, true, false)].map {
            GenerationJob(spec: file, output: "out", client: $0.client, server: $0.server, docs: $0.docs, name: nil)
        }
        // The docs' two formats on their own: the HTML page, and the Markdown files.
        for format in [GeneratorConfig.DocsFormat.html, .markdown] {
            var job = GenerationJob(spec: file, output: "out", client: false, server: false, docs: true, name: nil)
            job.docsFormats = [format]
            jobs.append(job)
        }
        var stages: [[Double]] = Array(repeating: [], count: jobs.count + 1)
        var operations = 0
        for _ in 0..<runs {
            let clock = ContinuousClock()
            var loaded: LoadedSpec?
            stages[0].append(seconds(clock.measure { loaded = SpecPipeline.load(file, readFile: readFile) }))
            guard let model = loaded?.model, loaded?.hasErrors == false else { throw ValidationError("the spec has errors") }
            operations = model.operations.count
            for (index, job) in jobs.enumerated() {
                stages[index + 1].append(seconds(clock.measure { _ = job.emit(model) }))
            }
        }
        // The first run is what one `apigen generate` pays; the median is the steady state.
        func figures(_ name: String, _ values: [Double]) -> String {
            "\"\(name)_ms\": \(median(values) * 1000), \"\(name)_first_ms\": \((values.first ?? 0) * 1000)"
        }
        print("{\"operations\": \(operations), " + zip(["parse_and_lower", "client", "server", "docs", "client_and_server", "docs_html", "docs_markdown"], stages).map(figures).joined(separator: ", ") + "}")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
