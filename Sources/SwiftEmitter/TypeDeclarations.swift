import APIModel

/// Declarations of the model's named types: structs, open enums, unions and aliases. Client
/// and server modules each carry their own copy.
struct TypeDeclarations {
    let model: ServiceModel
    let options: SwiftOptions

    /// What every struct and union is: `ModelValue`, the runtime's `Codable`, `Hashable` and
    /// `Sendable` with equality and hashing by encoded value, so the compiler writes no `==`
    /// or `hash(into:)` per type (a quarter of Stripe's client build time when it did).
    static let conformances = "ModelValue"

    /// How many cases an enum's `init(rawValue:)` matches with a `switch`; past it, a table. The
    /// compiler's mandatory passes take time that grows faster than the switch: PayPal's
    /// 1,260 shipping carriers took 22 s of a 29 s build as a switch, and its module 8.8 s
    /// in all with a table.
    static let switchLimit = 64

    /// Writes one type.
    func write(_ type: NamedType, to writer: CodeWriter) {
        switch type.kind {
        case .object(let object): writeStruct(type, object, to: writer)
        case .enumeration(let enumeration): writeEnum(type, enumeration, to: writer)
        case .union(let union): writeUnion(type, union, to: writer)
        case .alias(let target):
            DocComment.write(writer, [type.description ?? "`\(type.specName)`."])
            writer.line("\(options.modifier)typealias \(type.name) = \(SwiftTypes.name(target))")
        }
    }

    /// The doc comment of a type: its title and description, or where it comes from.
    private func typeDoc(_ type: NamedType) -> [String?] {
        var paragraphs: [String?] = [type.title, type.description]
        if type.title == nil, type.description == nil {
            paragraphs.append(type.origin == .inline ? "The schema at `\(type.specName)`." : "The `\(type.specName)` schema.")
        }
        if type.deprecated { paragraphs.append("- Warning: Deprecated in the spec.") }
        return paragraphs
    }

    // MARK: Structs

    private func writeStruct(_ type: NamedType, _ object: ObjectType, to writer: CodeWriter) {
        let m = options.modifier
        DocComment.write(writer, typeDoc(type))
        writer.block("\(m)struct \(type.name): \(Self.conformances)") {
            for property in object.properties {
                DocComment.write(writer, propertyDoc(property))
                let wrapper = property.isRecursive ? "@Indirect " : ""
                writer.line("\(wrapper)\(m)var \(SwiftName.escaped(property.swiftName)): \(propertyType(property))")
            }
            if let extras = object.additionalProperties, let name = object.additionalPropertiesName {
                DocComment.write(writer, ["Properties the schema does not name, by key."])
                writer.line("\(m)var \(SwiftName.escaped(name)): [String: \(SwiftTypes.name(extras))]")
            }
            for part in object.composedParts ?? [] {
                DocComment.write(writer, [part.description, "One of the `allOf` parts, a union: its fields share the JSON object with the properties above."])
                writer.line("\(m)var \(SwiftName.escaped(part.swiftName)): \(SwiftTypes.name(part.type))")
            }
            writer.blank()
            writeInitializer(object, to: writer)
            writeCoding(object, to: writer)
        }
    }

    private func propertyType(_ property: Property) -> String {
        SwiftTypes.name(property.type, optional: !property.required || property.type.isNullable)
    }

    private func isOptional(_ property: Property) -> Bool {
        !property.required || property.type.isNullable
    }

    /// The Swift literal of a property's `const` value, when its Swift type is the value's own
    /// (a string, an integer, a boolean).
    static func constantLiteral(_ property: Property) -> String? {
        switch (property.type, property.constValue) {
        case (.string(nil), .string(let text)?): return SwiftLiteral.string(text)
        case (.integer, .int(let number)?): return String(number)
        case (.boolean, .bool(let flag)?): return flag ? "true" : "false"
        default: return nil
        }
    }

