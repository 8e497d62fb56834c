import APIModel
import Foundation

/// Doc comments from spec text. The text is the spec's own; it goes into `///` lines, one per
/// line of text, so nothing in it can end the comment or become code.
enum DocComment {
    /// Writes `///` lines for the paragraphs given; nil and empty paragraphs are skipped, and
    /// paragraphs are separated by an empty `///` line.
    static func write(_ writer: CodeWriter, _ paragraphs: [String?]) {
        let kept = paragraphs.compactMap { $0.map(clean) }.filter { !$0.isEmpty }
        for (index, paragraph) in kept.enumerated() {
            if index > 0 { writer.line("///") }
            for line in paragraph.split(separator: "\n", omittingEmptySubsequences: false) {
                writer.line(line.isEmpty ? "///" : "/// " + line)
            }
        }
    }

    /// Text with line breaks normalised, trailing blanks and blank edges removed.
    static func clean(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{2028}", with: "\n").replacingOccurrences(of: "\u{2029}", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return String(line)
        }
        var start = 0, end = lines.count
        while start < end, lines[start].isEmpty { start += 1 }
        while end > start, lines[end - 1].isEmpty { end -= 1 }
        return lines[start..<end].joined(separator: "\n")
    }

    /// The first sentence or line of a text, for short summaries.
    static func firstLine(_ text: String?) -> String? {
        guard let text else { return nil }
        return clean(text).split(separator: "\n").first.map(String.init)
    }
}
