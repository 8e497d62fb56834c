import APIModel

/// The navigation pane: the overview, each tag with its operations (method badge and summary),
/// and the types. The page's script marks the operation in view (`aria-current`). A link is
/// its method badge and its label, nothing more: a large API lists tens of thousands.
struct NavigationView {
    let site: DocsSite
    /// Whether the groups start open; a very large API starts with them closed.
    let openGroups: Bool

    func node() -> HTMLNode {
        var items: [HTMLNode] = [.tag("a", [.class("nav-top"), .href("#overview")], text: "Overview")]
        for group in site.groups {
            let links = group.operations.map { operation -> HTMLNode in
                .tag("li", [], [.tag("a", [.href("#" + operation.operationId), .init("title", operation.operationId)], [
                    HTMLPage.badge(operation.method, text: Self.shortMethod(operation.method)),
                    .tag("span", [], text: OperationView.title(operation)),
                ])])
            }
            items.append(self.group(title: group.name, count: group.operations.count, open: openGroups, links))
        }
        let types = site.model.types.map { type -> HTMLNode in
            .tag("li", [], [.tag("a", [.href(LinkStyle.html.model(type.name))], text: type.name)])
        }
        if !types.isEmpty { items.append(group(title: "Types", count: types.count, open: false, types, className: "nav-group nav-types")) }
        return .tag("nav", [.id("apigen-nav"), .class("nav"), .label("Contents")], items)
    }

    /// A fold of links; its summary is plain text, as a summary may hold no link.
    private func group(title: String, count: Int, open: Bool, _ links: [HTMLNode], className: String = "nav-group") -> HTMLNode {
        .tag("details", [.class(className)] + (open ? [.flag("open")] : []), [
            .tag("summary", [], [.tag("span", [.class("nav-group-title")], text: title), .tag("span", [.class("nav-count")], text: String(count))]),
            .tag("ul", [], links),
        ])
    }

    /// The badge's text in the narrow pane: `DELETE` and `OPTIONS` shortened.
    static func shortMethod(_ method: String) -> String {
        switch method {
        case "DELETE": return "DEL"
        case "OPTIONS": return "OPT"
        default: return method
        }
    }
}
