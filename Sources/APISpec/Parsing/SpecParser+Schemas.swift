/// Schemas: inline ones in place, named ones through the schema table and its queue.
extension SpecParser {
    private static let typeNames: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// Keywords that may stand beside `$ref` without changing what it means.
    private static let refAnnotations: Set<String> = ["$ref", "description", "summary", "$comment", "title"]

    /// Adds a schema with an identity to the table and queues it for parsing.
    /// The name is worked out only for a schema not seen before.
    func register(_ key: SchemaKey, name: @autoclosure () -> String, isComponent: Bool, cursor: Cursor) {
        guard schemaIndex[key] == nil else { return }
        schemaIndex[key] = schemas.count
        schemas.append(NamedSchema(key: key, name: name(), isComponent: isComponent,
                                   schema: .inline(.any(at: cursor.location, pointer: cursor.pointer))))
        schemaQueue.append((key, cursor))
    }

    /// Parses queued named schemas until none is left (parsing one may queue others), then
    /// reports chains of pure references that loop.
    ///
    /// The queue is taken in rounds: what is queued now, then what that queued. A large round
    /// is parsed ``inParts(_:_:)``, which gives the same table as one schema after another.
    func drainSchemaQueue() {
        var next = 0
        while next < schemaQueue.count {
            let round = Array(schemaQueue[next...])
            next = schemaQueue.count
            let parsed = inParts(round) { parser, part in part.map { ($0.key, parser.schemaRef($0.cursor)) } }
            for (key, schema) in parsed {
                if let index = schemaIndex[key] { schemas[index].schema = schema }
            }
        }
        schemaQueue.removeAll()
        reportReferenceCycles()
    }

    /// A schema, or a reference to a named one.
    func schemaRef(_ cursor: Cursor) -> SchemaRef {
        guard case .mapping = cursor.node.content else {
            if case .scalar(let text, true) = cursor.node.content, case .bool = ScalarResolver.resolve(text) {
                return .inline(.any(at: cursor.location, pointer: cursor.pointer))  // 3.1 boolean schema
            }
            wrongType(cursor, expected: "a schema (a mapping)")
            return .inline(.any(at: cursor.location, pointer: cursor.pointer))
        }
        if let recursive = cursor["$recursiveRef"] ?? cursor["$dynamicRef"], case .scalar("#", _) = recursive.node.content,
           let root = resourceRoot(of: cursor) {
            // `$recursiveRef: "#"`: the schema this one is inside of (OpenAI's recursive filters).
            return schemaReference(root, from: recursive, description: string(cursor["description"]))
                ?? .inline(.any(at: cursor.location, pointer: cursor.pointer))
        }
        guard let ref = cursor["$ref"] else { return .inline(schema(cursor)) }
        let reference = schemaReference(ref, description: string(cursor["description"]))
        let hasSiblings = cursor.keys.contains { !Self.refAnnotations.contains($0) && !$0.hasPrefix("x-") }
        guard hasSiblings, let reference else {
            return reference ?? .inline(.any(at: cursor.location, pointer: cursor.pointer))
        }
        // `$ref` beside other keywords (`nullable: true`, `properties`, ...): both apply.
        var rest = schema(cursor)
        rest.allOf = [reference] + (rest.allOf ?? [])
        return .inline(rest)
    }

    /// The reference a `$ref` value makes, registering its target. Nil (reported) when the
    /// target does not exist.
    private func schemaReference(_ ref: Cursor, description: String?) -> SchemaRef? {
        guard let raw = string(ref) else { return nil }
        return schemaReference(raw, from: ref, description: description)
    }

    private func schemaReference(_ raw: String, from ref: Cursor, description: String?) -> SchemaRef? {
        guard let target = locate(raw, from: ref) else { return nil }
        let key = SchemaKey(file: target.file, pointer: target.pointer)
        register(key, name: Self.schemaName(key), isComponent: false, cursor: target)
        return .reference(key, description: description, location: ref.location)
    }

    /// The schema resource a schema is inside of, as a `$ref`: the component schema its pointer
    /// starts with, or the whole file.
    private func resourceRoot(of cursor: Cursor) -> String? {
        let tokens = cursor.pointer.split(separator: "/", omittingEmptySubsequences: false)
        if tokens.count >= 4, tokens[1] == "components", tokens[2] == "schemas" { return tokens[0...3].joined(separator: "/") }
        return "#"
    }

