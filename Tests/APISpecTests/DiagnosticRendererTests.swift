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

    /// A minified document is one line: its diagnostics quote a window around the column, cut
    /// with `…`, never the whole line.
    @Test func longLinesAreQuotedAroundTheColumn() {
        let head = String(repeating: #"{"a":1},"#, count: 5000)
        let line = "[" + head + #"{"type":"arrary"}"# + String(repeating: #",{"b":2}"#, count: 5000) + "]"
        let column = line.distance(from: line.startIndex, to: line.firstRange(of: #""arrary""#)!.lowerBound) + 1
        let source = SourceText(path: "min.json", bytes: Array(line.utf8))
        let diagnostic = Diagnostic(.warning, "'arrary' is not a schema type", id: "unknown-type",
                                    at: SourceLocation(file: "min.json", line: 1, column: column))
        let rendered = DiagnosticRenderer(sources: [source]).render(diagnostic)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1].count < 200)
        #expect(lines[1].hasPrefix("    …") && lines[1].hasSuffix("…"))
        // The caret stands under the value the column names.
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret...].starts(with: #""arrary""#))
    }

    @Test func shortLinesKeepTheirWholeTextAndAccentsCountAsOneColumn() {
        let source = SourceText(path: "s.yaml", bytes: Array("    description: café au lait\n".utf8))
        let diagnostic = Diagnostic(.warning, "w", id: "x", at: SourceLocation(file: "s.yaml", line: 1, column: 26))
        // Column 26 is the l of "lait"; the indentation is not shown, so the caret is 21 in.
        #expect(DiagnosticRenderer(sources: [source]).render(diagnostic)
                == "s.yaml:1:26: warning: w [x]\n    description: café au lait\n    " + String(repeating: " ", count: 21) + "^")
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
