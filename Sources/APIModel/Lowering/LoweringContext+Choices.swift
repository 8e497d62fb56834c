import APISpec

/// Enums and unions: schemas that are one of several things.
extension LoweringContext {
    /// `enum`: a closed set of values of one JSON kind. Identical inline enums asking for the
    /// same name share one type.
    func lowerEnum(_ schema: Schema, values: [SpecValue], place: Place, key: SchemaKey?) -> TypeRef {
        let present = values.filter { $0 != .null }
        guard let rawType = Self.rawType(of: present) else {
            if !present.isEmpty {
                warn("an enum whose values are of different kinds is read as any JSON",
                     DiagnosticID.unsupported, at: schema.location, pointer: schema.pointer)
            }
            return .json
        }
        // true/false as an "enum" is just a boolean.
        if rawType == .boolean { return .boolean }
        let names = schema.extensions["x-enum-varnames"]?.value ?? schema.extensions["x-enumNames"]?.value
        let descriptions = schema.extensions["x-enum-descriptions"]?.value ?? schema.extensions["x-enumDescriptions"]?.value
        var scope = NameScope(reserved: ["unknown"])
        let cases = present.enumerated().map { index, value in
            let text = value.plainText
            let wanted: String
            if case .array(let given)? = names, index < given.count, let name = given[index].stringValue {
                wanted = SwiftName.enumCase(name)
            } else {
                wanted = SwiftName.enumCase(text)
            }
            var description: String?
            switch descriptions {
            case .array(let given)? where index < given.count: description = given[index].stringValue
            case .object?: description = descriptions?[text]?.stringValue
            default: break
            }
            return EnumCase(swiftName: scope.claim(wanted), value: value, description: description)
        }
        let enumeration = EnumType(rawType: rawType, cases: cases, isNullable: values.contains(.null))
        // An identical inline enum for a property or parameter of the same name is the same type.
        let shareKey = place.leaf ?? place.candidate
        if key == nil {
            for existing in enumsByLeaf[shareKey] ?? [] {
                if case .enumeration(enumeration)? = declaredByName[existing]?.kind { return .named(existing) }
            }
        }
        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        if key == nil { enumsByLeaf[shareKey, default: []].append(name) }
        declare(.enumeration(enumeration), named: name, from: schema, place: place, key: key)
        return .named(name)
    }

    /// The one JSON kind all values share, if they do.
    private static func rawType(of values: [SpecValue]) -> EnumType.RawType? {
        guard let first = values.first else { return nil }
        func kind(_ value: SpecValue) -> EnumType.RawType? {
            switch value {
            case .string: return .string
            case .int: return .integer
            case .double: return .number
            case .bool: return .boolean
            default: return nil
            }
        }
        let kinds = Set(values.compactMap(kind))
        guard kinds.count == values.count || values.allSatisfy({ kind($0) != nil }) else { return nil }
        if kinds == [.integer, .number] { return .number }
        return kinds.count == 1 ? kind(first) : nil
    }

    /// The values a schema's property is fixed to: its `const`, or its `enum`'s values, looked
    /// for in the schema's properties and its `allOf` parts.
    private func fixedValues(of property: String, in schema: SchemaRef, depth: Int) -> [String] {
        guard depth < 8 else { return [] }
        let resolved: Schema
        switch schema {
        case .reference(let target, _, _):
            guard let named = document.schema(target) else { return [] }
            return fixedValues(of: property, in: named.schema, depth: depth + 1)
        case .inline(let inline):
            resolved = inline
        }
        if let found = resolved.properties.first(where: { $0.name == property })?.schema {
            var value = found
            for _ in 0..<8 {
                guard case .reference(let target, _, _) = value, let named = document.schema(target) else { break }
                value = named.schema
            }
            guard case .inline(let leaf) = value else { return [] }
            if let constant = leaf.constValue?.stringValue { return [constant] }
            return (leaf.enumValues ?? []).compactMap(\.stringValue)
        }
        return (resolved.allOf ?? []).flatMap { fixedValues(of: property, in: $0, depth: depth + 1) }
    }

