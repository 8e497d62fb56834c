import APIGenCore
import APIModel
import APISpec
import Testing

/// A large document's paths and schemas are parsed in parts side by side, by forks of the
/// parser, then put back together. That must give exactly what one pass gives: the same model,
/// the same diagnostics in the same order, the same files read.
@Suite struct ParallelParsingTests {
    /// 160 paths (five parts of 32) and 100 component schemas, with what makes forks differ
    /// if they are put back together wrongly: components every part refers to, a broken
    /// component several parts report, schemas first met in different parts, a second file
    /// read by several parts, schemas each part of the paths or of the components meets first (in the other file), inline types
    /// whose names collide, and wrong paths in several parts.
    private static let files: [String: String] = {
        var spec = """
        openapi: 3.1.0
        info: {title: Parts, version: '1'}
        paths:

        """
        for index in 0..<160 {
            let path = index % 40 == 17 ? "no-slash-\(index)" : "/things\(index)/{id}"
            spec += """
              \(path):
                parameters:
                  - {$ref: '#/components/parameters/ID'}
                get:
                  operationId: getThing\(index)
                  tags: [group\(index % 7)]
                  parameters:
                    - {name: mode, in: query, schema: {type: string, enum: [fast, slow]}}
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              item: {$ref: '#/components/schemas/Schema\((index * 37) % 100)'}
                              extra: {$ref: 'other.yaml#/Remote\(9 - index / 16)'}
                              broken: {$ref: '\(index % 50 == 3 ? "#/components/schemas/Broken" : "#/components/schemas/Shared")'}
                              status: {type: string, enum: [on, off]}
                    default: {$ref: '#/components/responses/Error'}

            """
        }
        spec += """
        components:
          parameters:
            ID: {name: id, in: path, required: true, schema: {type: string}}
          responses:
            Error:
              description: Failed
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Problem'}
          schemas:
            Problem: {type: object, properties: {message: {type: string}}}
            Shared: {type: object, properties: {note: {type: string}}}
            Broken: {type: object, properties: {missing: {$ref: '#/components/schemas/Nowhere'}}}

        """
        for index in 0..<100 {
            spec += """
                Schema\(index):
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, minLength: 1}
                    next: {$ref: '#/components/schemas/Schema\((index + 1) % 100)'}
                    nested: {type: object, properties: {depth: {type: integer}}}
                    kind: {$ref: 'other.yaml#/Kind\(3 - index / 25)'}

            """
        }
        var other = "Origin: {type: string, enum: [here, there]}\n"
        for index in 0..<4 { other += "Kind\(index): {type: object, properties: {weight: {type: number}}}\n" }
        for index in 0..<10 {
            other += """
            Remote\(index):
              type: object
              properties:
                origin: {$ref: '#/Origin'}
                shape: {type: object, properties: {corners: {type: integer}}}

            """
        }
        return ["spec.yaml": spec, "other.yaml": other]
    }()

    private func load(cores: Int) -> (dump: String, diagnostics: [Diagnostic], sources: [String]) {
        let files = Self.files
        let loaded = SpecLoader(readFile: { path in
            guard let text = files[path] else { throw FileMissing() }
            return Array(text.utf8)
        }, cores: cores).load("spec.yaml")
        guard let document = loaded.document else { return ("", loaded.diagnostics, []) }
        let lowered = Lowering.lower(document)
        return (ModelDump.json(lowered.model), loaded.diagnostics + lowered.diagnostics, loaded.sources.map(\.path))
    }

    private struct FileMissing: Error {}

    @Test(arguments: [2, 3, 5])
    func partsGiveWhatOnePassGives(cores: Int) {
        let onePass = load(cores: 1)
        let inParts = load(cores: cores)
        #expect(onePass.dump.count > 10_000, "the document was read and lowered")
        #expect(onePass.diagnostics.contains { $0.message.contains("Nowhere") }, "the broken component is reported")
        #expect(onePass.diagnostics.filter { $0.message.hasSuffix("must start with '/'") }.count == 4, "the wrong paths are reported")
        #expect(inParts.dump == onePass.dump)
        #expect(inParts.diagnostics == onePass.diagnostics)
        #expect(inParts.sources == onePass.sources)
    }
}
