/// Checks that a file is text apigen can read: UTF-8, with no control characters but tab,
/// line feed and carriage return. A binary file fails here with a clear message instead of
/// deep inside a parser.
enum TextCheck {
    /// Nil when the bytes are fine; otherwise a `not-text` diagnostic at the first bad byte.
    static func check(_ bytes: [UInt8], file: String) -> Diagnostic? {
        // The common case in two fast passes; the scalar walk below only runs to find and place
        // a problem. Control characters are ASCII bytes, which never occur inside a multi-byte
        // UTF-8 sequence, so a byte scan finds them.
        let hasControl = bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
        if !hasControl, String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1, column = 1
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
                    || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    return notText("holds the control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex)",
                                   file: file, line: line, column: column)
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                offset += encoded.count
            case .error(let length):
                let byte = offset < bytes.count ? bytes[offset] : 0
                let hex = String(byte, radix: 16, uppercase: true)
                _ = length
                return notText("is not UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex))",
                               file: file, line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    private static func notText(_ what: String, file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(.error, "the file \(what); an OpenAPI document must be UTF-8 text",
                   id: DiagnosticID.notText, at: SourceLocation(file: file, line: line, column: column))
    }
}
