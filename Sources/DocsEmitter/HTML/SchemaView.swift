import APIModel

/// Schemas on the HTML page: a body or a type as a list of fields, each with its type,
/// whether it is required or nullable, its description, allowed values, bounds, default and
/// example. Each named type is written once, in its own view (``content(_:)``); wherever
/// else it appears, its name links there. A field whose type leads to an object, a union or
/// an alias is marked (`data-unfold`), and the page's script adds a fold there for the first
/// type it links to, which copies in the type's view when opened, so a recursive type
/// unfolds one level at a time. A body whose type is a shared object is marked to start
/// unfolded (`data-open`). Without JavaScript there are no folds: the type names are links.
///
/// A large API has a hundred thousand fields, so a field is lean: `<li>`, its name in
/// `<code>`, its type in one `<code class="type">`, then badges, description and facts.
struct SchemaView {
    let site: DocsSite
    private let types: TypeText

    init(site: DocsSite) {
        self.site = site
        types = TypeText(model: site.model, links: .html, file: nil)
    }

    private var model: ServiceModel { site.model }

    /// A body of this type: its fields when it is an object (or an array of objects) written
    /// for this body alone, after a line saying what the type is; otherwise that line, marked
    /// to unfold. A shared object's fields start unfolded, unless `folded` (error bodies,
    /// which are mostly one type).
    func body(_ type: TypeRef, folded: Bool = false) -> HTMLNode {
        let inner = type.nonNullable
        let element: TypeRef
        if case .array(let item) = inner { element = item.nonNullable } else { element = inner }
        if !folded, case .named(let name) = element, let resolved = types.resolved(name), case .object(let object) = resolved.kind,
           !object.properties.isEmpty || object.composedParts != nil {
            guard resolved.origin == .inline else { return line(type, open: true) }
            // A type written for this body alone is written here, once.
            return .fragment([element == inner ? .empty : line(type, open: false, unfolds: false), fields(object)])
        }
        return line(type, open: false)
    }

    /// "`Pet`" or "array of `Pet`", marked to unfold when the type does.
    private func line(_ type: TypeRef, open: Bool, unfolds: Bool = true) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.class("schema-type")]
        if unfolds { attributes += unfold(type, open: open) }
        return .tag("p", attributes, [typeCode(type)])
    }

    /// A type as a field's or a body's line writes it: one `code` element, type names linked
    /// to their views (`array of Tag`, `string (uuid) or null`).
    func typeCode(_ type: TypeRef, _ more: [HTMLNode] = []) -> HTMLNode {
        .tag("code", [.class("type")], Self.typeNodes(type) + more)
    }

    private static func typeNodes(_ type: TypeRef) -> [HTMLNode] {
        switch type {
        case .named(let name): return [.tag("a", [.href(LinkStyle.html.model(name))], text: name)]
        case .array(let element): return [.text("array of ")] + typeNodes(element)
        case .dictionary(let element) where element != .json: return [.text("map of ")] + typeNodes(element)
        case .nullable(let wrapped): return typeNodes(wrapped) + [.text(" or null")]
        default: return [.text(TypeText.plain(type))]
        }
    }

    /// What unfolds for a type: its own view, written once in the Types section. It holds no
    /// `id`, as the script copies it.
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
                nodes.append(.tag("p", [.class("muted")] + unfold(extras), [.text("Other fields may appear, each "), typeCode(extras), .text(".")]))
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
                var label: [HTMLNode] = [typeCode(variant.type)]
                if !variant.discriminatorValues.isEmpty, let discriminator = union.discriminator {
                    label.append(.tag("span", [.class("muted")], [.text("when "), .tag("code", text: discriminator), .text(" is "),
                                                                 .tag("code", text: variant.discriminatorValues.joined(separator: ", "))]))
                }
                return .tag("li", unfold(variant.type), label)
            }
            let lead = union.kind == .oneOf ? "Exactly one of:" : "One or more of:"
            return .tag("div", [.class("schema")], [.tag("p", [.class("muted")], text: lead), .tag("ul", [.class("fields")], variants)])
        case .alias(let target):
            return .tag("div", [.class("schema")], [
                .tag("p", unfold(target), [.text("The same as "), typeCode(target), .text(".")]),
            ])
        }
    }

    /// The fields of an object, in order, then the union parts it is composed with.
    func fields(_ object: ObjectType) -> HTMLNode {
        var items = object.properties.map(field)
        for part in object.composedParts ?? [] {
            items.append(.tag("li", unfold(part.type), [
                .tag("span", [.class("muted")], text: "and one of"),
                typeCode(part.type),
                .tag("p", [], [.inlines(SpecText.inlines(DocText.flat(part.description))), .text(" Its fields are in the same object.")]),
            ]))
        }
        return .tag("ul", [.class("fields")], items)
    }

    /// One field: its name, type and flags on a line, then what it holds. A list item of
    /// `.fields` lays out its children: the line's pieces side by side, a paragraph under them.
    func field(_ property: Property) -> HTMLNode {
        var nodes: [HTMLNode] = [.tag("code", text: property.name), typeCode(property.type)]
        if property.required { nodes.append(Self.badge("required", "req")) }
        if property.type.isNullable { nodes.append(Self.badge("nullable", "flag")) }
        if property.readOnly { nodes.append(Self.badge("read-only", "flag")) }
        if property.writeOnly { nodes.append(Self.badge("write-only", "flag")) }
        if property.deprecated { nodes.append(Self.badge("deprecated", "warn")) }
        if let description = property.description { nodes.append(.tag("p", [], [.inlines(SpecText.inlines(DocText.flat(description)))])) }
        var details = facts(type: property.type, constraints: property.constraints, defaultValue: property.defaultValue,
                            example: property.examples.first)
        if let constant = property.constValue { details.append(fact("Always", [.tag("code", text: constant.jsonText)])) }
        if !details.isEmpty { nodes.append(.tag("p", [.class("facts")], details)) }
        return .tag("li", unfold(property.type), nodes)
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

    /// The marker for a fold, when the type leads to an object with fields, a union or an
    /// alias; nothing for scalars, enums (whose values the field already lists) and empty
    /// objects. The fold is for the first type the marked element links to (a type has at
    /// most one name in it); `data-open` makes it start open.
    func unfold(_ type: TypeRef, open: Bool = false) -> [HTMLAttribute] {
        guard let name = type.namedTypes.first, let declared = model.type(named: name) else { return [] }
        if case .enumeration = declared.kind { return [] }
        if case .object(let object) = declared.kind, object.properties.isEmpty, object.composedParts == nil,
           object.additionalProperties == nil { return [] }
        return [.flag("data-unfold")] + (open ? [.flag("data-open")] : [])
    }

    private func fact(_ label: String, _ value: [HTMLNode]) -> HTMLNode {
        .tag("span", [], [.text(label + " ")] + value)
    }

    /// A small outlined word: `required`, `nullable`, `deprecated`.
    static func badge(_ text: String, _ kind: String) -> HTMLNode {
        .tag("span", [.class(kind)], text: text)
    }
}
