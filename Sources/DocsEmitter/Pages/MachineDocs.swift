import APIModel

/// Docs for machine readers: `llms.txt` (the llmstxt.org layout: a title, a summary, then
/// lists of links to the Markdown files) and `compact.md`, the whole API on one page with a
/// line per operation and per type, in a TypeScript-like notation a language model reads
/// without the tables and examples meant for people.
struct MachineDocs {
    let site: DocsSite

    private var model: ServiceModel { site.model }
    private var summary: String {
        DocText.flat(model.summary ?? model.description?.split(separator: "\n\n").first.map(String.init))
    }

    func files() -> [OutputFile] {
        [OutputFile(path: "llms.txt", contents: llmsText()), file("compact.md", compact())]
    }

    /// `llms.txt`: plain Markdown with the links a tool follows.
    private func llmsText() -> String {
        var blocks: [Block] = [.heading(level: 1, [.text("\(model.title) \(model.version) API")], id: nil)]
        if !summary.isEmpty { blocks.append(.note(SpecText.inlines(summary))) }
        var facts: [[Block]] = []
        if let server = model.servers.first { facts.append([.paragraph([.text("Base URL: "), .code(server.url)])]) }
        let auth = model.securitySchemes.map(\.name)
        if !auth.isEmpty { facts.append([.paragraph([.text("Authentication: ")] + list(auth.map { [.code($0)] }) + [.text(", described in "), .link([.text("README.md")], url: "README.md#authentication"), .text(".")])]) }
        facts.append([.paragraph([.text("\(model.operations.count) operations and \(model.types.count) types; each operation's file has its parameters, body, responses and examples in curl and Swift.")])])
        blocks.append(.list(facts, ordered: false))
        blocks.append(.heading(level: 2, [.text("Operations")], id: nil))
        blocks.append(.list(site.groups.map { group in
            var line: [Inline] = [.link([.text(group.name)], url: site.file(of: group)), .text(": ")]
            let description = DocText.flat(group.description)
            line += description.isEmpty ? [] : SpecText.inlines(description) + [.text(" ")]
            line.append(.text("\(group.operations.count) operation\(group.operations.count == 1 ? "" : "s"): "))
            line += list(group.operations.map { [.code($0.operationId)] })
            return [.paragraph(line)]
        }, ordered: false))
        blocks.append(.heading(level: 2, [.text("Types")], id: nil))
        blocks.append(.list([[.paragraph([.link([.text("models.md")], url: "models.md"),
                                           .text(": every schema, its fields, and the operations that use it.")])]], ordered: false))
        blocks.append(.heading(level: 2, [.text("Optional")], id: nil))
        blocks.append(.list([
            [.paragraph([.link([.text("compact.md")], url: "compact.md"), .text(": every operation and type on one page, one line each.")])],
            [.paragraph([.link([.text("index.html")], url: "index.html"), .text(": the same reference as one HTML page, for people.")])],
        ], ordered: false))
        return MarkdownRenderer.render(blocks)
    }

    /// `compact.md`: a line per operation under its tag, then a line per type.
    private func compact() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, [.text("\(model.title) \(model.version): compact reference")], id: nil)]
        if !summary.isEmpty { blocks.append(.paragraph(SpecText.inlines(summary))) }
        var legend: [Inline] = [.text("One line per operation: method and path, operationId, summary, scopes, parameters (")]
        legend += [.code("?"), .text(" optional, "), .code("= x"), .text(" default), body, and what each status returns. Types follow, as "),
                   .code("{field: type}"), .text(" with "), .code("?"), .text(" on optional fields.")]
        if let server = model.servers.first { legend += [.text(" Base URL: "), .code(server.url), .text(".")] }
        blocks.append(.paragraph(legend))
        for group in site.groups {
            blocks.append(.heading(level: 2, [.text(group.name)], id: nil))
            blocks.append(.list(group.operations.map { [.paragraph(line(for: $0))] }, ordered: false))
        }
        blocks.append(.heading(level: 2, [.text("Types")], id: nil))
        blocks.append(.list(model.types.map { type in
            [.paragraph([.strong([.text(type.name)]), .text(": "), .code(shape(type))])]
        }, ordered: false))
        return blocks
    }

    private func line(for operation: OperationModel) -> [Inline] {
        var line: [Inline] = [.code("\(operation.method) \(operation.path)"), .text(" "), .code(operation.operationId)]
        let summary = DocText.flat(operation.summary)
        if !summary.isEmpty { line += [.text(": ")] + SpecText.inlines(summary) }
        if operation.deprecated { line.append(.text(" Deprecated.")) }
        if !operation.scopes.isEmpty { line += [.text(" Scopes: ")] + list(operation.scopes.map { [.code($0)] }) + [.text(".")] }
        if !operation.parameters.isEmpty {
            let parameters = operation.parameters.map { parameter -> String in
                var text = "\(parameter.name)\(parameter.required ? "" : "?"): \(TypeText.plain(parameter.type)) (\(parameter.location.rawValue))"
                if let value = parameter.defaultValue { text += " = \(value.jsonText)" }
                return text
            }
            line += [.text(" Parameters: "), .code(parameters.joined(separator: ", ")), .text(".")]
        }
        if let body = operation.requestBody, let content = body.contents.first {
            line += [.text(" Body\(body.required ? "" : " (optional)"): "), .code(content.type.map(TypeText.plain) ?? content.mediaType), .text(".")]
        }
        var returns: [(statuses: [String], text: String)] = []
        for response in operation.responses {
            let text = response.contents.first.map { content in
                content.constant?.jsonText ?? content.type.map(TypeText.plain) ?? content.mediaType
            } ?? "nothing"
            if let index = returns.firstIndex(where: { $0.text == text }) { returns[index].statuses.append(response.status) } else { returns.append(([response.status], text)) }
        }
        if !returns.isEmpty {
            line += [.text(" Returns: "), .code(returns.map { "\($0.statuses.joined(separator: ", ")) → \($0.text)" }.joined(separator: "; ")), .text(".")]
        }
        return line
    }

    /// A type in one line: `{name: string, tags?: array of Tag}`, `"a" | "b"`, `A | B`.
    private func shape(_ type: NamedType) -> String {
        switch type.kind {
        case .object(let object):
            var fields = object.properties.map { "\($0.name)\($0.required ? "" : "?"): \(TypeText.plain($0.type))" }
            fields += (object.composedParts ?? []).map { "& one of \(TypeText.plain($0.type))" }
            if let extras = object.additionalProperties { fields.append("[other]: \(TypeText.plain(extras))") }
            return "{" + fields.joined(separator: ", ") + "}"
        case .enumeration(let enumeration):
            return enumeration.cases.map(\.value.jsonText).joined(separator: " | ") + (enumeration.isNullable ? " | null" : "")
        case .union(let union):
            return union.variants.map { TypeText.plain($0.type) }.joined(separator: " | ")
                + (union.discriminator.map { " (by \($0))" } ?? "")
        case .alias(let target):
            return TypeText.plain(target)
        }
    }

    /// `a, b, c`.
    private func list(_ items: [[Inline]]) -> [Inline] {
        var result: [Inline] = []
        for (index, item) in items.enumerated() {
            if index > 0 { result.append(.text(", ")) }
            result += item
        }
        return result
    }

    private func file(_ path: String, _ blocks: [Block]) -> OutputFile {
        let name = HTMLEscape.text(site.specName).replacing("--", with: "- -")
        return OutputFile(path: path, contents: "<!-- Generated by apigen from \(name). Do not edit: regenerate instead. -->\n\n" + MarkdownRenderer.render(blocks))
    }
}
