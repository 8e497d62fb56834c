/// Renders doc nodes as GitHub-flavoured Markdown.
enum MarkdownRenderer {
    static func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined(separator: "\n\n") + "\n"
    }

    static func render(_ block: Block) -> String {
        switch block {
        case let .heading(level, content, _):
            return String(repeating: "#", count: level) + " " + inline(content)
        case .paragraph(let content):
            return inline(content)
        case let .list(items, ordered):
            return items.enumerated().map { index, blocks in
                let marker = ordered ? "\(index + 1). " : "- "
                let body = blocks.map(render).joined(separator: "\n\n")
                return marker + body.replacing("\n", with: "\n" + String(repeating: " ", count: marker.count))
            }.joined(separator: "\n")
        case let .code(code, language):
            let fence = MarkdownEscape.fence(for: code)
            return "\(fence)\(language)\n\(code)\n\(fence)"
        case let .table(header, rows):
            var lines = ["| " + header.map(cell).joined(separator: " | ") + " |",
                         "|" + String(repeating: "---|", count: header.count)]
            for row in rows {
                let padded = row + Array(repeating: [Inline](), count: max(0, header.count - row.count))
                lines.append("| " + padded.prefix(header.count).map(cell).joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n")
        case .note(let content):
            return "> " + inline(content)
        }
    }

    /// A table cell: inline content on one line (pipes are escaped at the leaves).
    private static func cell(_ content: [Inline]) -> String {
        content.isEmpty ? "" : inline(content)
    }

    static func inline(_ content: [Inline]) -> String {
        content.map { node in
            switch node {
            case .text(let text): return MarkdownEscape.text(text)
            case .code(let code): return MarkdownEscape.code(code)
            case .strong(let inner): return "**" + inline(inner) + "**"
            case .emphasis(let inner): return "*" + inline(inner) + "*"
            case let .link(label, url): return "[" + inline(label) + "](" + url.replacing(")", with: "%29").replacing(" ", with: "%20") + ")"
            case .lineBreak: return "<br>"
            }
        }.joined()
    }
}
