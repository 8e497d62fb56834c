import APIModel

/// A tag's chapter on the HTML page: its title and description, then its operations.
struct ChapterView {
    let site: DocsSite
    let group: DocsSite.Group

    func node() -> HTMLNode {
        let id = "tag-" + GitHubAnchor.slug(group.name)
        return .tag("section", [.class("chapter"), .id(id)], [
            .tag("div", [.class("chapter-head")], [
                .tag("h2", [.class("chapter-title"), .id(id + "--title")], text: group.name),
                .blocks(SpecText.blocks(group.description)),
            ]),
            .fragment(group.operations.map { OperationView(site: site, operation: $0, isReceiver: group.isReceiver).node() }),
        ])
    }
}

/// One named type's own view: what it is, its fields (or values, or variants), an example
/// when the spec gives one, and where it is used. Its anchor is `#model-NAME`.
struct TypeView {
    let site: DocsSite
    let type: NamedType

    func node() -> HTMLNode {
        let id = String(LinkStyle.html.model(type.name).dropFirst())
        var nodes: [HTMLNode] = [
            .tag("h3", [.class("type-title"), .id(id + "--title")], [.tag("a", [.href("#" + id)], text: type.name)]),
            .tag("p", [.class("meta")], origin()),
        ]
        if let title = type.title { nodes.append(.tag("p", [], [.tag("strong", [], [.inlines(SpecText.inlines(title))])])) }
        nodes.append(.blocks(SpecText.blocks(type.description)))
        nodes.append(SchemaView(site: site).content(type))
        if let example = type.examples.first {
            nodes.append(.tag("p", [.class("group-label")], text: "Example"))
            nodes.append(.tag("pre", [], [.tag("code", text: JSONText.pretty(example)), HTMLPage.copyButton]))
        }
        nodes.append(usedBy())
        return .tag("section", [.class("type-view"), .id(id)], nodes)
    }

    /// "object · the spec's `Pet` schema".
    private func origin() -> [HTMLNode] {
        let kind: String
        switch type.kind {
        case .object: kind = "object"
        case .enumeration(let enumeration): kind = "\(enumeration.rawType.rawValue) enum"
        case .union(let union): kind = union.kind == .oneOf ? "one of several types" : "any of several types"
        case .alias: kind = "another name"
        }
        var nodes: [HTMLNode] = [.text(kind)]
        if type.deprecated { nodes += [.text(" "), .tag("span", [.class("badge warn")], text: "deprecated")] }
        if type.origin == .inline {
            nodes += [.text(" · written in place at "), .tag("code", text: type.specName)]
        } else if type.specName != type.name {
            nodes += [.text(" · the spec's "), .tag("code", text: type.specName), .text(" schema")]
        }
        return nodes
    }

    /// The operations that mention the type, then the types that hold it.
    private func usedBy() -> HTMLNode {
        let operations = site.usedBy(type.name)
        let holders = site.partOf[type.name] ?? []
        guard !operations.isEmpty || !holders.isEmpty else {
            return .tag("p", [.class("muted")], text: "Not used by any operation.")
        }
        var items: [HTMLNode] = operations.map { operation -> HTMLNode in
            .tag("li", [], [.tag("a", [.href("#" + operation.operationId)], [
                HTMLPage.badge(operation.method), .text(" "), .text(OperationView.title(operation)),
            ])])
        }
        items += holders.map { holder in
            .tag("li", [], [.text("a field of "), .tag("a", [.href(LinkStyle.html.model(holder))], [.tag("code", text: holder)])])
        }
        return .tag("div", [.class("used-by")], [.tag("p", [.class("group-label")], text: "Used by"), .tag("ul", [], items)])
    }
}
