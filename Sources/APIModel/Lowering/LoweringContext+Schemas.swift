import APISpec

/// Schemas to types.
extension LoweringContext {
    /// Lowers a named schema once, declaring its type under the name it was given. Called for
    /// every named schema in order, and on demand when an `allOf` needs one's properties.
    func lowerNamed(_ key: SchemaKey) {
        guard !loweredKeys.contains(key), !lowering.contains(key),
              let named = document.schema(key), let name = typeName(key) else { return }
        lowering.append(key)
        defer {
            lowering.removeLast()
            loweredKeys.insert(key)
        }
        let place = Place(candidate: name, origin: named.name)
        let type: TypeRef
        var description: String?
        switch named.schema {
        case let .reference(target, override, _):
            if typeName(target) == name {
                // A component that only points at a schema in another file: that schema is it.
                lowerNamed(target)
                return
            }
            type = typeName(target).map { .named($0) } ?? .json
            description = override
        case .inline(let schema):
            type = lower(schema, place: place, key: key)
            description = schema.description
        }
        if type.nonNullable == .named(name) { return }
        // Not a struct, enum or union of its own: a type alias. Where it is used, a reference
        // carries the nullability (see `typeRef`), so the alias names the type without it.
        let location = named.schema.location
        var target = type.nonNullable
        if target.namedTypes.contains(name) {
            warn("schema '\(named.name)' is an alias of a type that contains itself; it is read as any JSON",
                 DiagnosticID.unsupported, at: location, pointer: key.pointer)
            target = .json
        }
        var examples: [SpecValue] = []
        var extensions: [ExtensionModel] = []
        if case .inline(let schema) = named.schema {
            examples = schema.examples
            extensions = schema.extensions.map(ExtensionModel.init(_:))
        }
        declare(NamedType(name: name, specName: named.name, origin: origin(key), title: nil,
                          description: description, deprecated: false, kind: .alias(target), examples: examples,
                          extensions: extensions, location: location), for: key)
    }

    /// The type of a schema or reference in some place.
    func typeRef(_ ref: SchemaRef, place: Place) -> TypeRef {
        switch ref {
        case .reference(let key, _, _):
            guard let name = typeName(key) else { return .json }
            return allowsNull(ref) ? .nullable(.named(name)) : .named(name)
        case .inline(let schema):
            if let cached = inlineCache[schema.location] { return cached }
            let type = lower(schema, place: place, key: nil)
            inlineCache[schema.location] = type
            return type
        }
    }

    /// Lowers one schema. A struct, enum or union is declared: under the named schema's name
    /// when `key` is set, or under a name claimed from `place`.
    func lower(_ schema: Schema, place: Place, key: SchemaKey?) -> TypeRef {
        var nullable = schema.allowsNull
        let types = (schema.types ?? []).filter { $0 != "null" }
        let result: TypeRef
        if let parts = schema.allOf, !parts.isEmpty {
            result = lowerAllOf(schema, parts: parts, place: place, key: key)
        } else if let variants = schema.oneOf ?? schema.anyOf, !variants.isEmpty,
                  !variants.allSatisfy({ if case .inline(let inline) = $0 { Self.givesNoShape(inline) } else { false } }) {
            // Variants that only say which properties must be present (`oneOf: [{required: [a]},
            // {required: [b]}]`) leave the schema's own shape, lowered below.
            let (type, hasNull) = lowerUnion(schema, variants: variants, kind: schema.oneOf != nil ? .oneOf : .anyOf,
                                             place: place, key: key)
            result = type
            nullable = nullable || hasNull
        } else if let values = schema.enumValues, !values.isEmpty {
            result = lowerEnum(schema, values: values, place: place, key: key)
            nullable = nullable || values.contains(.null)
        } else if types.count > 1 {
            result = lowerTypeUnion(schema, types: types, place: place, key: key)
        } else {
            result = lowerSingle(schema, type: types.first ?? inferredType(schema), place: place, key: key)
        }
        return nullable && !result.isNullable ? .nullable(result) : result
    }

