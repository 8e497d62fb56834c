@testable import APISpec
import Testing

/// The one diagnostic shape.
@Suite struct DiagnosticRendererTests {
    @Test func rendersHeadlineSourceLineAndCaret() {
        let source = SourceText(path: "spec/quay.yaml", bytes: Array("paths:\n        $ref: '#/components/schemas/Tgas'\n".utf8))
        let diagnostic = Diagnostic(.error, "$ref '#/components/schemas/Tgas' does not exist", id: "unknown-ref",
                                    at: SourceLocation(file: "spec/quay.yaml", line: 2, column: 15),
                                    pointer: "#/paths/~1api~1v1~1repository/post/requestBody")
        #expect(DiagnosticRenderer(sources: [source]).render(diagnostic) == """
            spec/quay.yaml:2:15: error: $ref '#/components/schemas/Tgas' does not exist [unknown-ref] at #/paths/~1api~1v1~1repository/post/requestBody
                $ref: '#/components/schemas/Tgas'
                      ^
            """)
    }

    @Test func omitsTheExcerptWithoutALocationOrLine() {
        let diagnostic = Diagnostic(.warning, "something", id: "x", at: nil)
        #expect(DiagnosticRenderer(sources: []).render(diagnostic) == "warning: something [x]")
    }

    @Test func pointersEscapeSlashesAndTildes() {
        #expect(JSONPointer.escape("/api/v1/{x}") == "~1api~1v1~1{x}")
        #expect(JSONPointer.escape("a~b") == "a~0b")
        #expect(JSONPointer.tokens("/paths/~1pets~1{id}/get/a%20b") == ["paths", "/pets/{id}", "get", "a b"])
        #expect(JSONPointer.tokens("components") == nil)
    }

    @Test func pathTemplatesSplitIntoTextAndParameters() {
        #expect(PathTemplate("/repository/{repository}/tag/{tag}").components == [
            .literal("/repository/"), .parameter("repository"), .literal("/tag/"), .parameter("tag"),
        ])
        #expect(PathTemplate("/files/{name}.json").parameterNames == ["name"])
    }
}
