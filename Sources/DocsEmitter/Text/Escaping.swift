
/// The one function that turns text into Markdown that shows exactly that text.
enum MarkdownEscape {
    /// Backslash-escapes what Markdown or GFM could read as syntax anywhere in a line
    /// (`\\ ` `` ` `` `*` `_` `[` `]` `|` `~`), what could start a block at the start of the text
    /// (`#`, `+`, `-`, `=`, `>`, `1.`), and writes `<`, `>` and `&` as entities so no HTML can
    /// start. Line breaks become spaces: a leaf is one line of text.
    static func text(_ text: String) -> String {
        // Byte by byte: everything that needs escaping is ASCII, and the bytes of other
        // characters (0x80 and up) pass through untouched.
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        let firstVisible = bytes.firstIndex { $0 != UInt8(ascii: " ") }
        let leadingDigits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                out += [UInt8(ascii: "\\"), byte]
            case let mark where index == firstVisible && (mark == UInt8(ascii: "#") || mark == UInt8(ascii: "+")
                                                          || mark == UInt8(ascii: "-") || mark == UInt8(ascii: "=")):
                out += [UInt8(ascii: "\\"), byte]
            case let mark where (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")")) && leadingDigits > 0 && index == leadingDigits:
                // "1." or "1)" starting the text would begin a list.
                out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                out.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline code: as many backticks around it as it needs, spaced when it starts or ends with
    /// one. Line breaks become spaces and `|` is escaped, so the code can sit in a table cell.
    static func code(_ code: String) -> String {
        var flat: [UInt8] = []
        var longest = 0, run = 0
        var previous: UInt8 = 0
        for byte in code.utf8 {
            defer { previous = byte }
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): flat.append(UInt8(ascii: " "))
            case UInt8(ascii: "|"): flat += [UInt8(ascii: "\\"), byte]
            default: flat.append(byte)
            }
        }
        let text = String(decoding: flat, as: UTF8.self)
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.first == UInt8(ascii: "`") || flat.last == UInt8(ascii: "`") || flat.isEmpty ? " \(text) " : text
        return fence + padded + fence
    }

    /// A fence longer than any run of backticks in the code.
    static func fence(for code: String) -> String {
        var longest = 0, run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// The one function that turns text into HTML that shows exactly that text.
enum HTMLEscape {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    /// Between tags (`quotes: false`) quotes need no escaping and are left as they are.
    static func text(_ text: String, quotes: Bool = true) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out, quotes: quotes)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``text(_:)``, appended to a page's bytes. Between tags (`quotes: false`) quotes need no
    /// escaping and are left as they are, which keeps JSON examples half the size.
    static func append(_ text: String, to out: inout [UInt8], quotes: Bool = true) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: isSpecial) else { return out.append(contentsOf: bytes) }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\"") where !quotes, UInt8(ascii: "'") where !quotes: out.append(byte)
                case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]                 // &amp;
                case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]                       // &lt;
                case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]                       // &gt;
                case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]          // &quot;
                case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]                 // &#39;
                default: out.append(byte)
                }
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
