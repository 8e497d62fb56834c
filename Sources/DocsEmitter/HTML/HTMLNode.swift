/// The HTML page as small node values. Tag and attribute names are compile-time constants;
/// every string from the spec enters as a text leaf, an attribute value or a doc ``Block``,
/// and ``HTMLNode/render(into:)`` escapes it with ``HTMLEscape``, the one escaping function.
/// The only markup that is not escaped is the page's own CSS and JavaScript (``asset``),
/// which are `StaticString`s: no value made at run time can reach the page unescaped.
///
/// Not `indirect`: the arrays already hold children out of line, so a node is no box of its
/// own, which keeps a page of a million elements quick to build and render.
enum HTMLNode: Sendable {
    /// `<tag attributes>children</tag>`.
    case element(StaticString, [HTMLAttribute], [HTMLNode])
    /// `<tag attributes>text</tag>`, the text escaped: the commonest element, without an array.
    case textElement(StaticString, [HTMLAttribute], String)
    /// A void element (`<meta>`, `<input>`): no children, no end tag.
    case void(StaticString, [HTMLAttribute])
    /// Text, escaped (`&`, `<`, `>`; quotes only in attribute values).
    case text(String)
    /// Doc blocks, through ``HTMLRenderer``.
    case blocks([Block])
    /// Doc inlines, through ``HTMLRenderer``.
    case inlines([Inline])
    /// The page's own CSS or JavaScript, written as it is.
    case asset(StaticString)
    /// Several nodes, with no element around them.
    case fragment([HTMLNode])

    /// An element with children.
    static func tag(_ name: StaticString, _ attributes: [HTMLAttribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes, children)
    }

    /// An element holding only text.
    static func tag(_ name: StaticString, _ attributes: [HTMLAttribute] = [], text: String) -> HTMLNode {
        .textElement(name, attributes, text)
    }

    /// Nothing. Made anew each time rather than kept in a static: an indirect enum case held in
    /// a global is stored with its tag in the pointer's spare bits, which LeakSanitizer (the
    /// fuzzer's) cannot follow, so it reported the node as leaked.
    static var empty: HTMLNode { .fragment([]) }
}

/// One attribute: a constant name and a value escaped when rendered; a nil value writes the
/// name alone (`hidden`, `open`).
struct HTMLAttribute: Sendable {
    let name: StaticString
    let value: String?

    init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }

    static func `class`(_ value: String) -> HTMLAttribute { .init("class", value) }
    static func id(_ value: String) -> HTMLAttribute { .init("id", value) }
    static func href(_ value: String) -> HTMLAttribute { .init("href", value) }
    static func label(_ value: String) -> HTMLAttribute { .init("aria-label", value) }
    /// A boolean attribute, present or not.
    static func flag(_ name: StaticString) -> HTMLAttribute { .init(name, nil) }
}

extension HTMLNode {
    /// Elements after whose end tag a line break keeps the page readable (and golden diffs
    /// small); none of them is whitespace-sensitive. Only after the end: each line break is a
    /// node in the browser's document, and a large page has a million elements.
    private static let blockEnds = ([
        "html", "head", "body", "header", "nav", "main", "section", "article", "aside", "div", "ul", "ol",
        "details", "table", "thead", "tbody", "dl", "footer",
        "li", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary", "tr", "title", "style", "script", "dt", "dd",
    ].map(stringKey))

    /// A tag name's bytes packed in a number (tag names are short ASCII): a scan of a few
    /// numbers, without making or hashing a `String` for each of a page's million elements.
    private static func stringKey(_ name: String) -> UInt64 {
        name.utf8.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func key(_ name: StaticString) -> UInt64 {
        name.withUTF8Buffer { $0.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
    }

    /// The page's bytes.
    func render(into out: inout [UInt8]) {
        switch self {
        case let .element(name, attributes, children):
            out.append(UInt8(ascii: "<"))
            Self.append(name, to: &out)
            Self.append(attributes, to: &out)
            out.append(UInt8(ascii: ">"))
            Self.render(children, into: &out)
            Self.end(name, to: &out)
        case let .textElement(name, attributes, text):
            out.append(UInt8(ascii: "<"))
            Self.append(name, to: &out)
            Self.append(attributes, to: &out)
            out.append(UInt8(ascii: ">"))
            HTMLEscape.append(text, to: &out, quotes: false)
            Self.end(name, to: &out)
        case let .void(name, attributes):
            out.append(UInt8(ascii: "<"))
            Self.append(name, to: &out)
            Self.append(attributes, to: &out)
            out += [UInt8(ascii: ">"), UInt8(ascii: "\n")]
        case .text(let text):
            HTMLEscape.append(text, to: &out, quotes: false)
        case .blocks(let blocks):
            guard !blocks.isEmpty else { return }
            HTMLRenderer.render(blocks, into: &out)
            out.append(UInt8(ascii: "\n"))
        case .inlines(let inlines):
            HTMLRenderer.inline(inlines, into: &out)
        case .asset(let text):
            Self.append(text, to: &out)
            out.append(UInt8(ascii: "\n"))
        case .fragment(let nodes):
            Self.render(nodes, into: &out)
        }
    }

    /// The page as text.
    var rendered: String {
        var out: [UInt8] = []
        render(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Nodes in order. By index: each is rendered where it lies, not copied out first as a
    /// `for` loop's iterator would.
    private static func render(_ nodes: [HTMLNode], into out: inout [UInt8]) {
        for index in nodes.indices { nodes[index].render(into: &out) }
    }

    /// `</tag>`, and a line break after a block.
    private static func end(_ name: StaticString, to out: inout [UInt8]) {
        out += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        append(name, to: &out)
        out.append(UInt8(ascii: ">"))
        if blockEnds.contains(key(name)) { out.append(UInt8(ascii: "\n")) }
    }

    private static func append(_ attributes: [HTMLAttribute], to out: inout [UInt8]) {
        for attribute in attributes {
            out.append(UInt8(ascii: " "))
            append(attribute.name, to: &out)
            if let value = attribute.value {
                out += [UInt8(ascii: "="), UInt8(ascii: "\"")]
                HTMLEscape.append(value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