    private func propertyDoc(_ property: Property) -> [String?] {
        var paragraphs: [String?] = [property.description ?? "`\(property.name)`"]
        if let value = property.constValue { paragraphs.append("Always `\(value.jsonText)`.") }
        if let value = property.defaultValue { paragraphs.append("Default: `\(value.jsonText)`.") }
        if property.readOnly { paragraphs.append("Read-only: sent by the server, ignored in requests.") }
        if property.writeOnly { paragraphs.append("Write-only: sent in requests, never returned.") }
        if property.deprecated { paragraphs.append("- Warning: Deprecated in the spec.") }
        return paragraphs
    }

    /// A memberwise initializer; optional properties default to nil, and a property the spec
    /// fixes (`const`) to its one value, so a caller never spells it out.
    private func writeInitializer(_ object: ObjectType, to writer: CodeWriter) {
        var arguments = object.properties.map { property -> String in
            let label = SwiftName.escapedLabel(property.swiftName)
            if isOptional(property) { return "\(label): \(propertyType(property)) = nil" }
            return "\(label): \(propertyType(property))" + (Self.constantLiteral(property).map { " = \($0)" } ?? "")
        }
        if let extras = object.additionalProperties, let name = object.additionalPropertiesName {
            arguments.append("\(SwiftName.escapedLabel(name)): [String: \(SwiftTypes.name(extras))] = [:]")
        }
        for part in object.composedParts ?? [] {
            arguments.append("\(SwiftName.escapedLabel(part.swiftName)): \(SwiftTypes.name(part.type))")
        }
        writer.line("/// Creates a value; properties the spec does not require may be left out.")
        writer.block("\(options.modifier)init(\(arguments.joined(separator: ", ")))") {
            for property in object.properties {
                writer.line("self.\(property.swiftName) = \(SwiftName.escaped(property.swiftName))")
            }
            if let name = object.additionalPropertiesName {
                writer.line("self.\(name) = \(SwiftName.escaped(name))")
            }
            for part in object.composedParts ?? [] {
                writer.line("self.\(part.swiftName) = \(SwiftName.escaped(part.swiftName))")
            }
        }
    }

    /// Explicit coding, keyed by the JSON keys themselves (`AnyKey`, a string literal): no
    /// `CodingKeys` enum per type. Such an enum, written or synthesized, costs the compiler a
    /// dozen functions and conformances of its own for every struct; measured on the Quay client,
    /// they were a third of all the functions it compiled.
    private func writeCoding(_ object: ObjectType, to writer: CodeWriter) {
        let composed = object.composedParts ?? []
        let m = options.modifier
        writer.blank()
        writer.line("/// Reads the value from its JSON object, by the spec's keys.")
        writer.block("\(m)init(from decoder: any Decoder) throws") {
            if !object.properties.isEmpty { writer.line("let container = try decoder.container(keyedBy: AnyKey.self)") }
            for property in object.properties {
                let method = isOptional(property) ? "optional" : "required"
                writer.line("self.\(property.swiftName) = try container.\(method)(\(SwiftLiteral.string(property.name)))")
            }
            if let name = object.additionalPropertiesName {
                let known = object.properties.map { SwiftLiteral.string($0.name) }.joined(separator: ", ")
                writer.line("self.\(name) = try decoder.additionalProperties(excluding: [\(known)])")
            }
            for part in composed {
                writer.line("self.\(part.swiftName) = try \(SwiftTypes.name(part.type))(from: decoder)")
            }
        }
        writer.blank()
        writer.line("/// Writes the value as its JSON object, by the spec's keys; absent optional properties are left out.")
        writer.block("\(m)func encode(to encoder: any Encoder) throws") {
            if !object.properties.isEmpty { writer.line("var container = encoder.container(keyedBy: AnyKey.self)") }
            for property in object.properties {
                // A required key that may be null is always written, as null when nil.
                let method = property.required ? "put" : "putIfPresent"
                writer.line("try container.\(method)(self.\(property.swiftName), \(SwiftLiteral.string(property.name)))")
            }
            if let name = object.additionalPropertiesName {
                writer.line("try encoder.encodeAdditionalProperties(self.\(name))")
            }
            for part in composed {
                writer.line("try self.\(part.swiftName).encode(to: encoder)")
            }
        }
    }

