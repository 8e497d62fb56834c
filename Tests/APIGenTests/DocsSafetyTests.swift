import APIGenCore
import APIModel
@testable import DocsEmitter
import Testing

/// Spec text reaches Markdown and HTML only through their escaping functions: no script,
/// no `javascript:` link, no raw HTML, whatever the spec says.
@Suite struct DocsSafetyTests {
    @Test func hostileSpecTextInjectsNothing() throws {
        let fixture = try #require(Fixture.all.first { $0.name == "hostile-text" })
        let outcome = fixture.generate()
        let docs = try #require(outcome.outputs.first { $0.directory == "Docs" })
        let html = try #require(docs.files.first { $0.path == "index.html" }).contents
        let lowerHTML = html.lowercased()
        #expect(!lowerHTML.contains("<script>alert"))
        #expect(!lowerHTML.contains("href=\"javascript:"))
        #expect(!lowerHTML.contains("href=\"data:"))
        #expect(!lowerHTML.contains("<img src=x"))
        #expect(!lowerHTML.contains("<iframe"))
        #expect(!lowerHTML.contains("</textarea>"))
        // The page's own scripts are the only ones: the theme, the search index (JSON) and the page's.
        #expect(lowerHTML.components(separatedBy: "<script").count == 4)
        #expect(lowerHTML.components(separatedBy: "<script>").count == 3)
        let index = try #require(html.firstRange(of: "<script type=\"application/json\" id=\"apigen-index\">"))
        let json = html[index.upperBound...].prefix { $0 != "<" }
        #expect(html[json.endIndex...].hasPrefix("</script>"), "the index holds no '<': nothing in it can end its element")
        #expect(json.contains("\\u003cscript\\u003e"))
        #expect(html.contains("<a href=\"https://example.com/docs\">real link</a>"))
        #expect(html.contains("&lt;script&gt;alert"))
        for file in docs.files where file.path.hasSuffix(".md") {
            // Code (spans and fenced blocks) shows as written and is no HTML; the rest must
            // hold no HTML tag and no link to an unsafe target.
            let prose = Self.withoutCode(file.contents).lowercased()
            #expect(!prose.contains("<script"), "\(file.path)")
            #expect(!prose.contains("<img"), "\(file.path)")
            #expect(!prose.contains("<iframe"), "\(file.path)")
            #expect(prose.firstMatch(of: /[^\\]\]\((javascript|data):/) == nil, "\(file.path)")
        }
    }

    /// Underscores inside words are text, as in CommonMark: Quay's `READ_ONLY` is no emphasis.
    @Test func underscoresInsideWordsAreNotEmphasis() {
        #expect(SpecText.inlines("NORMAL, READ_ONLY or MARKED_FOR_DELETION") == [.text("NORMAL, READ_ONLY or MARKED_FOR_DELETION")])
        #expect(SpecText.inlines("a _real_ emphasis") == [.text("a "), .emphasis([.text("real")]), .text(" emphasis")])
        #expect(SpecText.inlines("snake_case and _this_") == [.text("snake_case and "), .emphasis([.text("this")])])
        #expect(SpecText.inlines("*starred*word") == [.emphasis([.text("starred")]), .text("word")])
    }

