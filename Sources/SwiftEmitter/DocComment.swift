import APIModel

/// Doc comments from spec text. The text is the spec's own; it goes into `///` lines, one per
/// line of text, so nothing in it can end the comment or become code.
enum DocComment {
    /// Writes `///` lines for the paragraphs given; nil and empty paragraphs are skipped, and
    /// paragraphs are separated by an empty `///` line.
    static func write(_ writer: CodeWriter, _ paragraphs: [String?]) {
        let kept = paragraphs.compactMap { $0.map(clean) }.filter { !$0.isEmpty }
        for (index, paragraph) in kept.enumerated() {
            if index > 0 { writer.line("///") }
            // Line ends found on the contiguous UTF-8, then the lines cut out by offset.
            var text = paragraph
            let ends = text.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") } } + [text.utf8.count]
            let utf8 = paragraph.utf8
            var start = 0
            for end in ends {
                let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(utf8.startIndex, offsetBy: end)
                writer.line(start == end ? "///" : "/// ", paragraph[lower..<upper])
                start = end + 1
            }
        }
    }

    /// Text with line breaks normalised (CR LF, CR, U+2028 and U+2029 become LF), trailing
    /// blanks and blank edges removed. One pass over the UTF-8: this runs for every doc line.
    static func clean(_ text: String) -> String {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        if isClean(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        func endLine() {
            while let last = out.last, last == space || last == tab { out.removeLast() }
            out.append(newline)
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                endLine()
            } else if byte == carriageReturn {
                endLine()
                if index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                endLine() // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        endLine()
        let start = out.firstIndex { $0 != newline } ?? out.endIndex
        let end = out.lastIndex { $0 != newline }.map { $0 + 1 } ?? start
        return String(decoding: out[start..<max(start, end)], as: UTF8.self)
    }

    /// Whether `clean` would leave the text as it is: no CR or line separator, no blank at a
    /// line's end, no blank line at either edge. Nearly every spec text is.
    private static func isClean(_ text: String) -> Bool {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var text = text
        return text.withUTF8 { bytes in
            var previous = newline
            for byte in bytes {
                if byte == UInt8(ascii: "\r") || byte == 0xE2 { return false }
                if byte == newline && (previous == newline || previous == space || previous == tab) { return false }
                previous = byte
            }
            return previous != newline && previous != space && previous != tab
        }
    }

    /// The first sentence or line of a text, for short summaries.
    static func firstLine(_ text: String?) -> String? {
        guard let text else { return nil }
        return clean(text).split(separator: "\n").first.map(String.init)
    }
}
