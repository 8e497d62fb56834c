
/// Reads a spec description (CommonMark, as OpenAPI says) into blocks: paragraphs, lists,
/// fenced code; inline code, strong, emphasis and links. Raw HTML is not HTML here: it is text,
/// and is escaped like any text. What this subset does not know stays as written.
enum SpecText {
    static func blocks(_ text: String?) -> [Block] {
        guard let text, !text.isEmpty else { return [] }
        let lines = Self.lines(text)
        var blocks: [Block] = []
        var paragraph: [String] = []
        var items: [[String]] = []
        var ordered = false
        var index = 0

        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inlines(paragraph.joined(separator: " ")))) }
            paragraph = []
        }
        func flushList() {
            if !items.isEmpty {
                blocks.append(.list(items.map { [.paragraph(inlines($0.joined(separator: " ")))] }, ordered: ordered))
            }
            items = []
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingBlanks
            if trimmed.hasPrefix("```") {
                flushParagraph(); flushList()
                let language = trimmed.dropFirst(3).trimmingBlanks
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingBlanks.hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                blocks.append(.code(code.joined(separator: "\n"), language: language))
                index += 1
                continue
            }
            if trimmed.isEmpty {
                flushParagraph(); flushList()
            } else if let item = listItem(trimmed) {
                flushParagraph()
                if !items.isEmpty, ordered != item.ordered { flushList() }
                ordered = item.ordered
                items.append([item.text])
            } else if !items.isEmpty, line.hasPrefix("  ") {
                items[items.count - 1].append(trimmed)
            } else {
                flushList()
                paragraph.append(trimmed)
            }
            index += 1
        }
        flushParagraph(); flushList()
        return blocks
    }

    /// The lines of a text, whichever of LF, CR LF or CR ends them.
    private static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(String(text[start..<index]))
                var next = text.utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next < text.utf8.endIndex, text.utf8[next] == UInt8(ascii: "\n") {
                    next = text.utf8.index(after: next)
                }
                start = next
                index = next
            } else {
                index = text.utf8.index(after: index)
            }
        }
        lines.append(String(text[start...]))
        return lines
    }

    /// `- text`, `* text`, `1. text`.
    private static func listItem(_ line: String) -> (text: String, ordered: Bool)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (String(line.dropFirst(2)), false) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count < 4, line.dropFirst(digits.count).hasPrefix(". ") {
            return (String(line.dropFirst(digits.count + 2)), true)
        }
        return nil
    }

    /// Inline markup of one paragraph.
    static func inlines(_ text: String) -> [Inline] {
        // Most text has no markup at all.
        let marks: [UInt8] = [UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "[")]
        guard text.utf8.contains(where: marks.contains) else { return text.isEmpty ? [] : [.text(text)] }
        var result: [Inline] = []
        var plain = ""
        var rest = Substring(text)
        func flush() {
            if !plain.isEmpty { result.append(.text(plain)); plain = "" }
        }
        while let character = rest.first {
            if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                flush()
                result.append(.code(String(rest[rest.index(after: rest.startIndex)..<end])))
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).firstRange(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                flush()
                result.append(.strong(inlines(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]))))
                rest = rest[end.upperBound...]
            } else if (character == "*" || character == "_"), !rest.hasPrefix("**"),
                      character == "*" || !Self.isWordCharacter(text[..<rest.startIndex].last),
                      let end = Self.closingDelimiter(character, in: rest), end > rest.index(after: rest.startIndex),
                      rest[rest.index(after: rest.startIndex)] != " " {
                flush()
                result.append(.emphasis(inlines(String(rest[rest.index(after: rest.startIndex)..<end]))))
                rest = rest[rest.index(after: end)...]
            } else if character == "[", let close = rest.firstIndex(of: "]"),
                      rest[close...].dropFirst().first == "(", let paren = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: rest.startIndex)..<close])
                let url = String(rest[rest.index(close, offsetBy: 2)..<paren])
                flush()
                if let safe = SafeURL.check(url) {
                    result.append(.link(inlines(label), url: safe))
                } else {
                    // An unsafe link shows as the text it is.
                    result.append(.text(String(rest[...paren])))
                }
                rest = rest[rest.index(after: paren)...]
            } else {
                // Up to the next character that could start markup, in one go.
                let run = rest.dropFirst().prefix { $0 != "`" && $0 != "*" && $0 != "_" && $0 != "[" }
                plain += rest[..<run.endIndex]
                rest = rest[run.endIndex...]
            }
        }
        flush()
        return result
    }

    /// Where the `*` or `_` that closes the one starting `rest` is. As in CommonMark, an
    /// underscore inside a word (`READ_ONLY`) neither opens nor closes emphasis.
    private static func closingDelimiter(_ mark: Character, in rest: Substring) -> Substring.Index? {
        var index = rest.index(after: rest.startIndex)
        while let found = rest[index...].firstIndex(of: mark) {
            let next = rest.index(after: found)
            if mark == "*" || !isWordCharacter(next < rest.endIndex ? rest[next] : nil) { return found }
            index = next
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        character.map { $0.isLetter || $0.isNumber } ?? false
    }
}
