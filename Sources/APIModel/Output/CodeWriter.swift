/// The one writer every emitter uses: lines, blank lines, indentation and braced blocks.
/// Nothing reformats its output afterwards; what it writes is what ships.
public final class CodeWriter {
    /// Everything written so far, each line ending in a newline.
    public private(set) var text = ""
    private var level = 0
    private let unit: String
    /// The indentation of each level met so far.
    private var indentation: [String] = [""]
    /// What the last line was, for `blank()` and `block`.
    private var lastLine = LastLine.none

    private enum LastLine {
        case none, blank, opensBlock, other
    }

    /// A writer indenting by `unit` (four spaces for Swift, two for HTML), starting `level`
    /// levels in (for code that goes inside an enclosing declaration).
    public init(indentUnit: String = "    ", level: Int = 0) {
        self.unit = indentUnit
        self.level = level
    }

    /// Writes one line at the current indentation; an empty string writes a blank line.
    public func line(_ text: String) {
        if text.isEmpty {
            self.text.append("\n")
            lastLine = .blank
            return
        }
        while indentation.count <= level { indentation.append(indentation[indentation.count - 1] + unit) }
        self.text.append(indentation[level])
        self.text.append(text)
        self.text.append("\n")
        lastLine = text.utf8.last == UInt8(ascii: "{") ? .opensBlock : .other
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
        line(header + " {")
        indent(body)
        if lastLine == .blank { text.unicodeScalars.removeLast() }
        line("}" + suffix)
    }

    /// Writes `switch subject {`, the cases at the switch's own level, as Swift style has them, and `}`.
    public func switchBlock(_ subject: String, _ cases: () -> Void) {
        line("switch \(subject) {")
        cases()
        line("}")
    }
}