    /// The name a schema's key suggests: the last pointer token, or the file's base name.
    static func schemaName(_ key: SchemaKey) -> String {
        if let tokens = JSONPointer.tokens(String(key.pointer.dropFirst()), last: 3), let last = tokens.last {
            // `#/components/schemas/Delivery/$defs/Attempt` is `Delivery.Attempt`.
            if tokens.count >= 3, tokens[tokens.count - 2] == "$defs" || tokens[tokens.count - 2] == "definitions" {
                return tokens[tokens.count - 3] + "." + last
            }
            return last
        }
        let base = key.file.split(separator: "/").last.map(String.init) ?? key.file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    private func schema(_ cursor: Cursor) -> Schema {
        var schema = Schema.any(at: cursor.location, pointer: cursor.pointer)
        let keywords = SchemaKeywords(cursor)
        if let type = cursor[.type, in: keywords] {
            let names: [String]?
            if case .sequence = type.node.content { names = strings(type) } else { names = string(type).map { [$0] } }
            let unknown = (names ?? []).filter { !Self.typeNames.contains($0) }
            for name in unknown {
                report(.warning, "'\(name)' is not a schema type (string, number, integer, boolean, array, object or null); "
                       + "the schema is read as any JSON", DiagnosticID.unknownType, at: type)
            }
            // A misspelled type says nothing sure about the value: any JSON.
            schema.types = unknown.isEmpty ? names : nil
        }
        // The types as written, before 3.0's `nullable` adds null (with no `type`, any value).
        let declaredTypes = schema.types
        let nullable = bool(cursor[.nullable, in: keywords]) == true
        if nullable {
            schema.types = (schema.types ?? []).filter { $0 != "null" } + ["null"]
        }
        schema.format = string(cursor[.format, in: keywords])
        schema.title = string(cursor[.title, in: keywords])
        schema.description = string(cursor[.description, in: keywords])
        if let values = sequence(cursor[.enum, in: keywords]) {
            var seen = Set<SpecValue>()
            schema.enumValues = values.compactMap { item in
                let value = item.node.specValue
                guard seen.insert(value).inserted else {
                    report(.warning, "the enum lists \(value.jsonText) more than once; the repeat is left out",
                           DiagnosticID.duplicateValue, at: item)
                    return nil
                }
                return value
            }
        }
        schema.constValue = value(cursor[.const, in: keywords])
        if let field = cursor[.default, in: keywords] {
            schema.defaultValue = checkedDefault(field, types: declaredTypes, nullable: nullable, enumValues: schema.enumValues)
        }
        if let example = cursor[.example, in: keywords] { schema.examples.append(example.node.specValue) }
        if let examples = cursor[.examples, in: keywords] {
            if case .sequence(let items) = examples.node.content {
                schema.examples += items.map(\.specValue)
            } else {
                wrongType(examples, expected: "a sequence of examples")
            }
        }
        if var field = cursor[.properties, in: keywords] {
            // `properties: {$ref: ...}`: the properties are kept elsewhere (DigitalOcean's).
            if field.keys == ["$ref"], let target = followedReference(field, standingFor: "the properties of a schema") {
                field = target
            }
            schema.properties = mapping(field)?.map { ($0.key, schemaRef($0.value)) } ?? []
        }
        schema.required = strings(cursor[.required, in: keywords]) ?? []
        if let additional = cursor[.additionalProperties, in: keywords] {
            if case .scalar = additional.node.content {
                schema.additionalProperties = bool(additional).map { .allowed($0) }
            } else {
                schema.additionalProperties = .schema(schemaRef(additional))
            }
        }
        if let items = cursor[.items, in: keywords] {
            if case .sequence = items.node.content {
                report(.warning, "tuple 'items' (a sequence of schemas) is not supported; the array's items are read as any JSON",
                       DiagnosticID.unsupported, at: items)
            } else {
                schema.items = schemaRef(items)
            }
        }
        schema.allOf = sequence(cursor[.allOf, in: keywords])?.map { schemaRef($0) }
        schema.oneOf = sequence(cursor[.oneOf, in: keywords])?.map { schemaRef($0) }
        schema.anyOf = sequence(cursor[.anyOf, in: keywords])?.map { schemaRef($0) }
        schema.discriminator = discriminator(cursor[.discriminator, in: keywords])
        schema.readOnly = bool(cursor[.readOnly, in: keywords]) ?? false
        schema.writeOnly = bool(cursor[.writeOnly, in: keywords]) ?? false
        schema.deprecated = bool(cursor[.deprecated, in: keywords]) ?? false
        schema.constraints = constraints(cursor, keywords)
        schema.contentEncoding = string(cursor[.contentEncoding, in: keywords])
        schema.contentMediaType = string(cursor[.contentMediaType, in: keywords])
        schema.extensions = extensions(cursor)
        if let defs = mapping(cursor[.defs, in: keywords]) {
            for (_, definition) in defs {
                let key = SchemaKey(file: definition.file, pointer: definition.pointer)
                register(key, name: Self.schemaName(key), isComponent: false, cursor: definition)
            }
        }
        for keyword in SchemaKeyword.unsupported where keywords.contains(keyword) {
            guard let location = cursor.keyLocation(keyword.name) else { continue }
            report(.warning, "'\(keyword.name)' is not supported; the schema is read without it",
                   DiagnosticID.unsupported, at: location, pointer: cursor.pointer + "/" + JSONPointer.escape(keyword.name))
        }
        return schema
    }

    /// A `default` that fits the schema's types and values, or nil, warned, when it does not
    /// (`default: "null"` on an integer, an array on a string enum).
    private func checkedDefault(_ field: Cursor, types: [String]?, nullable: Bool, enumValues: [SpecValue]?) -> SpecValue? {
        let value = field.node.specValue
        let nullAllowed = value == .null && (nullable || types?.contains("null") == true)
        var fits = nullAllowed || (types.map { types in types.contains { Self.fits(value, type: $0) } } ?? true)
        if let enumValues, !enumValues.contains(value), !nullAllowed { fits = false }
        guard fits else {
            let expected = enumValues == nil ? "of the schema's type, \((types ?? []).joined(separator: " or "))"
                : "one of the schema's values"
            report(.warning, "the default \(value.jsonText) is not \(expected); it is ignored", DiagnosticID.defaultMismatch,
                   at: field)
            return nil
        }
        return value
    }

    /// Whether a value is of a JSON Schema type.
    private static func fits(_ value: SpecValue, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
             ("array", .array), ("object", .object), ("null", .null): return true
        case ("integer", .double(let number)): return number.rounded() == number
        default: return false
        }
    }