    /// Markdown without fenced code blocks and code spans.
    static func withoutCode(_ markdown: String) -> String {
        var out = ""
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "`") {
                let ticks = rest[open...].prefix { $0 == "`" }
                out += rest[..<open]
                let afterOpen = rest[ticks.endIndex...]
                guard let close = afterOpen.firstRange(of: String(ticks)) else { rest = afterOpen; break }
                rest = afterOpen[close.upperBound...]
            }
            out += rest + "\n"
        }
        return out
    }

    @Test(arguments: [
        ("plain words", "plain words"),
        ("a | b", "a \\| b"),
        ("*not* _em_ `code` [link](x) ~~s~~", "\\*not\\* \\_em\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("e.g. namespace/name", "e.g. namespace/name"),
        ("x & y\nz", "x &amp; y z"),
        ("back\\slash", "back\\\\slash"),
        ("crlf\r\nand cr\rend", "crlf and cr end"),
        ("  + indented", "  \\+ indented"),
        ("12) item", "12\\) item"),
        ("née → ok_ay", "née → ok\\_ay"),
    ])
    func markdownEscapingShowsTheTextAsWritten(_ text: String, _ expected: String) {
        #expect(MarkdownEscape.text(text) == expected)
    }

    @Test func markdownCodeSpansFenceBackticks() {
        #expect(MarkdownEscape.code("plain") == "`plain`")
        #expect(MarkdownEscape.code("a`b") == "``a`b``")
        #expect(MarkdownEscape.code("`x`") == "`` `x` ``")
        #expect(MarkdownEscape.code("a|b") == "`a\\|b`")
        #expect(MarkdownEscape.code("two\r\nlines\nhere") == "`two lines here`")
        #expect(MarkdownEscape.fence(for: "```\ncode\n````") == "`````")
    }

    @Test func htmlEscapingCoversTextAndAttributes() {
        #expect(HTMLEscape.text(#"<a href="x" onclick='y'>&</a>"#) == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        var between: [UInt8] = []
        HTMLEscape.append(#"<b>"q" 'x' & y</b>"#, to: &between, quotes: false)
        #expect(String(decoding: between, as: UTF8.self) == #"&lt;b&gt;"q" 'x' &amp; y&lt;/b&gt;"#)
    }

    /// Node values escape every value at the leaves: text, attribute values, doc blocks.
    @Test func htmlNodesEscapeTheirValues() {
        let node = HTMLNode.tag("div", [.class(#"a" onclick="x"#), .init("data-type", "<T>")], [
            .text("<script>alert('x')</script>"), .inlines([.code("</code>")]), .void("input", [.flag("hidden")]),
            .tag("p", [.init("title", #"say "hi""#)], text: #"<b>"q" & 'x'</b>"#),
        ])
        #expect(node.rendered == #"<div class="a&quot; onclick=&quot;x" data-type="&lt;T&gt;">"#
            + "&lt;script&gt;alert('x')&lt;/script&gt;<code>&lt;/code&gt;</code><input hidden>\n"
            + #"<p title="say &quot;hi&quot;">&lt;b&gt;"q" &amp; 'x'&lt;/b&gt;</p>"# + "\n</div>\n")
    }

    /// Doc inlines: quotes stay as they are between tags, and are escaped in a link's URL.
    @Test func htmlRendererEscapesTextAndURLs() {
        let inlines: [Inline] = [.text(#"a "quote" <i>"#), .code(#"{"k": "<v>"}"#), .link([.text("x")], url: #"https://e.com/?q="a"&b"#)]
        #expect(HTMLRenderer.inline(inlines) == #"a "quote" &lt;i&gt;<code>{"k": "&lt;v&gt;"}</code><a href="https://e.com/?q=&quot;a&quot;&amp;b">x</a>"#)
        #expect(HTMLEscape.text(#"<"x">"#, quotes: false) == #"&lt;"x"&gt;"#)
    }

    /// The search index's strings cannot end their script element or start a comment.
    @Test func scriptStringsAreInertInAScriptElement() {
        var out: [UInt8] = []
        JSONText.scriptString("</script><!-- \"q\" \\ & \u{2028}\n\u{1}é", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""\u003c/script\u003e\u003c!-- \"q\" \\ \u0026 \u2028\n\u0001é""#)
        out = []
        JSONText.scriptString("plain text", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""plain text""#)
    }

    /// Examples read as indented JSON, members in order.
    @Test func examplesArePrettyJSON() {
        let value = SpecValue.object([.init("b", .array([.int(1), .string("x")])), .init("a", .object([])), .init("c", .null)])
        #expect(JSONText.pretty(value) == "{\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"a\": {},\n  \"c\": null\n}")
    }

    @Test(arguments: [
        ("https://example.com", "https://example.com"),
        ("http://x", "http://x"),
        ("mailto:a@example.com", "mailto:a@example.com"),
        ("#anchor", "#anchor"),
        ("models.md#pet", "models.md#pet"),
        ("../docs/page", "../docs/page"),
        ("javascript:alert(1)", nil),
        ("JavaScript:alert(1)", nil),
        (" javascript:alert(1)", nil),
        ("data:text/html,x", nil),
        ("vbscript:x", nil),
        ("https://x\" onclick=\"y", nil),
    ] as [(String, String?)])
    func onlySafeLinkTargetsPass(_ url: String, _ expected: String?) {
        #expect(SafeURL.check(url) == expected)
    }

    @Test func specMarkdownKeepsItsFormattingAndDropsUnsafeLinks() {
        let blocks = SpecText.blocks("Some **bold** and `code`, a [good](https://e.com) and a [bad](javascript:x).\n\n- one\n- two")
        #expect(MarkdownRenderer.render(blocks) == "Some **bold** and `code`, a [good](https://e.com) and a \\[bad\\](javascript:x).\n\n- one\n- two\n")
        #expect(HTMLRenderer.render(blocks) == "<p>Some <strong>bold</strong> and <code>code</code>, a <a href=\"https://e.com\">good</a> and a [bad](javascript:x).</p>\n<ul><li><p>one</p></li><li><p>two</p></li></ul>")
    }
}
