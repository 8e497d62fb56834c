/// The text of one source file, kept so diagnostics can quote the offending line.
public struct SourceText: Sendable {
    /// The path as given.
    public let path: String
    private let bytes: [UInt8]
    /// Byte offsets where each line starts.
    private let lineStarts: [Int]

    /// Wraps the bytes of a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// What a diagnostic quotes of a 1-based line: the line without its indentation and the
    /// caret's offset in it, for the 1-based `column` (in Unicode scalars). A line longer than
    /// `width` bytes (a minified JSON document is one line) is cut to a window around the column,
    /// with `…` where it was cut, so a diagnostic never prints megabytes. Nil for a blank line.
    public func excerpt(line number: Int, column: Int, width: Int = 160) -> (text: String, caret: Int)? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let lineStart = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = lineStart
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        guard start < end else { return nil }
        // The column's byte: `column - 1` scalars from the line's start.
        var at = lineStart
        var scalars = 1
        while at < end, scalars < column {
            at += 1
            while at < end, bytes[at] & 0xC0 == 0x80 { at += 1 }
            scalars += 1
        }
        at = max(at, start)
        var from = start, to = end
        if end - start > width {
            from = max(start, at - width / 2)
            while from > start, bytes[from] & 0xC0 == 0x80 { from -= 1 }
            to = min(end, from + width)
            while to < end, bytes[to] & 0xC0 == 0x80 { to += 1 }
        }
        let cutLeft = from > start, cutRight = to < end
        let shown = String(decoding: bytes[from..<to], as: UTF8.self)
        let caret = (cutLeft ? 1 : 0) + String(decoding: bytes[from..<min(at, to)], as: UTF8.self).unicodeScalars.count
        return ((cutLeft ? "…" : "") + shown + (cutRight ? "…" : ""), caret)
    }

    /// The text of a 1-based line, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start <= end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
