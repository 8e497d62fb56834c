import APIModel

/// The models: every named type, with its fields or values, and where it is used.
struct ModelDoc {
    let site: DocsSite
    let links: LinkStyle
    let file: String?

    private var model: ServiceModel { site.model }

    func blocks(_ type: NamedType) -> [Block] {
        let types = TypeText(model: model, links: links, file: file)
        var blocks: [Block] = [.heading(level: 2, [.text(type.name)], id: "model-" + type.name)]
        if let title = type.title { blocks.append(.paragraph([.strong(SpecText.inlines(title))])) }
        blocks += SpecText.blocks(type.description)
        if type.origin == .inline {
            blocks.append(.paragraph([.text("Written in place in the spec, at "), .code(type.specName), .text(".")]))
        } else if type.specName != type.name {
            blocks.append(.paragraph([.text("The spec's "), .code(type.specName), .text(" schema.")]))
        }
        switch type.kind {
        case .object(let object):
            if object.properties.isEmpty, object.composedParts == nil {
                blocks.append(.paragraph(Inline.plain("An object with no named fields.")))
            } else {
                blocks.append(types.fieldTable(object))
            }
            if let extras = object.additionalProperties {
                blocks.append(.paragraph([.text("Other fields may appear, each ")] + types.inlines(extras) + [.text(".")]))
            }
        case .enumeration(let enumeration):
            blocks.append(.table(header: ["Value", "Swift", "Description"].map(Inline.plain), rows: enumeration.cases.map {
                [[.code($0.value.jsonText)], [.code("." + $0.swiftName)], SpecText.inlines(DocText.flat($0.description))]
            }))
            blocks.append(.paragraph(Inline.plain("Values not listed here decode as unknown(…) in the Swift client.")))
        case .union(let union):
            var line: [Inline] = [.text(union.kind == .oneOf ? "Exactly one of: " : "One or more of: ")]
            for (index, variant) in union.variants.enumerated() {
                if index > 0 { line.append(.text(", ")) }
                line += types.inlines(variant.type)
            }
            if let discriminator = union.discriminator { line += [.text(". The "), .code(discriminator), .text(" field says which")] }
            blocks.append(.paragraph(line + [.text(".")]))
        case .alias(let target):
            blocks.append(.paragraph([.text("The same as ")] + types.inlines(target) + [.text(".")]))
        }
        if let example = type.examples.first {
            blocks += [.paragraph([.strong([.text("Example:")])]), .code(JSONText.pretty(example), language: "json")]
        }
        var used: [Inline] = []
        for operation in site.usedBy(type.name) {
            if !used.isEmpty { used.append(.text(", ")) }
            used.append(.link([.code(operation.operationId)], url: links.operation(operation, site: site, from: file)))
        }
        for holder in site.partOf[type.name] ?? [] {
            if !used.isEmpty { used.append(.text(", ")) }
            used.append(.link([.code(holder)], url: links.model(holder, from: file)))
        }
        if !used.isEmpty { blocks.append(.paragraph([.strong([.text("Used by:")]), .text(" ")] + used)) }
        return blocks
    }
}