    private func discriminator(_ cursor: Cursor?) -> Discriminator? {
        guard let cursor, expectMapping(cursor, "a Discriminator object"),
              let property = requiredString(cursor, "propertyName", in: "the discriminator") else { return nil }
        var mapping: [(value: String, schema: SchemaKey)] = []
        for (value, target) in self.mapping(cursor["mapping"]) ?? [] {
            guard let raw = string(target) else { continue }
            // A bare name means a component schema; anything else is a $ref.
            let ref = raw.contains("/") || raw.contains("#") ? raw : "#/components/schemas/\(raw)"
            guard let found = locate(ref, from: target) else { continue }
            let key = SchemaKey(file: found.file, pointer: found.pointer)
            register(key, name: Self.schemaName(key), isComponent: false, cursor: found)
            mapping.append((value, key))
        }
        return Discriminator(propertyName: property, mapping: mapping)
    }

    private func constraints(_ cursor: Cursor, _ keywords: SchemaKeywords) -> Constraints {
        var result = Constraints()
        result.minimum = double(cursor[.minimum, in: keywords])
        result.maximum = double(cursor[.maximum, in: keywords])
        for (key, isMinimum) in [(SchemaKeyword.exclusiveMinimum, true), (.exclusiveMaximum, false)] {
            guard let field = cursor[key, in: keywords] else { continue }
            if case let .scalar(text, true) = field.node.content, case .bool(let flag) = ScalarResolver.resolve(text) {
                // 3.0: a flag that makes minimum/maximum exclusive.
                guard flag else { continue }
                if isMinimum { result.exclusiveMinimum = result.minimum; result.minimum = nil }
                else { result.exclusiveMaximum = result.maximum; result.maximum = nil }
            } else if isMinimum {
                result.exclusiveMinimum = double(field)
            } else {
                result.exclusiveMaximum = double(field)
            }
        }
        result.multipleOf = double(cursor[.multipleOf, in: keywords])
        result.minLength = int(cursor[.minLength, in: keywords])
        result.maxLength = int(cursor[.maxLength, in: keywords])
        result.pattern = string(cursor[.pattern, in: keywords])
        result.minItems = int(cursor[.minItems, in: keywords])
        result.maxItems = int(cursor[.maxItems, in: keywords])
        result.uniqueItems = bool(cursor[.uniqueItems, in: keywords])
        return result
    }

    /// Named schemas that are only a `$ref` to another, in a loop, describe no value. Each loop
    /// is reported once, and its members become "any JSON" so later stages never chase it.
    private func reportReferenceCycles() {
        var inCycle = Set<SchemaKey>()
        for start in schemas where !inCycle.contains(start.key) {
            var seen: [SchemaKey] = [start.key]
            var current = start.schema
            while case .reference(let next, _, let location) = current {
                if next == start.key {
                    let names = (seen + [next]).compactMap { key in schemaIndex[key].map { schemas[$0].name } }
                    report(.error, "schemas refer to each other in a loop and never define a type: \(names.joined(separator: " -> "))",
                           DiagnosticID.refCycle, at: location, pointer: start.key.pointer)
                    inCycle.formUnion(seen)
                    break
                }
                guard !seen.contains(next), let index = schemaIndex[next] else { break }
                seen.append(next)
                current = schemas[index].schema
            }
        }
        for key in inCycle {
            guard let index = schemaIndex[key] else { continue }
            schemas[index].schema = .inline(.any(at: schemas[index].schema.location, pointer: key.pointer))
        }
    }
}
