import APIModel

/// Example values for docs: the spec's examples and defaults where it has them, readable
/// placeholders where it does not, as Swift literals and as JSON.
struct Samples {
    let model: ServiceModel

    /// A Swift expression for a value of the type, for `name`.
    func swift(_ type: TypeRef, name: String, example: SpecValue? = nil, depth: Int = 0) -> String {
        if let example, let literal = swiftLiteral(example, for: type) { return literal }
        switch type {
        case .string(let format):
            switch format {
            case "date-time": return "Date()"
            case "byte", "binary": return "Data()"
            default: return SpecValue.quoted("<\(name)>")
            }
        case .integer: return "1"
        case .number: return "1.0"
        case .boolean: return "true"
        case .array(let element): return "[" + swift(element, name: name, depth: depth + 1) + "]"
        case .dictionary: return "[:]"
        case .json: return "[\"key\": \"value\"]"
        case .nullable(let wrapped): return swift(wrapped, name: name, example: nil, depth: depth)
        case .named(let typeName):
            guard let declared = model.type(named: typeName) else { return "nil" }
            switch declared.kind {
            case .alias(let target): return swift(target, name: name, depth: depth)
            case .enumeration(let enumeration): return "." + SwiftName.escaped(enumeration.cases[0].swiftName)
            case .union(let union):
                let variant = union.variants[0]
                return ".\(SwiftName.escaped(variant.swiftName))(\(swift(variant.type, name: name, depth: depth + 1)))"
            case .object(let object):
                guard depth < 3 else { return ".init()" }
                let shown = fields(object)
                let arguments = shown.map {
                    "\(SwiftName.escapedLabel($0.swiftName)): \(swift($0.type.nonNullable, name: $0.name, example: $0.examples.first ?? $0.defaultValue, depth: depth + 1))"
                }
                return ".init(" + arguments.joined(separator: ", ") + ")"
            }
        }
    }

    /// A JSON value of the type, for `name`.
    func json(_ type: TypeRef, name: String, example: SpecValue? = nil, depth: Int = 0) -> SpecValue {
        if let example { return example }
        switch type {
        case .string(let format):
            return format == "date-time" ? .string("2024-05-01T12:00:00Z") : .string("<\(name)>")
        case .integer: return .int(1)
        case .number: return .double(1)
        case .boolean: return .bool(true)
        case .array(let element): return .array([json(element, name: name, depth: depth + 1)])
        case .dictionary, .json: return .object([])
        case .nullable(let wrapped): return json(wrapped, name: name, depth: depth)
        case .named(let typeName):
            guard let declared = model.type(named: typeName) else { return .null }
            switch declared.kind {
            case .alias(let target): return json(target, name: name, depth: depth)
            case .enumeration(let enumeration): return enumeration.cases[0].value
            case .union(let union): return json(union.variants[0].type, name: name, depth: depth + 1)
            case .object(let object):
                guard depth < 3 else { return .object([]) }
                return .object(fields(object).map {
                    SpecValue.Member($0.name, json($0.type.nonNullable, name: $0.name, example: $0.examples.first ?? $0.defaultValue, depth: depth + 1))
                })
            }
        }
    }

    /// The fields an example shows: the required ones, or the first when none is.
    private func fields(_ object: ObjectType) -> [Property] {
        let required = object.properties.filter(\.required)
        return required.isEmpty ? Array(object.properties.prefix(1)) : required
    }

    /// A spec example as a Swift literal, when the type takes one.
    private func swiftLiteral(_ value: SpecValue, for type: TypeRef) -> String? {
        switch (value, type.nonNullable) {
        case (.string(let text), .string(let format)) where format != "date-time" && format != "byte" && format != "binary":
            return SpecValue.quoted(text)
        case (.int(let number), .integer), (.int(let number), .number): return String(number)
        case (.double(let number), .number): return String(number)
        case (.bool(let flag), .boolean): return flag ? "true" : "false"
        case (_, .named(let name)):
            if case .enumeration(let enumeration)? = model.type(named: name)?.kind,
               let item = enumeration.cases.first(where: { $0.value == value }) {
                return "." + SwiftName.escaped(item.swiftName)
            }
            if case .alias(let target)? = model.type(named: name)?.kind { return swiftLiteral(value, for: target) }
            return nil
        default: return nil
        }
    }
}
