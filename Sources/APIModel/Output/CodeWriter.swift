/// The one writer every emitter uses: lines, blank lines, indentation and braced blocks.
/// Nothing reformats its output afterwards; what it writes is what ships.
public final class CodeWriter {
    private var lines: [String] = []
    private var level = 0
    private let unit: String

    /// A writer indenting by `unit` (four spaces for Swift, two for HTML), starting `level`
    /// levels in (for code that goes inside an enclosing declaration).
    public init(indentUnit: String = "    ", level: Int = 0) {
        self.unit = indentUnit
        self.level = level
    }

    /// Writes one line at the current indentation; an empty string writes a blank line.
    public func line(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: unit, count: level) + text)
    }

    /// Writes several lines.
    public func lines(_ texts: [String]) {
        texts.forEach(line)
    }

    /// Writes a blank line, unless the last line is blank already or nothing is written yet.
    public func blank() {
        if let last = lines.last, !last.isEmpty, !last.hasSuffix("{") { lines.append("") }
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
        if lines.last == "" { lines.removeLast() }
        line("}" + suffix)
    }

    /// Writes `switch subject {`, the cases at the switch's own level, as Swift style has them, and `}`.
    public func switchBlock(_ subject: String, _ cases: () -> Void) {
        line("switch \(subject) {")
        cases()
        line("}")
    }

    /// Everything written, each line ending in a newline.
    public var text: String {
        lines.map { $0 + "\n" }.joined()
    }
}
