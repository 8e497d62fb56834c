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
            type = typeName(target).map { .named($0) } ?? .json
            description = override
        case .inline(let schema):
            type = lower(schema, place: place, key: key)
            description = schema.description
        }
        if case .named(name) = type { return }
        // Not a struct, enum or union of its own: a type alias.
        let location = named.schema.location
        var target = type
        if type.namedTypes.contains(name) {
            warn("schema '\(named.name)' is an alias of a type that contains itself; it is read as any JSON",
                 DiagnosticID.unsupported, at: location, pointer: key.pointer)
            target = .json
        }
        declare(NamedType(name: name, specName: named.name, isComponent: named.isComponent, title: nil,
                          description: description, deprecated: false, kind: .alias(target), examples: [],
                          location: location), for: key)
    }

    /// The type of a schema or reference in some place.
    func typeRef(_ ref: SchemaRef, place: Place) -> TypeRef {
        switch ref {
        case .reference(let key, _, _):
            return typeName(key).map { .named($0) } ?? .json
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
        } else if let variants = schema.oneOf ?? schema.anyOf, !variants.isEmpty {
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
        declare(NamedType(name: name, specName: place.origin, isComponent: key.flatMap { document.schema($0)?.isComponent } ?? false,
                          title: schema.title, description: schema.description, deprecated: schema.deprecated,
                          kind: .object(object), examples: schema.examples, location: schema.location), for: key)
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
        let wanted = options.propertyNames["\(ownerSpecName).\(name)"] ?? options.propertyNames[name] ?? SwiftName.member(name)
        let swiftName = scope.claim(wanted)
        let type = typeRef(ref, place: place.property(name, ofType: owner))
        var property = Property(name: name, swiftName: swiftName, type: type, required: required, description: nil,
                                deprecated: false, readOnly: false, writeOnly: false, defaultValue: nil, constValue: nil,
                                constraints: Constraints(), examples: [], isRecursive: false)
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

    // MARK: allOf

    /// `allOf`: one part and nothing else is that part; otherwise the parts' properties merge
    /// into one struct (a property required by any part is required).
    private func lowerAllOf(_ schema: Schema, parts: [SchemaRef], place: Place, key: SchemaKey?) -> TypeRef {
        let hasOwnShape = !schema.properties.isEmpty || schema.additionalProperties != nil
        if parts.count == 1, !hasOwnShape {
            return typeRef(parts[0], place: place)
        }
        let name = key.flatMap(typeName) ?? typeScope.claim(place.candidate)
        var merged: [Property] = []
        var required = Set(schema.required)
        var scope = NameScope()
        func add(_ property: Property) {
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
        for part in parts {
            for property in partProperties(part, owner: name, place: place, required: &required) {
                add(property)
            }
        }
        var ownScope = NameScope()
        for (propertyName, ref) in schema.properties {
            add(lowerProperty(propertyName, ref, owner: name, ownerSpecName: place.origin, required: false,
                              place: place, scope: &ownScope))
        }
        for index in merged.indices { merged[index].required = merged[index].required || required.contains(merged[index].name) }
        var object = ObjectType(properties: merged, additionalProperties: nil, additionalPropertiesName: nil)
        addAdditionalProperties(schema, to: &object, owner: name, place: place, scope: &scope)
        declare(NamedType(name: name, specName: place.origin, isComponent: key.flatMap { document.schema($0)?.isComponent } ?? false,
                          title: schema.title, description: schema.description, deprecated: schema.deprecated,
                          kind: .object(object), examples: schema.examples, location: schema.location), for: key)
        return .named(name)
    }

    /// The properties one `allOf` part contributes; a part that is not an object contributes
    /// none, with a warning.
    private func partProperties(_ part: SchemaRef, owner: String, place: Place, required: inout Set<String>) -> [Property] {
        switch part {
        case .reference(let key, _, let location):
            // A schema being lowered right now that is met again through allOf contains itself.
            if lowering.contains(key) {
                error("allOf includes '\(document.schema(key)?.name ?? key.pointer)', which includes this schema again",
                      DiagnosticID.refCycle, at: location, pointer: key.pointer)
                return []
            }
            lowerNamed(key)
            guard let name = typeName(key) else { return [] }
            if let looping = aliasChain(from: name).first(where: { keyByName[$0].map(lowering.contains) ?? false }) {
                error("allOf includes '\(document.schema(key)?.name ?? name)', which stands for '\(looping)', which includes it again",
                      DiagnosticID.refCycle, at: location, pointer: key.pointer)
                return []
            }
            guard let target = declaration(followingAliases: name) else { return [] }
            if case .object(let object) = target.kind { return object.properties }
            warn("allOf part '\(document.schema(key)?.name ?? name)' is not an object; its properties are left out",
                 DiagnosticID.unsupported, at: location, pointer: key.pointer)
            return []
        case .inline(let schema):
            required.formUnion(schema.required)
            var result: [Property] = []
            for nested in schema.allOf ?? [] {
                result += partProperties(nested, owner: owner, place: place, required: &required)
            }
            var scope = NameScope()
            result += schema.properties.map {
                lowerProperty($0.name, $0.schema, owner: owner, ownerSpecName: place.origin, required: false,
                              place: place, scope: &scope)
            }
            if result.isEmpty, schema.oneOf != nil || schema.anyOf != nil {
                warn("a oneOf or anyOf inside allOf is not supported; that part is left out",
                     DiagnosticID.unsupported, at: schema.location, pointer: schema.pointer)
            }
            return result
        }
    }
}
