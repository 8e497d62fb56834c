/// The one writer every emitter uses: lines, blank lines, indentation and braced blocks.
/// Nothing reformats its output afterwards; what it writes is what ships.
public final class CodeWriter {
    /// Everything written so far, each line ending in a newline.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The UTF-8 written so far: appending bytes is several times cheaper than appending to a
    /// `String`, and emitters write hundreds of thousands of lines for a large spec.
    ///
    /// A writer belongs to one emitter on one thread and its methods never overlap, so the
    /// run-time exclusivity checks on its state (a tenth of emitting) are left out.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var level = 0
    private let unit: [UInt8]
    /// The indentation of each level met so far.
    @exclusivity(unchecked) private var indentation: [[UInt8]] = [[]]
    /// What the last line was, for `blank()` and `block`.
    @exclusivity(unchecked) private var lastLine = LastLine.none

    private enum LastLine {
        case none, blank, opensBlock, other
    }

    private static let newline = UInt8(ascii: "\n")

    /// A writer indenting by `unit` (four spaces for Swift, two for HTML), starting `level`
    /// levels in (for code that goes inside an enclosing declaration).
    public init(indentUnit: String = "    ", level: Int = 0) {
        self.unit = Array(indentUnit.utf8)
        self.level = level
    }

    /// Writes one line at the current indentation; an empty string writes a blank line.
    public func line(_ text: String) {
        line(text, "")
    }

    /// Writes `head` and `tail` as one line, without joining them first.
    public func line(_ head: String, _ tail: Substring) {
        if head.isEmpty && tail.isEmpty {
            bytes.append(Self.newline)
            lastLine = .blank
            return
        }
        while indentation.count <= level { indentation.append(indentation[indentation.count - 1] + unit) }
        bytes.append(contentsOf: indentation[level])
        var head = head, tail = tail
        head.withUTF8 { bytes.append(contentsOf: $0) }
        tail.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(Self.newline)
        lastLine = bytes[bytes.count - 2] == UInt8(ascii: "{") ? .opensBlock : .other
    }

    /// Writes several lines.
    public func lines(_ texts: [String]) {
        texts.forEach(line)
    }

    /// Writes a blank line, unless the last line is blank already, opens a block, or nothing
    /// is written yet.
    public func blank() {
        if lastLine == .other { line("") }
    }

    /// Writes `body` one level deeper.
    public func indent(_ body: () -> Void) {
        level += 1
        body()
        level -= 1
    }

    /// Writes `header {`, `body` one level deeper, and `}` (plus `suffix`, such as `)`).
    public func block(_ header: String, suffix: String = "", _ body: () -> Void) {
        line(header, " {")
        indent(body)
        if lastLine == .blank { bytes.removeLast() }
        line("}", suffix[...])
    }

    /// Writes `switch subject {`, the cases at the switch's own level, as Swift style has them, and `}`.
    public func switchBlock(_ subject: String, _ cases: () -> Void) {
        line("switch \(subject) {")
        cases()
        line("}")
    }
}
