import APIModel

/// How types read in the docs: `string (date-time)`, `array of Tag`, a link to a model.
struct TypeText {
    let model: ServiceModel
    let links: LinkStyle
    let file: String?

    func inlines(_ type: TypeRef) -> [Inline] {
        switch type {
        case .string(let format): return [.code(format.map { "string (\($0))" } ?? "string")]
        case .integer(let format): return [.code(format.map { "integer (\($0))" } ?? "integer")]
        case .number(let format): return [.code(format.map { "number (\($0))" } ?? "number")]
        case .boolean: return [.code("boolean")]
        case .array(let element): return [.text("array of ")] + inlines(element)
        case .dictionary(let element):
            return element == .json ? [.code("object")] : [.text("map of ")] + inlines(element)
        case .named(let name): return [.link([.code(name)], url: links.model(name, from: file))]
        case .json: return [.text("any JSON")]
        case .nullable(let wrapped): return inlines(wrapped) + [.text(" or null")]
        }
    }

    /// The values a type allows, when it is an enum.
    func allowedValues(_ type: TypeRef) -> [Inline] {
        guard case .named(let name) = type.nonNullable, case .enumeration(let enumeration)? = resolved(name)?.kind else { return [] }
        var result: [Inline] = []
        for (index, item) in enumeration.cases.enumerated() {
            if index > 0 { result.append(.text(", ")) }
            result.append(.code(item.value.jsonText))
        }
        return result
    }

    /// The fields of an object, with nested types linked.
    func fieldTable(_ object: ObjectType) -> Block {
        let composed = (object.composedParts ?? []).map { part -> [[Inline]] in
            [[.text("(one of)")], inlines(part.type), [.text("yes")],
             SpecText.inlines(DocText.flat(part.description)) + [.text(" Its fields are in the same object.")]]
        }
        return .table(header: ["Field", "Type", "Required", "Description"].map(Inline.plain), rows: object.properties.map { property in
            var description = SpecText.inlines(DocText.flat(property.description))
            let values = allowedValues(property.type)
            if !values.isEmpty { description += [.text(" One of: ")] + values + [.text(".")] }
            if let value = property.defaultValue { description += [.text(" Default: "), .code(value.jsonText), .text(".")] }
            if property.readOnly { description += [.text(" Read-only.")] }
            if property.writeOnly { description += [.text(" Write-only.")] }
            if property.deprecated { description += [.text(" Deprecated.")] }
            return [[.code(property.name)], inlines(property.type), [.text(property.required ? "yes" : "no")], description]
        } + composed)
    }

    /// A named type, through aliases.
    func resolved(_ name: String) -> NamedType? {
        var seen = Set<String>()
        var current = model.type(named: name)
        while let type = current, case .alias(.named(let next)) = type.kind, seen.insert(next).inserted {
            current = model.type(named: next)
        }
        return current
    }
}

extension TypeText {
    /// A type as plain words, for the search index: `array of Tag`, `string (date-time)`.
    static func plain(_ type: TypeRef) -> String {
        switch type {
        case .string(let format): return format.map { "string (\($0))" } ?? "string"
        case .integer(let format): return format.map { "integer (\($0))" } ?? "integer"
        case .number(let format): return format.map { "number (\($0))" } ?? "number"
        case .boolean: return "boolean"
        case .array(let element): return "array of " + plain(element)
        case .dictionary(let element): return element == .json ? "object" : "map of " + plain(element)
        case .named(let name): return name
        case .json: return "any JSON"
        case .nullable(let wrapped): return plain(wrapped) + " or null"
        }
    }
}
