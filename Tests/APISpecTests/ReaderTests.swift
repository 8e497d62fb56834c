@testable import APISpec
import Testing

/// The YAML and JSON readers: locations, scalars, merge keys, limits.
@Suite struct ReaderTests {
    private func yaml(_ text: String) -> (Node?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let node = YAMLReader.read(Array(text.utf8), file: "t.yaml", diagnostics: &diagnostics)
        return (node, diagnostics)
    }

    private func json(_ text: String) -> (Node?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let node = JSONReader.read(Array(text.utf8), file: "t.json", diagnostics: &diagnostics)
        return (node, diagnostics)
    }

    @Test func yamlNodesKeepLineAndColumn() throws {
        let (node, diagnostics) = yaml("a:\n  b: [1, 'two']\n  c: café\n")
        #expect(diagnostics.isEmpty)
        let root = try #require(node)
        let cursor = Cursor(node: root, file: "t.yaml", pointer: "#")
        let b = try #require(cursor["a"]?["b"])
        #expect(b.location == SourceLocation(file: "t.yaml", line: 2, column: 6))
        #expect(b.items?[1].location.column == 10)
        #expect(b.pointer == "#/a/b")
        #expect(cursor["a"]?["c"]?.node.specValue == .string("café"))
    }

    @Test func jsonNodesKeepLineAndColumnInScalars() throws {
        let (node, diagnostics) = json("{\n  \"é\": {\"x\": [true, null, 1.5]}\n}")
        #expect(diagnostics.isEmpty)
        let cursor = Cursor(node: try #require(node), file: "t.json", pointer: "#")
        let x = try #require(cursor["é"]?["x"])
        #expect(x.location == SourceLocation(file: "t.json", line: 2, column: 14))
        #expect(x.node.specValue == .array([.bool(true), .null, .double(1.5)]))
    }

    @Test func plainScalarsResolveByTheCoreSchemaAndQuotedOnesStayStrings() {
        let (node, _) = yaml("[true, 'true', 42, '42', 0x1F, 1.5e3, ~, null, yes, .inf, 1.0.0]")
        #expect(node?.specValue == .array([
            .bool(true), .string("true"), .int(42), .string("42"), .int(31), .double(1500), .null, .null,
            .string("yes"), .double(.infinity), .string("1.0.0"),
        ]))
    }

    @Test func mergeKeysAndAliasesExpand() {
        let (node, diagnostics) = yaml("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n")
        #expect(diagnostics.isEmpty)
        #expect(node?.specValue["derived"] == .object([.init("y", .int(3)), .init("x", .int(1))]))
    }

    @Test func duplicateKeysAreErrors() {
        let (_, diagnostics) = yaml("a: 1\nb: 2\na: 3\n")
        #expect(diagnostics.map(\.headline) == ["t.yaml:3:1: error: duplicate key 'a' (first at line 1) [duplicate-key]"])
    }

    @Test func aliasBombsStop() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let (node, diagnostics) = yaml(text)
        #expect(node == nil)
        #expect(diagnostics.first?.id == DiagnosticID.aliasExpansion)
    }

    @Test func deepNestingStopsWithAnErrorInBothReaders() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(yaml(deep).1.first?.id == DiagnosticID.tooDeep)
        #expect(json(deep).1.first?.id == DiagnosticID.tooDeep)
    }

    /// YAML is scanned on another thread, which runs up to eight batches of 1,024 events ahead:
    /// these documents are far longer than that, so the scanner is ahead (and waiting) when the
    /// reader stops early, and many batches pass before an error at the end.
    private static func longDocument(entries: Int) -> String {
        (0..<entries).map { "key\($0): [\($0), {name: value\($0)}]\n" }.joined()
    }

    @Test func aLongDocumentIsReadWhole() {
        let (node, diagnostics) = yaml(Self.longDocument(entries: 20_000))
        #expect(diagnostics.isEmpty)
        #expect(node?.specValue["key19999"] == .array([.int(19_999), .object([.init("name", .string("value19999"))])]))
    }

    @Test func aSyntaxErrorAfterManyBatchesPointsAtItsLine() {
        let (node, diagnostics) = yaml(Self.longDocument(entries: 20_000) + "broken: [1, 2\n")
        #expect(node == nil)
        #expect(diagnostics.map(\.headline) == [
            "t.yaml:20002:1: error: did not find expected ',' or ']' while parsing a flow sequence [yaml-syntax]",
        ])
    }

    @Test func stoppingEarlyStopsTheScannerToo() {
        // Too deep at the top, then 20,000 entries the scanner is busy with when the reader stops.
        let deep = "deep: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        for _ in 0..<20 {
            let (node, diagnostics) = yaml(deep + Self.longDocument(entries: 20_000))
            #expect(node == nil)
            #expect(diagnostics.map(\.id) == [DiagnosticID.tooDeep])
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "t.json:1:9: error: expected a string key in an object, found '}' [json-syntax]"),
        ("{\"a\" 1}", "t.json:1:6: error: expected ':' after the key \"a\", found '1' [json-syntax]"),
        ("[1, 2", "t.json:1:6: error: expected ',' or ']' after an array element, found the end of the file [json-syntax]"),
        ("\"abc", "t.json:1:5: error: unterminated string [json-syntax]"),
        ("{\"a\": tru}", "t.json:1:7: error: expected a value, found 't' [json-syntax]"),
        ("{} {}", "t.json:1:4: error: unexpected text after the JSON value [json-syntax]"),
        ("[\"\\x\"]", "t.json:1:5: error: invalid escape '\\'x'' in a string [json-syntax]"),
    ])
    func jsonErrorsSayWhatWasExpected(_ text: String, _ expected: String) {
        #expect(json(text).1.map(\.headline) == [expected])
    }

    @Test func jsonStringEscapesDecode() {
        #expect(json("\"a\\u00e9\\ud83d\\ude00\\n\\/\"").0?.specValue == .string("aé😀\n/"))
    }

    @Test func textCheckFindsBinaryAndControlCharacters() {
        #expect(TextCheck.check([0x61, 0x0A, 0x62, 0xFF], file: "f")?.headline
            == "f:2:2: error: the file is not UTF-8 (byte 0xFF); an OpenAPI document must be UTF-8 text [not-text]")
        #expect(TextCheck.check([0x61, 0x00], file: "f")?.headline
            == "f:1:2: error: the file holds the control character U+0000; an OpenAPI document must be UTF-8 text [not-text]")
        #expect(TextCheck.check(Array("ok\tfine\r\n".utf8), file: "f") == nil)
    }
}
