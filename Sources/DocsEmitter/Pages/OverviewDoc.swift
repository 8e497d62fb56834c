import APIModel

/// The overview: what the API is, how to authenticate (with the scopes), the servers, what
/// apigen's extensions mean for a reader, and the operations by tag.
struct OverviewDoc {
    let site: DocsSite
    let links: LinkStyle
    /// Whether the operations are listed in a table per tag, or only the tags with how many
    /// operations each has: the HTML page of a very large API lists them in its navigation
    /// alone, as ten thousand rows of tables would take seconds to lay out.
    var operationTables = true

    private var model: ServiceModel { site.model }

    func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, [.text("\(model.title) \(model.version)")], id: "overview")]
        if let summary = model.summary { blocks.append(.paragraph(SpecText.inlines(summary))) }
        blocks += SpecText.blocks(model.description)
        if let license = model.license {
            var line: [Inline] = [.text("License: ")]
            line += license.url.flatMap(SafeURL.check).map { [.link([.text(license.name)], url: $0)] } ?? [.text(license.name)]
            blocks.append(.paragraph(line))
        }
        blocks += authentication()
        blocks += servers()
        blocks += extensionsForReaders()
        blocks += contents()
        return blocks
    }

    private func authentication() -> [Block] {
        guard !model.securitySchemes.isEmpty else { return [] }
        var blocks: [Block] = [.heading(level: 2, [.text("Authentication")], id: "authentication")]
        for scheme in model.securitySchemes {
            var line: [Inline] = [.code(scheme.name), .text(": ")]
            switch scheme.kind {
            case .bearer: line.append(.text("a bearer token, sent as "))
                line.append(.code("Authorization: Bearer <token>"))
            case .basic: line.append(.text("HTTP basic authentication."))
            case .http(let name): line.append(.text("HTTP \(name) authentication."))
            case let .apiKey(name, location): line += [.text("an API key in the \(location.rawValue) "), .code(name), .text(".")]
            case .oauth2(let flows):
                line.append(.text("OAuth 2 (\(flows.map(\.kind).joined(separator: ", "))); send the access token as "))
                line.append(.code("Authorization: Bearer <token>"))
                if let url = flows.compactMap(\.authorizationURL).first {
                    line += [.text(". Authorize at "), .code(url)]
                }
            case .openIdConnect(let url): line += [.text("OpenID Connect, discovered at "), .code(url)]
            case .mutualTLS: line.append(.text("mutual TLS."))
            }
            blocks.append(.paragraph(line))
            blocks += SpecText.blocks(scheme.description)
            if case .oauth2(let flows) = scheme.kind {
                let scopes = flows.flatMap(\.scopes)
                if !scopes.isEmpty {
                    blocks.append(.table(header: ["Scope", "What it allows"].map(Inline.plain),
                                         rows: scopes.map { [[.code($0.name)], SpecText.inlines(DocText.flat($0.description))] }))
                }
            }
        }
        blocks.append(.paragraph(Inline.plain("Each operation below names the scope it needs, or says it is anonymous.")))
        return blocks
    }

    private func servers() -> [Block] {
        guard !model.servers.isEmpty else { return [] }
        let rows = model.servers.map { server -> [[Inline]] in
            var variables: [Inline] = []
            for variable in server.variables {
                if !variables.isEmpty { variables.append(.text("; ")) }
                variables += [.code(variable.name), .text(" = "), .code(variable.defaultValue)]
                if let values = variable.enumValues { variables.append(.text(" (one of \(values.joined(separator: ", ")))")) }
            }
            return [[.code(server.url)], SpecText.inlines(DocText.flat(server.description)), variables]
        }
        return [.heading(level: 2, [.text("Servers")], id: "servers"),
                .table(header: ["URL", "Description", "Variables"].map(Inline.plain), rows: rows)]
    }

    /// `x-apigen-segments` and `x-apigen-pagination`, said plainly, when the spec uses them.
    private func extensionsForReaders() -> [Block] {
        var items: [[Block]] = []
        let spanning = Set(model.operations.flatMap { $0.parameters.filter { $0.segments > 1 }.map(\.name) })
        if !spanning.isEmpty {
            var line: [Inline] = []
            for name in spanning.sorted() {
                if !line.isEmpty { line.append(.text(", ")) }
                line.append(.code(name))
            }
            items.append([.paragraph(line + [.text(" spans path segments: a repository is "), .code("namespace/name"),
                                             .text(", sent with its slash as it is (each part is still percent-encoded).")])])
        }
        if model.operations.contains(where: { $0.pagination?.style == .token }) {
            items.append([.paragraph([.text("Token-paged operations answer a page and a "), .code("next_page"),
                                      .text(" token while more remain; send it back to get the next page.")])])
        }
        if model.operations.contains(where: { $0.pagination?.style == .page }) {
            items.append([.paragraph([.text("Page-numbered operations take "), .code("page"), .text(" (from 1) and answer "),
                                      .code("has_additional"), .text(" while more pages remain.")])])
        }
        guard !items.isEmpty else { return [] }
        return [.heading(level: 2, [.text("Reading this reference")], id: "reading"), .list(items, ordered: false)]
    }

    private func contents() -> [Block] {
        var blocks: [Block] = [.heading(level: 2, [.text("Operations")], id: "operations")]
        guard operationTables else {
            blocks.append(.paragraph(Inline.plain("\(model.operations.count) operations in \(site.groups.count) groups, each listed in the navigation:")))
            blocks.append(.list(site.groups.map { group in
                let count = group.operations.count == 1 ? "1 operation" : "\(group.operations.count) operations"
                var line: [Inline] = [.link([.text(group.name)], url: links.group(group, site: site)), .text(": \(count).")]
                if let description = group.description { line += [.text(" ")] + SpecText.inlines(DocText.flat(description)) }
                return [.paragraph(line)]
            }, ordered: false))
            return blocks
        }
        for group in site.groups {
            blocks.append(.heading(level: 3, [.link([.text(group.name)], url: links.group(group, site: site))], id: nil))
            if let description = group.description { blocks.append(.paragraph(SpecText.inlines(DocText.flat(description)))) }
            let header = group.isReceiver ? ["Request", "Method", "Sent as", "Summary"] : ["Operation", "Method", "Path", "Summary"]
            blocks.append(.table(header: header.map(Inline.plain), rows: group.operations.map { operation in
                [[.link([.code(operation.operationId)], url: links.operation(operation, site: site))], [.text(operation.method)],
                 group.isReceiver ? site.receiverRoute(operation, links: links, from: nil) : [.code(operation.path)],
                 SpecText.inlines(DocText.flat(operation.summary))]
            }))
        }
        return blocks
    }
}
