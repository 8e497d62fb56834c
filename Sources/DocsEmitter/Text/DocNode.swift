
/// The docs as small node values, rendered to Markdown and to HTML by one renderer each. Spec
/// text enters only as `text` and `code` leaves, which each renderer escapes with its one
/// escaping function; links carry only URLs that passed ``SafeURL``.
indirect enum Inline: Equatable, Sendable {
    /// Plain text, escaped when rendered.
    case text(String)
    /// Inline code.
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    /// A link to a safe URL (http, https, mailto, a relative path or an anchor).
    case link([Inline], url: String)
    /// A hard line break.
    case lineBreak
}

/// A block of docs.
indirect enum Block: Equatable, Sendable {
    case heading(level: Int, [Inline], id: String?)
    case paragraph([Inline])
    /// A list of items, each a list of blocks.
    case list([[Block]], ordered: Bool)
    /// A fenced code block.
    case code(String, language: String)
    /// A table: header cells, then rows of cells.
    case table(header: [[Inline]], rows: [[[Inline]]])
    /// A note set apart (GitHub's "> **Note**").
    case note([Inline])
}

extension Inline {
    /// Plain words.
    static func plain(_ text: String) -> [Inline] { [.text(text)] }
}

/// URLs a link may carry. Anything else (`javascript:`, `data:`, `vbscript:`, ...) makes the
/// link plain text.
enum SafeURL {
    static func check(_ url: String) -> String? {
        let trimmed = url.trimmingBlanks
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return nil }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("#") {
            return trimmed
        }
        // A relative reference has no scheme before its first '/', '?' or '#'.
        let head = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return head.contains(":") ? nil : trimmed
    }
}
