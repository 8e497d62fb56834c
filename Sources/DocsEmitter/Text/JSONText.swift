import APIModel

/// JSON as the docs show it: examples indented for reading, and the search index as data a
/// `<script type="application/json">` element can hold.
enum JSONText {
    /// A value indented by two spaces, members in order: what a response example looks like
    /// in the code panel and in the Markdown. Deterministic.
    static func pretty(_ value: SpecValue) -> String {
        var out = ""
        write(value, indent: "", to: &out)
        return out
    }

    private static func write(_ value: SpecValue, indent: String, to out: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += inner + SpecValue.quoted(member.key) + ": "
                write(member.value, indent: inner, to: &out)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            out += value.jsonText
        }
    }

    /// A JSON string literal that is also inert inside a `<script>` element: `<`, `>` and `&`
    /// are written as `\u003c`, `\u003e` and `\u0026` (so no `</script>` or `<!--` can appear),
    /// and so are U+2028 and U+2029. The one function the search index's strings go through.
    static func scriptString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most strings need nothing escaped: their bytes go in as they are.
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 && $0 != 0xE2 }
        if plain { return out.append(contentsOf: text.utf8) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [0x5C, 0x22]
            case "\\": out += [0x5C, 0x5C]
            case "\n": out += [0x5C, UInt8(ascii: "n")]
            case "\r": out += [0x5C, UInt8(ascii: "r")]
            case "\t": out += [0x5C, UInt8(ascii: "t")]
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += [0x5C, UInt8(ascii: "u")] + hex4(scalar.value)
            case let control where control.value < 0x20:
                out += [0x5C, UInt8(ascii: "u")] + hex4(control.value)
            default:
                UTF8.encode(scalar) { out.append($0) }
            }
        }
    }

    private static func hex4(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
    }
}
