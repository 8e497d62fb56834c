import APIModel

/// A tag's chapter on the HTML page: its title and description, then its operations.
struct ChapterView {
    let site: DocsSite
    let group: DocsSite.Group

    func node() -> HTMLNode {
        .tag("section", [.class("chapter"), .id("tag-" + GitHubAnchor.slug(group.name))], [
            .tag("div", [.class("chapter-head")], [
                .tag("h2", [.class("chapter-title")], text: group.name),
                .blocks(SpecText.blocks(group.description)),
            ]),
            .fragment(group.operations.map { OperationView(site: site, operation: $0, isReceiver: group.isReceiver).node() }),
        ])
    }
}