    /// The schema written out that a reference leads to, through chains of references.
    func resolvedInline(_ ref: SchemaRef, depth: Int = 0) -> Schema? {
        switch ref {
        case .inline(let schema): return schema
        case .reference(let key, _, _):
            guard depth < 32, let target = document.schema(key) else { return nil }
            return resolvedInline(target.schema, depth: depth + 1)
        }
    }

    /// Whether a schema, or the one a reference leads to, allows `null` at its top level.
    func allowsNull(_ ref: SchemaRef, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        switch ref {
        case .reference(let key, _, _):
            // The answer depends on the document alone: worked out once per target.
            if depth == 0, let known = nullableTargets[key] { return known }
            guard let target = document.schema(key) else { return false }
            let allows = allowsNull(target.schema, depth: depth + 1)
            if depth == 0 { nullableTargets[key] = allows }
            return allows
        case .inline(let schema):
            if schema.allowsNull || schema.enumValues?.contains(.null) == true { return true }
            for variants in [schema.oneOf, schema.anyOf].compactMap({ $0 }) where variants.contains(where: Self.isNullOnly) {
                return true
            }
            if let parts = schema.allOf, parts.count == 1, schema.properties.isEmpty, schema.additionalProperties == nil {
                return allowsNull(parts[0], depth: depth + 1)
            }
            return false
        }
    }

    /// The type a schema without `type` implies.
    private func inferredType(_ schema: Schema) -> String? {
        if !schema.properties.isEmpty || schema.additionalProperties != nil { return "object" }
        if schema.items != nil { return "array" }
        switch schema.constValue {
        case .string?: return "string"
        case .int?: return "integer"
        case .double?: return "number"
        case .bool?: return "boolean"
        default: return nil
        }
    }

    private func lowerSingle(_ schema: Schema, type: String?, place: Place, key: SchemaKey?) -> TypeRef {
        switch type {
        case "string":
            var format = schema.format
            if format == nil, schema.contentEncoding == "base64" { format = "byte" }
            if format == nil, schema.contentMediaType == "application/octet-stream" { format = "binary" }
            return .string(format: format)
        case "integer": return .integer(format: schema.format)
        case "number": return .number(format: schema.format)
        case "boolean": return .boolean
        case "array":
            return .array(schema.items.map { typeRef($0, place: place.item) } ?? .json)
        case "object":
            return lowerObject(schema, place: place, key: key)
        default:
            return .json
        }
    }

    // MARK: Objects

    private func lowerObject(_ schema: Schema, place: Place, key: SchemaKey?) -> TypeRef {
        if schema.properties.isEmpty {
            switch schema.additionalProperties {
            case .schema(let valueSchema)?:
                return .dictionary(typeRef(valueSchema, place: Place(candidate: place.candidate + "Value", origin: place.origin + "{}")))
            case .allowed(false)?:
                break  // an object that must be empty: an empty struct
            default:
                return .dictionary(.json)
            }
        }
        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        var scope = NameScope()
        let required = Set(schema.required)
        let properties = schema.properties.map {
            lowerProperty($0.name, $0.schema, owner: name, ownerSpecName: place.origin, required: required.contains($0.name),
                          place: place, scope: &scope)
        }
        var object = ObjectType(properties: properties, additionalProperties: nil, additionalPropertiesName: nil)
        addAdditionalProperties(schema, to: &object, owner: name, place: place, scope: &scope)
        declare(.object(object), named: name, from: schema, place: place, key: key)
        return .named(name)
    }

    /// Typed (or explicitly allowed) extra properties get a member of their own.
    private func addAdditionalProperties(_ schema: Schema, to object: inout ObjectType, owner: String, place: Place,
                                         scope: inout NameScope) {
        switch schema.additionalProperties {
        case .schema(let valueSchema)?:
            object.additionalProperties = typeRef(valueSchema, place: Place(candidate: owner + "Value", origin: place.origin + "{}"))
        case .allowed(true)?:
            object.additionalProperties = .json
        default:
            return
        }
        object.additionalPropertiesName = scope.claim("additionalProperties")
    }

