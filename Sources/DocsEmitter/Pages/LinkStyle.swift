import APIModel

/// Where links point: other Markdown files, or anchors in the one HTML page.
enum LinkStyle {
    case markdown
    case html

    /// A link to an operation.
    func operation(_ operation: OperationModel, site: DocsSite, from file: String? = nil) -> String {
        switch self {
        case .markdown:
            let target = site.group(of: operation).map(site.file) ?? "README.md"
            let anchor = "#" + GitHubAnchor.slug(operation.operationId)
            return target == file ? anchor : target + anchor
        case .html:
            return "#" + operation.operationId
        }
    }

    /// A link to a model.
    func model(_ name: String, from file: String? = nil) -> String {
        switch self {
        case .markdown: return (file == "models.md" ? "" : "models.md") + "#" + GitHubAnchor.slug(name)
        case .html: return "#model-" + name
        }
    }

    /// A link to a group's chapter.
    func group(_ group: DocsSite.Group, site: DocsSite) -> String {
        switch self {
        case .markdown: return site.file(of: group)
        case .html: return "#tag-" + GitHubAnchor.slug(group.name)
        }
    }
}
