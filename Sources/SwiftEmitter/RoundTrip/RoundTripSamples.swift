import APIModel

/// The values a round trip sends: for each argument, body and answer, the spec's examples that
/// decode as its type, then a sample made from the type. Samples fill every property two levels
/// down and are awkward on the wire on purpose: strings with spaces, `/`, `&`, `=`, `?`, `#`
/// and accents where the value travels in a path, a query or a body.
struct RoundTripSamples {
    let model: ServiceModel

    /// The JSON candidates for a value: the examples that fit, then the sample.
    struct Candidates {
        var examples: [SpecValue]
        var sample: SpecValue
    }

    /// An argument's candidates: the parameter's example, then a sample.
    func parameter(_ parameter: ParameterModel) -> Candidates {
        let examples = parameter.example.map { [$0] } ?? []
        let type = parameter.type.nonNullable
        let sample: SpecValue
        switch (type, parameter.location) {
        case (.string(let format), _) where format != nil && format != "date":
            sample = value(type, seed: parameter.name)
        case (.string, .path):
            sample = .string(parameter.segments > 1 ? "s-\(parameter.name) é/with slash" : "p \(parameter.name)/é?#%")
        case (.string, .query):
            sample = .string("q \(parameter.name)&a=b/é")
        case (.string, .header), (.string, .cookie):
            // Header and cookie values are ASCII on the wire.
            sample = .string("h-\(parameter.name)")
        default:
            sample = value(type, seed: parameter.name, text: parameter.location == .header || parameter.location == .cookie ? .ascii : .awkward)
        }
        let fitting = examples.filter { model.admits($0, as: type) && parameter.constraints.admits($0) }
        return Candidates(examples: fitting, sample: parameter.constraints.fitted(sample))
    }

    /// A body's or an answer's candidates: the media type's examples, then a sample.
    func content(_ content: ContentModel, type: TypeRef, seed: String) -> Candidates {
        let examples = content.examples.compactMap(\.value).filter { model.admits($0, as: type) }
        return Candidates(examples: examples, sample: value(type.nonNullable, seed: seed))
    }

    /// How sample strings read.
    enum Text {
        /// Spaces, accents and URL delimiters, for paths, queries and bodies.
        case awkward
        /// Plain ASCII, for headers and cookies.
        case ascii
    }

    /// A sample of the type: every property filled two levels down, the required ones below.
    func value(_ type: TypeRef, seed: String, text: Text = .awkward, depth: Int = 0) -> SpecValue {
        switch type {
        case .string(let format):
            switch format {
            case "date-time": return .string("2023-11-14T22:13:20Z")
            case "date": return .string("2023-11-14")
            case "byte", "binary": return .string("AQID")
            case "uuid": return .string("0f8fad5b-d9cb-469f-a165-70867728950e")
            case "email": return .string("someone@example.com")
            case "uri", "url": return .string("https://example.com/\(seed)")
            default: return .string(text == .ascii ? "s-\(seed)" : "s-\(seed) é&=?")
            }
        case .integer: return .int(42)
        case .number: return .double(1.5)
        case .boolean: return .bool(true)
        case .array(let element):
            // Deep down, an empty array ends a cycle (above that, one item: an empty list
            // vanishes in a form, where a required one would then be missing).
            return depth > 8 ? .array([]) : .array([value(element.nonNullable, seed: seed, text: text, depth: depth + 1)])
        case .dictionary(let element):
            return depth > 8 ? .object([]) : .object([.init("key", value(element.nonNullable, seed: seed, text: text, depth: depth + 1))])
        case .json:
            return .object([.init("sample", .string("json")), .init("n", .int(1))])
        case .nullable(let wrapped):
            return value(wrapped, seed: seed, text: text, depth: depth)
        case .named(let name):
            guard let declared = model.type(named: name) else { return .null }
            if let example = declared.examples.first(where: { model.admits($0, as: type) }) { return example }
            return value(declared.kind, seed: seed, text: text, depth: depth)
        }
    }

    private func value(_ kind: NamedType.Kind, seed: String, text: Text, depth: Int) -> SpecValue {
        switch kind {
        case .alias(let target):
            return value(target.nonNullable, seed: seed, text: text, depth: depth)
        case .enumeration(let enumeration):
            return enumeration.cases.first?.value ?? .null
        case .union(let union):
            guard let variant = union.variants.first else { return .null }
            let inner = value(variant.type.nonNullable, seed: seed, text: text, depth: depth + 1)
            guard let discriminator = union.discriminator, let tag = variant.discriminatorValues.first,
                  case .object(var members) = inner else { return inner }
            members.removeAll { $0.key == discriminator }
            return .object([.init(discriminator, .string(tag))] + members)
        case .object(let object):
            var members: [SpecValue.Member] = []
            for property in object.properties {
                // Everything near the top, the required properties below: cycles end.
                if depth > 1, !property.required { continue }
                members.append(.init(property.name, propertyValue(property, text: text, depth: depth)))
            }
            // An object with nothing set vanishes in a form or a query (no field says it is
            // there), so one below the top gets its first property that does not lead back.
            if members.isEmpty, depth <= 6, let first = object.properties.first(where: { !$0.isRecursive }) {
                members.append(.init(first.name, propertyValue(first, text: text, depth: depth)))
            }
            if let extra = object.additionalProperties, depth <= 1, !object.properties.contains(where: { $0.name == "extra_key" }) {
                members.append(.init("extra_key", value(extra.nonNullable, seed: "extra_key", text: text, depth: depth + 1)))
            }
            for part in object.composedParts ?? [] {
                guard case .object(let more) = value(part.type.nonNullable, seed: seed, text: text, depth: depth + 1) else { continue }
                for member in more where !members.contains(where: { $0.key == member.key }) { members.append(member) }
            }
            return .object(members)
        }
    }

    private func propertyValue(_ property: Property, text: Text, depth: Int) -> SpecValue {
        if let constant = property.constValue { return constant }
        if let example = property.examples.first(where: { model.admits($0, as: property.type.nonNullable) && property.constraints.admits($0) }) {
            return example
        }
        return property.constraints.fitted(value(property.type.nonNullable, seed: property.name, text: text, depth: depth + 1))
    }
}