    /// `oneOf` / `anyOf`. `null` variants make the result nullable; a single remaining variant
    /// is that variant itself.
    func lowerUnion(_ schema: Schema, variants: [SchemaRef], kind: UnionType.Kind, place: Place,
                    key: SchemaKey?) -> (TypeRef, nullable: Bool) {
        let present = variants.filter { !Self.isNullOnly($0) }
        let nullable = present.count < variants.count
        if present.isEmpty { return (.json, nullable) }
        if present.count == 1 { return (typeRef(present[0], place: place), nullable) }

        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        // X points its discriminator at the parent's field (`../event_type`): no property of
        // the payload says which, so the payload itself must.
        var discriminator = schema.discriminator
        if let property = discriminator?.propertyName, property.contains("/") {
            warn("the discriminator's propertyName '\(property)' is not a property of the payload; the union is read without "
                 + "it, each value as the variant it fits", DiagnosticID.unsupported, at: schema.location, pointer: schema.pointer)
            discriminator = nil
        }
        var mapped: [SchemaKey: [String]] = [:]
        for entry in discriminator?.mapping ?? [] { mapped[entry.schema, default: []].append(entry.value) }
        var scope = NameScope()
        var claimed = Set(mapped.values.joined())
        let unionVariants = present.enumerated().map { index, variant -> UnionVariant in
            switch variant {
            case .reference(let target, _, _):
                let typeName = typeName(target) ?? "Option\(index + 1)"
                var values = mapped[target] ?? []
                if values.isEmpty, let property = discriminator?.propertyName, let named = document.schema(target) {
                    // No mapping: the schema's name, as OpenAPI says, and the value its own
                    // discriminator property is fixed to (OpenAI's `type: function` in
                    // FunctionTool), which is what real payloads carry.
                    values = (fixedValues(of: property, in: named.schema, depth: 0) + [named.name]).filter { claimed.insert($0).inserted }
                }
                return UnionVariant(swiftName: scope.claim(SwiftName.enumCase(typeName)),
                                    type: typeRef(variant, place: place), discriminatorValues: values, isRecursive: false)
            case .inline(let inline):
                let label = inline.title ?? Self.primitiveLabel(inline) ?? "Option\(index + 1)"
                let type = typeRef(variant, place: Place(joining: name, label, origin: "\(place.origin)|\(index)"))
                return UnionVariant(swiftName: scope.claim(SwiftName.enumCase(label)), type: type,
                                    discriminatorValues: [], isRecursive: false)
            }
        }
        let union = UnionType(kind: kind, variants: unionVariants, discriminator: discriminator?.propertyName)
        declare(.union(union), named: name, from: schema, place: place, key: key)
        return (.named(name), nullable)
    }

    /// 3.1 `type: [string, integer]`: a union of the listed kinds.
    func lowerTypeUnion(_ schema: Schema, types: [String], place: Place, key: SchemaKey?) -> TypeRef {
        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        var scope = NameScope()
        let variants = types.map { type -> UnionVariant in
            let lowered: TypeRef
            switch type {
            case "string": lowered = .string(format: schema.format)
            case "integer": lowered = .integer(format: schema.format)
            case "number": lowered = .number(format: schema.format)
            case "boolean": lowered = .boolean
            case "array": lowered = .array(schema.items.map { typeRef($0, place: place.item) } ?? .json)
            default: lowered = .dictionary(.json)
            }
            return UnionVariant(swiftName: scope.claim(SwiftName.enumCase(type)), type: lowered,
                                discriminatorValues: [], isRecursive: false)
        }
        declare(.union(UnionType(kind: .oneOf, variants: variants, discriminator: nil)), named: name, from: schema,
                place: place, key: key)
        return .named(name)
    }

    /// A variant that only allows `null`.
    static func isNullOnly(_ ref: SchemaRef) -> Bool {
        guard case .inline(let schema) = ref else { return false }
        return schema.types == ["null"] || (schema.enumValues == [.null])
    }

    /// `string`, `integer`, ... for an inline variant of one primitive type.
    private static func primitiveLabel(_ schema: Schema) -> String? {
        guard let types = schema.types?.filter({ $0 != "null" }), types.count == 1,
              schema.properties.isEmpty, schema.enumValues == nil else { return nil }
        // A string of a format is named by it: `.dateTime(Date)`, `.byte(Data)`, not `.string`.
        if types[0] == "string", let format = schema.format, !format.isEmpty { return format }
        return types[0] == "object" ? nil : types[0]
    }
}
