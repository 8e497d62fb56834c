
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

/// Renders doc nodes as HTML.
enum HTMLRenderer {
    static func render(_ blocks: [Block]) -> String {
        blocks.map(render).joined(separator: "\n")
    }

    static func render(_ block: Block) -> String {
        switch block {
        case let .heading(level, content, id):
            let anchor = id.map { " id=\"\(HTMLEscape.text($0))\"" } ?? ""
            return "<h\(level)\(anchor)>\(inline(content))</h\(level)>"
        case .paragraph(let content):
            return "<p>\(inline(content))</p>"
        case let .list(items, ordered):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>" + items.map { "<li>" + $0.map(render).joined() + "</li>" }.joined() + "</\(tag)>"
        case let .code(code, language):
            let lang = language.isEmpty ? "" : " data-lang=\"\(HTMLEscape.text(language))\""
            return "<pre\(lang)><code>\(HTMLEscape.text(code))</code></pre>"
        case let .table(header, rows):
            let head = "<thead><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>"
            let body = "<tbody>" + rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody>"
            return "<div class=\"table\"><table>\(head)\(body)</table></div>"
        case .note(let content):
            return "<p class=\"note\">\(inline(content))</p>"
        }
    }

    static func inline(_ content: [Inline]) -> String {
        content.map { node in
            switch node {
            case .text(let text): return HTMLEscape.text(text)
            case .code(let code): return "<code>\(HTMLEscape.text(code))</code>"
            case .strong(let inner): return "<strong>\(inline(inner))</strong>"
            case .emphasis(let inner): return "<em>\(inline(inner))</em>"
            case let .link(label, url): return "<a href=\"\(HTMLEscape.text(url))\">\(inline(label))</a>"
            case .lineBreak: return "<br>"
            }
        }.joined()
    }
}
