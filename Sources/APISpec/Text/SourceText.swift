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
