
/// The one function that turns text into Markdown that shows exactly that text.
enum MarkdownEscape {
    /// Backslash-escapes what Markdown or GFM could read as syntax anywhere in a line
    /// (`\\ ` `` ` `` `*` `_` `[` `]` `|` `~`), what could start a block at the start of the text
    /// (`#`, `+`, `-`, `=`, `>`, `1.`), and writes `<`, `>` and `&` as entities so no HTML can
    /// start. Line breaks become spaces: a leaf is one line of text.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let characters = Array(text)
        let firstVisible = characters.firstIndex { $0 != " " }
        let leadingDigits = characters.prefix(while: \.isNumber).count
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\")
                out.append(character)
            case let mark where "#+-=".contains(mark) && index == firstVisible:
                out.append("\\")
                out.append(character)
            case let mark where (mark == "." || mark == ")") && leadingDigits > 0 && index == leadingDigits:
                // "1." or "1)" starting the text would begin a list.
                out.append("\\")
                out.append(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Inline code: as many backticks around it as it needs, spaced when it starts or ends with one.
    static func code(_ code: String) -> String {
        let flat = code.replacing("\n", with: " ").replacing("|", with: "\\|")
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// A fence longer than any run of backticks in the code.
    static func fence(for code: String) -> String {
        var longest = 0, run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// The one function that turns text into HTML that shows exactly that text.
enum HTMLEscape {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