    func lowerProperty(_ name: String, _ ref: SchemaRef, owner: String, ownerSpecName: String, required: Bool,
                       place: Place, scope: inout NameScope) -> Property {
        let wanted = renamedProperty(name, ownerSpecName: ownerSpecName) ?? memberName(name)
        let swiftName = scope.claim(wanted)
        let type = typeRef(ref, place: place.property(name, ofType: owner))
        var property = Property(name: name, swiftName: swiftName, type: type, required: required, description: nil,
                                deprecated: false, readOnly: false, writeOnly: false, defaultValue: nil, constValue: nil,
                                constraints: Constraints(), examples: [], isRecursive: false, sourceLocation: ref.location)
        switch ref {
        case .reference(_, let description, _):
            property.description = description
        case .inline(let schema):
            property.description = schema.description
            property.deprecated = schema.deprecated
            property.readOnly = schema.readOnly
            property.writeOnly = schema.writeOnly
            property.defaultValue = schema.defaultValue
            property.constValue = schema.constValue
            property.constraints = schema.constraints
            property.examples = schema.examples
        }
        return property
    }

    /// The name the options give a property, in its owner or anywhere.
    private func renamedProperty(_ name: String, ownerSpecName: String) -> String? {
        guard !options.propertyNames.isEmpty else { return nil }
        return options.propertyNames["\(ownerSpecName).\(name)"] ?? options.propertyNames[name]
    }

    /// `SwiftName.member(name)`, made once per distinct name.
    private func memberName(_ name: String) -> String {
        if let known = memberNames[name] { return known }
        let made = SwiftName.member(name)
        memberNames[name] = made
        return made
    }

    // MARK: allOf

    /// `allOf`: parts that only annotate (`description`, `nullable: true`) or only constrain
    /// (`required` lists) give no shape; one shaped part and nothing else is that part (null
    /// allowed when an annotation says so). Otherwise the parts' properties merge into one
    /// struct (a property required by any part is required, a later part's property replaces an
    /// earlier one's, and typed extra properties carry over), and parts that are unions are
    /// composed: each is a member read from, and written into, the same JSON object.
    private func lowerAllOf(_ schema: Schema, parts: [SchemaRef], place: Place, key: SchemaKey?) -> TypeRef {
        let hasOwnShape = !schema.properties.isEmpty || schema.additionalProperties != nil
        let shaped = parts.filter { part in
            guard case .inline(let inline) = part else { return true }
            return !Self.givesNoShape(inline)
        }
        if shaped.count <= 1, !hasOwnShape {
            let annotatedNull = parts.contains { if case .inline(let inline) = $0 { return inline.allowsNull } else { return false } }
            let type = shaped.first.map { typeRef($0, place: place) } ?? .json
            return annotatedNull && !type.isNullable ? .nullable(type) : type
        }
        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        var required = Set(schema.required)
        var shapes = parts.map { partShape($0, owner: name, place: place, required: &required) }
        shapes.append(partShape(.inline(ownPart(of: schema)), owner: name, place: place, required: &required))
        var merged: [Property] = []
        var composed: [ComposedPart] = []
        var scope = NameScope()
        var additional: TypeRef?
        for shape in shapes {
            for property in shape.object.properties {
                if let index = merged.firstIndex(where: { $0.name == property.name }) {
                    var replacement = property
                    replacement.swiftName = merged[index].swiftName
                    merged[index] = replacement
                } else {
                    var fresh = property
                    fresh.swiftName = scope.claim(property.swiftName)
                    merged.append(fresh)
                }
            }
            additional = shape.object.additionalProperties ?? additional
            for var part in shape.composed {
                part.swiftName = scope.claim(part.swiftName)
                composed.append(part)
            }
        }
        for index in merged.indices where required.contains(merged[index].name) { merged[index].required = true }
        let object = ObjectType(properties: merged, additionalProperties: additional,
                                additionalPropertiesName: additional == nil ? nil : scope.claim("additionalProperties"),
                                composedParts: composed.isEmpty ? nil : composed)
        declare(.object(object), named: name, from: schema, place: place, key: key)
        return .named(name)
    }

