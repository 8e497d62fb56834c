/// Renders doc nodes as HTML, appending to a page's bytes. Every string from the spec goes
/// through ``HTMLEscape``: text and code between tags, URLs and ids in attribute values.
enum HTMLRenderer {
    static func render(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        render(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func inline(_ content: [Inline]) -> String {
        var out: [UInt8] = []
        inline(content, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Blocks, a line break between two.
    static func render(_ blocks: [Block], into out: inout [UInt8]) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            render(block, into: &out)
        }
    }

    static func render(_ block: Block, into out: inout [UInt8]) {
        switch block {
        case let .heading(level, content, id):
            out += Array("<h\(level)".utf8)
            if let id { attribute("id", id, into: &out) }
            out.append(UInt8(ascii: ">"))
            inline(content, into: &out)
            out += Array("</h\(level)>".utf8)
        case .paragraph(let content):
            element("p", content, into: &out)
        case let .list(items, ordered):
            out += Array((ordered ? "<ol>" : "<ul>").utf8)
            for item in items {
                out += Array("<li>".utf8)
                for block in item { render(block, into: &out) }
                out += Array("</li>".utf8)
            }
            out += Array((ordered ? "</ol>" : "</ul>").utf8)
        case let .code(code, language):
            out += Array("<pre".utf8)
            if !language.isEmpty { attribute("data-lang", language, into: &out) }
            out += Array("><code>".utf8)
            HTMLEscape.append(code, to: &out, quotes: false)
            out += Array("</code></pre>".utf8)
        case let .table(header, rows):
            out += Array("<div class=\"table\"><table><thead><tr>".utf8)
            for cell in header { element("th", cell, into: &out) }
            out += Array("</tr></thead><tbody>".utf8)
            for row in rows {
                out += Array("<tr>".utf8)
                for cell in row { element("td", cell, into: &out) }
                out += Array("</tr>".utf8)
            }
            out += Array("</tbody></table></div>".utf8)
        case .note(let content):
            out += Array("<p class=\"note\">".utf8)
            inline(content, into: &out)
            out += Array("</p>".utf8)
        }
    }

    static func inline(_ content: [Inline], into out: inout [UInt8]) {
        for node in content {
            switch node {
            case .text(let text): HTMLEscape.append(text, to: &out, quotes: false)
            case .code(let code):
                out += Array("<code>".utf8)
                HTMLEscape.append(code, to: &out, quotes: false)
                out += Array("</code>".utf8)
            case .strong(let inner): element("strong", inner, into: &out)
            case .emphasis(let inner): element("em", inner, into: &out)
            case let .link(label, url):
                out += Array("<a".utf8)
                attribute("href", url, into: &out)
                out.append(UInt8(ascii: ">"))
                inline(label, into: &out)
                out += Array("</a>".utf8)
            case .lineBreak: out += Array("<br>".utf8)
            }
        }
    }

    /// `<tag>content</tag>`.
    private static func element(_ tag: String, _ content: [Inline], into out: inout [UInt8]) {
        out += Array("<\(tag)>".utf8)
        inline(content, into: &out)
        out += Array("</\(tag)>".utf8)
    }

    /// ` name="value"`, the value escaped.
    private static func attribute(_ name: String, _ value: String, into out: inout [UInt8]) {
        out += Array(" \(name)=\"".utf8)
        HTMLEscape.append(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }
}