    // MARK: Enums

    private func writeEnum(_ type: NamedType, _ enumeration: EnumType, to writer: CodeWriter) {
        let m = options.modifier
        let long = enumeration.cases.count > Self.switchLimit   // raw values to cases by a table
        let raw: String
        switch enumeration.rawType {
        case .string: raw = "String"
        case .integer: raw = "Int"
        case .number: raw = "Double"
        case .boolean: raw = "Bool"
        }
        DocComment.write(writer, typeDoc(type) + ["Values the spec does not list decode as `unknown(_:)`, so a newer server cannot break decoding."])
        writer.block("\(m)enum \(type.name): RawRepresentable, Codable, Hashable, Sendable, ParameterValue, ParameterDecodable, OpenEnum") {
            for item in enumeration.cases {
                DocComment.write(writer, [item.description ?? "`\(item.value.jsonText)`"])
                writer.line("case \(SwiftName.escaped(item.swiftName))")
            }
            writer.line("/// A value the spec does not list.")
            writer.line("case unknown(\(raw))")
            writer.blank()
            writer.line("/// The case for a raw value; values the spec does not list are `unknown`.")
            writer.block("\(m)init(rawValue: \(raw))") {
                if long {
                    writer.line("self = Self.cases[rawValue] ?? .unknown(rawValue)")
                } else {
                    writer.switchBlock("rawValue") {
                        for item in enumeration.cases {
                            writer.line("case \(SwiftLiteral.value(item.value)): self = .\(SwiftName.escaped(item.swiftName))")
                        }
                        writer.line("default: self = .unknown(rawValue)")
                    }
                }
            }
            if long {
                writer.blank()
                writer.line("/// The listed values' cases, by raw value.")
                writer.line("private static let cases: [\(raw): Self] = [")
                writer.indent {
                    for item in enumeration.cases {
                        writer.line("\(SwiftLiteral.value(item.value)): .\(SwiftName.escaped(item.swiftName)),")
                    }
                }
                writer.line("]")
            }
            writer.blank()
            writer.line("/// Decodes any value; a server's strict decoding rejects the ones the spec does not list.")
            writer.block("\(m)init(from decoder: any Decoder) throws") {
                writer.line("self = try OpenEnumCoding.decode(from: decoder)")
            }
            writer.blank()
            writer.line("/// The value on the wire.")
            writer.block("\(m)var rawValue: \(raw)") {
                // A long switch is written as statements: as one expression, the compiler checks
                // all its branches together.
                let result = long ? "return " : ""
                writer.switchBlock("self") {
                    for item in enumeration.cases {
                        writer.line("case .\(SwiftName.escaped(item.swiftName)): \(result)\(SwiftLiteral.value(item.value))")
                    }
                    writer.line("case .unknown(let value): \(result)value")
                }
            }
            writer.blank()
            writer.line("/// Whether the spec lists this value.")
            writer.block("\(m)var isKnown: Bool") {
                writer.line("if case .unknown = self { false } else { true }")
            }
            writer.blank()
            writer.line("/// The values the spec lists.")
            let known = enumeration.cases.map { SwiftLiteral.string($0.value.plainText) }.joined(separator: ", ")
            writer.line("\(m)var knownValues: [String] { [\(known)] }")
        }
    }

    // MARK: Unions

    /// Whether a type is a struct (through aliases).
    private func isStruct(_ type: TypeRef) -> Bool {
        guard case .named(let name) = type.nonNullable, let declared = model.type(named: name) else { return false }
        switch declared.kind {
        case .object: return true
        case .alias(let target): return isStruct(target)
        default: return false
        }
    }

