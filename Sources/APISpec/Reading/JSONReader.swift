/// Reads JSON (RFC 8259) into a ``Node`` tree, keeping the line and column of every value.
///
/// Strings become quoted scalars; numbers, `true`, `false` and `null` become plain scalars, so
/// they resolve exactly as they would in YAML. Nesting is bounded by ``Limits/maxDepth``.
struct JSONReader {
    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line: Int32 = 1
    private var column: Int32 = 1
    private var depth = 0

    /// The first error found; parsing stops there.
    private struct Failure: Error { var diagnostic: Diagnostic }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Parses `bytes`. Returns nil when the text is not well-formed JSON; the problem goes to
    /// `diagnostics`.
    static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> Node? {
        var reader = JSONReader(bytes: bytes, file: file)
        do {
            reader.skipBOM()
            reader.skipWhitespace()
            guard reader.offset < bytes.count else {
                diagnostics.append(Diagnostic(.error, "the file is empty; expected an OpenAPI document",
                                              id: DiagnosticID.emptyDocument,
                                              at: SourceLocation(file: file, line: 1, column: 1)))
                return nil
            }
            let node = try reader.value(&diagnostics)
            reader.skipWhitespace()
            if reader.offset < bytes.count {
                throw reader.failure("unexpected text after the JSON value")
            }
            return node
        } catch let failure as Failure {
            diagnostics.append(failure.diagnostic)
            return nil
        } catch {
            return nil
        }
    }

    // MARK: Values

    private mutating func value(_ diagnostics: inout [Diagnostic]) throws -> Node {
        guard let byte = peek() else { throw failure("expected a value, found the end of the file") }
        let (startLine, startColumn) = (line, column)
        switch byte {
        case UInt8(ascii: "{"): return try object(&diagnostics)
        case UInt8(ascii: "["): return try array(&diagnostics)
        case UInt8(ascii: "\""):
            return Node(content: .scalar(try string(), isPlain: false), line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Node(content: .scalar(try number(), isPlain: true), line: startLine, column: startColumn)
        default:
            for literal in ["true", "false", "null"] where matches(literal) {
                advance(by: literal.utf8.count)
                return Node(content: .scalar(literal, isPlain: true), line: startLine, column: startColumn)
            }
            throw failure("expected a value, found \(describe(byte))")
        }
    }

    private mutating func object(_ diagnostics: inout [Diagnostic]) throws -> Node {
        let (startLine, startColumn) = (line, column)
        try enter()
        advance(by: 1)
        var entries: [Node.Entry] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance(by: 1)
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    throw failure("expected a string key in an object, found \(describePeek())")
                }
                let (keyLine, keyColumn) = (line, column)
                let key = try string()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\", found \(describePeek())") }
                advance(by: 1)
                skipWhitespace()
                let item = try value(&diagnostics)
                entries.append(Node.Entry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: item))
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { advance(by: 1); continue }
                if peek() == UInt8(ascii: "}") { advance(by: 1); break }
                throw failure("expected ',' or '}' after an object member, found \(describePeek())")
            }
        }
        depth -= 1
        let finished = MappingBuilder.finish(entries, mergeKeys: false, file: file, diagnostics: &diagnostics)
        return Node(content: .mapping(finished), line: startLine, column: startColumn)
    }

    private mutating func array(_ diagnostics: inout [Diagnostic]) throws -> Node {
        let (startLine, startColumn) = (line, column)
        try enter()
        advance(by: 1)
        var items: [Node] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance(by: 1)
        } else {
            while true {
                skipWhitespace()
                items.append(try value(&diagnostics))
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { advance(by: 1); continue }
                if peek() == UInt8(ascii: "]") { advance(by: 1); break }
                throw failure("expected ',' or ']' after an array element, found \(describePeek())")
            }
        }
        depth -= 1
        return Node(content: .sequence(items), line: startLine, column: startColumn)
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Limits.maxDepth {
            throw Failure(diagnostic: Diagnostic(.error, "the document nests deeper than \(Limits.maxDepth) levels",
                                                 id: DiagnosticID.tooDeep, at: here))
        }
    }

    // MARK: Strings and numbers

    private mutating func string() throws -> String {
        advance(by: 1)  // opening quote
        var runStart = offset
        var text = ""
        func flush(_ end: Int) { text += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(offset)
                advance(by: 1)
                return text
            case UInt8(ascii: "\\"):
                flush(offset)
                advance(by: 1)
                guard let escape = peek() else { throw failure("unterminated string") }
                advance(by: 1)
                switch escape {
                case UInt8(ascii: "\""): text += "\""
                case UInt8(ascii: "\\"): text += "\\"
                case UInt8(ascii: "/"): text += "/"
                case UInt8(ascii: "b"): text += "\u{08}"
                case UInt8(ascii: "f"): text += "\u{0C}"
                case UInt8(ascii: "n"): text += "\n"
                case UInt8(ascii: "r"): text += "\r"
                case UInt8(ascii: "t"): text += "\t"
                case UInt8(ascii: "u"): text.unicodeScalars.append(try unicodeEscape())
                default: throw failure("invalid escape '\\\(describe(escape))' in a string")
                }
                runStart = offset
            case 0..<0x20:
                throw failure("control character in a string; escape it")
            default:
                advance(by: 1)
            }
        }
    }

    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first) {
            guard matches("\\u") else { throw failure("unpaired surrogate in a \\u escape") }
            advance(by: 2)
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else { throw failure("unpaired surrogate in a \\u escape") }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        guard let scalar = Unicode.Scalar(first) else { throw failure("unpaired surrogate in a \\u escape") }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16) else {
            throw failure("expected four hex digits after \\u")
        }
        advance(by: 4)
        return value
    }

    private mutating func number() throws -> String {
        let start = offset
        func digits() -> Int {
            var count = 0
            while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { advance(by: 1); count += 1 }
            return count
        }
        if peek() == UInt8(ascii: "-") { advance(by: 1) }
        guard digits() > 0 else { throw failure("invalid number") }
        if peek() == UInt8(ascii: ".") {
            advance(by: 1)
            guard digits() > 0 else { throw failure("invalid number: expected digits after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance(by: 1)
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance(by: 1) }
            guard digits() > 0 else { throw failure("invalid number: expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    // MARK: Cursor

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func matches(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        return offset + utf8.count <= bytes.count && bytes[offset..<offset + utf8.count].elementsEqual(utf8)
    }

    /// Moves on by `count` bytes, counting lines, and columns in Unicode scalars.
    private mutating func advance(by count: Int) {
        for _ in 0..<count where offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    private mutating func skipBOM() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance(by: 1) }
    }

    private var here: SourceLocation { SourceLocation(file: file, line: Int(line), column: Int(column)) }

    private func failure(_ message: String) -> Failure {
        Failure(diagnostic: Diagnostic(.error, message, id: DiagnosticID.jsonSyntax, at: here))
    }

    private func describePeek() -> String {
        peek().map(describe) ?? "the end of the file"
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
