import APIModel

/// Schemas on the HTML page: a body or a type as a list of fields, each with its type,
/// whether it is required or nullable, its description, allowed values, bounds, default and
/// example. A field whose type is another named type unfolds in place: the page's script
/// copies that type's own view (``content(_:)``) into it when it is opened, so each type is
/// written once however often it is used, and a recursive type unfolds one level at a time.
/// A body whose type is a shared one starts unfolded, and is filled when it comes into view.
/// Without JavaScript the unfolds are hidden and each type name links to the type's view.
struct SchemaView {
    let site: DocsSite

    private var model: ServiceModel { site.model }
    private var types: TypeText { TypeText(model: model, links: .html, file: nil) }

    /// A body of this type: its fields when it is an object (or an array of objects), with a
    /// line saying what the type is, and an unfold for any other named type. Folded (for error
    /// bodies, which are mostly one type), even an object's fields wait to be unfolded.
    func body(_ type: TypeRef, folded: Bool = false) -> HTMLNode {
        let line = HTMLNode.tag("p", [.class("schema-type")], [.inlines(types.inlines(type))])
        if folded { return .fragment([line, unfold(type) ?? .empty]) }
        let inner = type.nonNullable
        let element: TypeRef
        if case .array(let item) = inner { element = item.nonNullable } else { element = inner }
        if case .named(let name) = element, let resolved = types.resolved(name), case .object(let object) = resolved.kind,
           !object.properties.isEmpty || object.composedParts != nil {
            // A type written for this body alone is written here; a shared one is copied in from its view.
            guard resolved.origin == .inline else { return .fragment([line, unfold(type, open: true) ?? .empty]) }
            let lead: HTMLNode = element == inner ? .empty : line
            return .fragment([lead, fields(object)])
        }
        return .fragment([line, unfold(type) ?? .empty])
    }

    /// What unfolds for a type: its own view, written once in the Types section.
    func content(_ type: NamedType) -> HTMLNode {
        switch type.kind {
        case .object(let object):
            var nodes: [HTMLNode] = []
            if object.properties.isEmpty, object.composedParts == nil {
                nodes.append(.tag("p", [.class("muted")], text: "An object with no named fields."))
            } else {
                nodes.append(fields(object))
            }
            if let extras = object.additionalProperties {
                nodes.append(.tag("p", [.class("muted")], [.text("Other fields may appear, each "), .inlines(types.inlines(extras)), .text(".")]))
                nodes.append(unfold(extras) ?? .empty)
            }
            return .tag("div", [.class("schema")], nodes)
        case .enumeration(let enumeration):
            let rows = enumeration.cases.map { item -> HTMLNode in
                .tag("li", [], [.tag("code", text: item.value.jsonText),
                                .inlines(item.description.map { [.text(" ")] + SpecText.inlines(DocText.flat($0)) } ?? [])])
            }
            return .tag("div", [.class("schema")], [
                .tag("p", [.class("muted")], text: "One of these \(enumeration.rawType.rawValue) values\(enumeration.isNullable ? ", or null" : ""):"),
                .tag("ul", [.class("values")], rows),
            ])
        case .union(let union):
            let variants = union.variants.map { variant -> HTMLNode in
                var label: [HTMLNode] = [.inlines(types.inlines(variant.type))]
                if !variant.discriminatorValues.isEmpty, let discriminator = union.discriminator {
                    label.append(.tag("span", [.class("muted")], [.text(" when "), .tag("code", text: discriminator), .text(" is "),
                                                                 .tag("code", text: variant.discriminatorValues.joined(separator: ", "))]))
                }
                return .tag("li", [], [.tag("div", [.class("field-head")], label), unfold(variant.type) ?? .empty])
            }
            let lead = union.kind == .oneOf ? "Exactly one of:" : "One or more of:"
            return .tag("div", [.class("schema")], [.tag("p", [.class("muted")], text: lead), .tag("ul", [.class("fields")], variants)])
        case .alias(let target):
            return .tag("div", [.class("schema")], [.tag("p", [], [.text("The same as "), .inlines(types.inlines(target)), .text(".")]),
                                                     unfold(target) ?? .empty])
        }
    }