    private func writeUnion(_ type: NamedType, _ union: UnionType, to writer: CodeWriter) {
        let m = options.modifier
        let rule = union.discriminator.map { "The `\($0)` property says which." }
            ?? (union.variants.filter { isStruct($0.type) }.count > 1 ? "Decoding takes the type that keeps most of the value."
                : "Decoding tries each in order and takes the first that fits.")
        DocComment.write(writer, typeDoc(type) + ["One of several types (`\(union.kind.rawValue)`). \(rule)"])
        writer.block("\(m)enum \(type.name): \(Self.conformances)") {
            for variant in union.variants {
                writer.line("/// A `\(SwiftTypes.name(variant.type))`.")
                writer.line("\(variant.isRecursive ? "indirect " : "")case \(SwiftName.escaped(variant.swiftName))(\(SwiftTypes.name(variant.type)))")
            }
            writer.blank()
            writer.block("\(m)init(from decoder: any Decoder) throws") {
                if let property = union.discriminator, union.variants.contains(where: { !$0.discriminatorValues.isEmpty }) {
                    writer.switchBlock("try UnionCoding.discriminator(\(SwiftLiteral.string(property)), in: decoder)") {
                        for variant in union.variants where !variant.discriminatorValues.isEmpty {
                            let values = variant.discriminatorValues.map(SwiftLiteral.string).joined(separator: ", ")
                            writer.line("case \(values): self = .\(SwiftName.escaped(variant.swiftName))(\(decoding(variant, from: "decoder")))")
                        }
                        writer.line("default: throw UnionCoding.noMatch(\(SwiftLiteral.string(type.name)), in: decoder)")
                    }
                } else if union.variants.filter({ isStruct($0.type) }).count > 1 {
                    // Several objects and no discriminator: the variant that keeps most of the value.
                    writer.line("self = try UnionCoding.bestFit(decoder, \(SwiftLiteral.string(type.name)), [")
                    writer.indent {
                        for variant in union.variants {
                            writer.line("{ Self.\(SwiftName.escaped(variant.swiftName))(\(decoding(variant, from: "$0"))) },")
                        }
                    }
                    writer.line("])")
                } else {
                    // Lists last: in a query or a form one value is also a list of one
                    // (`domain=x`), and is the single value the sender meant.
                    let ordered = union.variants.filter { !isList($0.type) } + union.variants.filter { isList($0.type) }
                    for variant in ordered {
                        writer.block("if let value = \(decoding(variant, from: "decoder", trying: true))") {
                            writer.line("self = .\(SwiftName.escaped(variant.swiftName))(value)")
                            writer.line("return")
                        }
                    }
                    writer.line("throw UnionCoding.noMatch(\(SwiftLiteral.string(type.name)), in: decoder)")
                }
            }
            writer.blank()
            writer.block("\(m)func encode(to encoder: any Encoder) throws") {
                writer.switchBlock("self") {
                    for variant in union.variants {
                        // A struct writes its fields into the encoder (which an allOf part shares);
                        // anything else goes through a value container, so dates and bytes are
                        // written as the encoder's strategies say, not as their raw numbers.
                        let encode = isStruct(variant.type) ? "try value.encode(to: encoder)" : "var container = encoder.singleValueContainer(); try container.encode(value)"
                        writer.line("case .\(SwiftName.escaped(variant.swiftName))(let value): \(encode)")
                    }
                }
            }
        }
    }

    private func isList(_ type: TypeRef) -> Bool {
        switch type.nonNullable {
        case .array: return true
        case .named(let name):
            if case .alias(let target)? = model.type(named: name)?.kind { return isList(target) }
            return false
        default: return false
        }
    }

    /// How a union reads one variant: a struct from the decoder itself; anything else (a date,
    /// bytes, a list, an enum) from a value container, which applies the decoder's strategies.
    private func decoding(_ variant: UnionVariant, from decoder: String, trying: Bool = false) -> String {
        let type = SwiftTypes.name(variant.type)
        let attempt = trying ? "try?" : "try"
        return isStruct(variant.type) ? "\(attempt) \(type)(from: \(decoder))"
            : "\(attempt) \(decoder).singleValueContainer().decode(\(type).self)"
    }
}