    /// Whether a schema says nothing about a value's shape: annotations (`description`,
    /// `nullable`), `required` lists, and unions of such (`anyOf: [{required: [a]}, {required: [b]}]`).
    private static func givesNoShape(_ schema: Schema) -> Bool {
        let types = (schema.types ?? []).filter { $0 != "null" }
        let unions = (schema.oneOf ?? []) + (schema.anyOf ?? [])
        let unionsGiveNoShape = unions.allSatisfy { if case .inline(let inline) = $0 { return givesNoShape(inline) } else { return false } }
        return types.isEmpty && schema.properties.isEmpty && schema.additionalProperties == nil && schema.items == nil
            && (schema.allOf ?? []).isEmpty && unionsGiveNoShape && schema.enumValues == nil && schema.constValue == nil
    }

    /// The schema's own properties, without its `allOf`, as one more part to merge.
    private func ownPart(of schema: Schema) -> Schema {
        var own = Schema.any(at: schema.location, pointer: schema.pointer)
        own.properties = schema.properties
        own.required = schema.required
        own.additionalProperties = schema.additionalProperties
        return own
    }

    /// What one `allOf` part contributes: its properties and typed extra properties, or, for a
    /// union, a composed member. A part that is neither (an array, a scalar) contributes
    /// nothing, with a warning.
    private func partShape(_ part: SchemaRef, owner: String, place: Place,
                           required: inout Set<String>) -> (object: ObjectType, composed: [ComposedPart]) {
        let nothing = ObjectType(properties: [], additionalProperties: nil, additionalPropertiesName: nil)
        switch part {
        case .reference(let key, let description, let location):
            // A schema being lowered right now that is met again through allOf contains itself.
            if lowering.contains(key) {
                error("allOf includes '\(document.schema(key)?.name ?? key.pointer)', which includes this schema again",
                      DiagnosticID.refCycle, at: location, pointer: key.pointer)
                return (nothing, [])
            }
            lowerNamed(key)
            guard let name = typeName(key) else { return (nothing, []) }
            if let looping = aliasChain(from: name).first(where: { keyByName[$0].map(lowering.contains) ?? false }) {
                error("allOf includes '\(document.schema(key)?.name ?? name)', which stands for '\(looping)', which includes it again",
                      DiagnosticID.refCycle, at: location, pointer: key.pointer)
                return (nothing, [])
            }
            guard let target = declaration(followingAliases: name) else { return (nothing, []) }
            switch target.kind {
            case .object(let object):
                return (object, [])
            case .union:
                return (nothing, [ComposedPart(swiftName: memberName(target.name), type: .named(target.name),
                                               description: description ?? target.description)])
            default:
                warn("allOf part '\(document.schema(key)?.name ?? name)' is neither an object nor a union; it is left out",
                     DiagnosticID.unsupported, at: location, pointer: key.pointer)
                return (nothing, [])
            }
        case .inline(let schema):
            required.formUnion(schema.required)
            var result = nothing
            var composed: [ComposedPart] = []
            for nested in schema.allOf ?? [] {
                let shape = partShape(nested, owner: owner, place: place, required: &required)
                result.properties += shape.object.properties
                result.additionalProperties = shape.object.additionalProperties ?? result.additionalProperties
                composed += shape.composed
            }
            var scope = NameScope()
            result.properties += schema.properties.map {
                lowerProperty($0.name, $0.schema, owner: owner, ownerSpecName: place.origin, required: false,
                              place: place, scope: &scope)
            }
            addAdditionalProperties(schema, to: &result, owner: owner, place: place, scope: &scope)
            let unions = (schema.oneOf ?? []) + (schema.anyOf ?? [])
            if !unions.isEmpty, !Self.givesNoShape(schema) {
                // An inline union among the parts: a union type of its own, composed.
                var union = Schema.any(at: schema.location, pointer: schema.pointer)
                union.oneOf = schema.oneOf
                union.anyOf = schema.anyOf
                union.discriminator = schema.discriminator
                let type = lower(union, place: Place(candidate: owner + "Variant", origin: place.origin + " variant"), key: nil)
                composed.append(ComposedPart(swiftName: "variant", type: type, description: schema.description))
            }
            return (result, composed)
        }
    }
}
