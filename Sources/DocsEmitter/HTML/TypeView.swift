import APIModel

/// One named type's own view: what it is, its fields (or values, or variants), an example
/// when the spec gives one, and where it is used. Its anchor is `#model-NAME`; the folds
/// elsewhere on the page copy its schema from here.
struct TypeView {
    let site: DocsSite
    let type: NamedType

    func node() -> HTMLNode {
        let id = String(LinkStyle.html.model(type.name).dropFirst())
        var nodes: [HTMLNode] = [
            .tag("h3", [.class("type-title")], [.tag("a", [.href("#" + id)], text: type.name)]),
            .tag("p", [.class("meta")], origin()),
        ]
        if let title = type.title { nodes.append(.tag("p", [], [.tag("strong", [], [.inlines(SpecText.inlines(title))])])) }
        nodes.append(.blocks(SpecText.blocks(type.description)))
        nodes.append(SchemaView(site: site).content(type))
        if let example = type.examples.first {
            nodes.append(.tag("h4", text: "Example"))
            nodes.append(.tag("pre", [], [.tag("code", text: JSONText.pretty(example))]))
        }
        nodes.append(.fragment(usedBy()))
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
        if type.deprecated { nodes += [.text(" "), SchemaView.badge("deprecated", "warn")] }
        if type.origin == .inline {
            nodes += [.text(" · written in place at "), .tag("code", text: type.specName)]
        } else if type.specName != type.name {
            nodes += [.text(" · the spec's "), .tag("code", text: type.specName), .text(" schema")]
        }
        return nodes
    }

    /// Above this many operations, a type's view lists the groups of the operations that use
    /// it, each with a count, rather than every operation; above this many types that hold
    /// it, it names them in one line. A large API's error type is used by thousands.
    static let listUpTo = 50

    /// The operations that mention the type, then the types that hold it.
    private func usedBy() -> [HTMLNode] {
        let operations = site.usedBy(type.name)
        let holders = site.partOf[type.name] ?? []
        guard !operations.isEmpty || !holders.isEmpty else {
            return [.tag("p", [.class("muted")], text: "Not used by any operation.")]
        }
        var items: [HTMLNode]
        if operations.count <= Self.listUpTo {
            items = operations.map { operation -> HTMLNode in
                .tag("li", [], [.tag("a", [.href("#" + operation.operationId)], [
                    HTMLPage.badge(operation.method), .text(" "), .text(OperationView.title(operation)),
                ])])
            }
        } else {
            items = byGroup(count: operations.count)
        }
        if holders.count <= Self.listUpTo {
            items += holders.map { holder in
                .tag("li", [], [.text("a field of "), .tag("a", [.href(LinkStyle.html.model(holder))], [.tag("code", text: holder)])])
            }
        } else {
            var line: [HTMLNode] = [.text("a field of \(holders.count) types: ")]
            for (index, holder) in holders.enumerated() {
                if index > 0 { line.append(.text(", ")) }
                line.append(.tag("a", [.href(LinkStyle.html.model(holder))], text: holder))
            }
            items.append(.tag("li", [], line))
        }
        return [.tag("h4", text: "Used by"), .tag("ul", [.class("used-by")], items)]
    }

    /// "12 operations in repository", a line per group (linking to its chapter), in order.
    private func byGroup(count: Int) -> [HTMLNode] {
        let counts = site.usedByGroup(type.name)
        var items: [HTMLNode] = [.tag("li", [], text: "\(count) operations, by group:")]
        for (index, group) in site.groups.enumerated() where counts[index] > 0 {
            let count = counts[index] == 1 ? "1 operation" : "\(counts[index]) operations"
            items.append(.tag("li", [], [.text(count + " in "), .tag("a", [.href(LinkStyle.html.group(group, site: site))], text: group.name)]))
        }
        return items
    }
}