    /// The fields of an object, in order, then the union parts it is composed with.
    func fields(_ object: ObjectType) -> HTMLNode {
        var items = object.properties.map(field)
        for part in object.composedParts ?? [] {
            items.append(.tag("li", [], [
                .tag("div", [.class("field-head")], [.tag("span", [.class("muted")], text: "and one of "), .inlines(types.inlines(part.type))]),
                .tag("div", [.class("field-doc")], [.inlines(SpecText.inlines(DocText.flat(part.description))),
                                                    .text(" Its fields are in the same object.")]),
                unfold(part.type) ?? .empty,
            ]))
        }
        return .tag("ul", [.class("fields")], items)
    }

    /// One field: name, type and flags on a line, then what it holds.
    func field(_ property: Property) -> HTMLNode {
        var flags: [HTMLNode] = []
        if property.required { flags.append(badge("required", "req")) }
        if property.type.isNullable { flags.append(badge("nullable", "flag")) }
        if property.readOnly { flags.append(badge("read-only", "flag")) }
        if property.writeOnly { flags.append(badge("write-only", "flag")) }
        if property.deprecated { flags.append(badge("deprecated", "warn")) }
        let head = HTMLNode.tag("div", [.class("field-head")], [
            .tag("code", [.class("name")], text: property.name),
            .tag("span", [.class("field-type")], [.inlines(types.inlines(property.type))]),
        ] + flags)
        var details = facts(type: property.type, constraints: property.constraints, defaultValue: property.defaultValue,
                            example: property.examples.first)
        if let constant = property.constValue { details.append(fact("Always", [.tag("code", text: constant.jsonText)])) }
        return .tag("li", [], [
            head,
            property.description.map { .tag("div", [.class("field-doc")], [.inlines(SpecText.inlines(DocText.flat($0)))]) } ?? .empty,
            details.isEmpty ? .empty : .tag("p", [.class("facts")], details),
            unfold(property.type) ?? .empty,
        ])
    }

    /// Allowed values, bounds, default and example, each a short labelled item.
    func facts(type: TypeRef, constraints: Constraints, defaultValue: SpecValue?, example: SpecValue?) -> [HTMLNode] {
        var facts: [HTMLNode] = []
        var element = type.nonNullable
        if case .array(let item) = element { element = item }
        let values = types.allowedValues(element)
        if !values.isEmpty { facts.append(fact("Allowed", [.inlines(values)])) }
        for (label, value) in OperationDoc.bounds(constraints) {
            facts.append(fact(label.prefix(1).uppercased() + label.dropFirst(), [.tag("code", text: value)]))
        }
        if let defaultValue { facts.append(fact("Default", [.tag("code", text: defaultValue.jsonText)])) }
        if let example { facts.append(fact("Example", [.tag("code", text: example.jsonText)])) }
        return facts
    }

    /// An unfold for a type that leads to an object, a union or an alias; nil for scalars and
    /// enums (whose values the field already lists). The script fills it from the type's view.
    func unfold(_ type: TypeRef, open: Bool = false) -> HTMLNode? {
        guard let name = type.namedTypes.first, let declared = model.type(named: name) else { return nil }
        if case .enumeration = declared.kind { return nil }
        if case .object(let object) = declared.kind, object.properties.isEmpty, object.composedParts == nil,
           object.additionalProperties == nil { return nil }
        return .tag("details", [.class("unfold"), .init("data-type", name)] + (open ? [.flag("open")] : []), [
            .tag("summary", [], text: name),
            .tag("div", [.class("nested")], []),
        ])
    }

    private func fact(_ label: String, _ value: [HTMLNode]) -> HTMLNode {
        .tag("span", [.class("fact")], [.text(label + " ")] + value)
    }

    private func badge(_ text: String, _ kind: String) -> HTMLNode {
        .tag("span", [.class("badge " + kind)], text: text)
    }
}
