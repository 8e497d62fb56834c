import APIModel

/// Values and the named types under them, compared one way.
extension Comparison {
    /// Compares a value's type (a parameter's, a body's, a property's): the type itself, then
    /// the named types under it. `optional` says whether the Swift declaration adds a `?` (an
    /// optional argument, a property that may be absent).
    mutating func compareValue(_ oldType: TypeRef, _ newType: TypeRef, _ direction: Direction, what: String,
                               at place: Place, oldOptional: Bool = false, newOptional: Bool = false) {
        let relation = TypeRelation.between(oldType, in: old, newType, in: new)
        let oldSpelling = oldType.spelled(optional: oldOptional)
        let newSpelling = newType.spelled(optional: newOptional)
        let impact: DiffRule.SwiftImpact? = oldSpelling == newSpelling ? DiffRule.SwiftImpact.none : nil
        let change = "\(what) was \(oldType.wireDescription) (`\(oldSpelling)`), is \(newType.wireDescription) (`\(newSpelling)`)"
        switch (relation, direction) {
        case (.same, _):
            break
        case (.widened, .request):
            report(.requestTypeWidened, change + ": it accepts more", at: place, impact: impact)
        case (.narrowed, .request), (.changed, .request):
            report(.requestTypeChanged, change + (relation == .narrowed ? ": it accepts less" : ""), at: place, impact: impact)
        case (.narrowed, .response):
            report(.responseTypeNarrowed, change + ": it holds less", at: place, impact: impact)
        case (.widened, .response), (.changed, .response):
            report(.responseTypeChanged, change + (relation == .widened ? ": it may hold more" : ""), at: place, impact: impact)
        }
        descend(oldType, newType, direction, at: place)
    }

    /// Finds the named types that stand in the same place of two types and compares them.
    mutating func descend(_ oldType: TypeRef, _ newType: TypeRef, _ direction: Direction, at place: Place) {
        switch (old.resolvingAliases(oldType).nonNullable, new.resolvingAliases(newType).nonNullable) {
        case (.array(let a), .array(let b)), (.dictionary(let a), .dictionary(let b)):
            descend(a, b, direction, at: place)
        case (.named(let a), .named(let b)):
            compareNamed(a, b, direction, at: place)
        default:
            break
        }
    }

    /// Compares two named types, once each way.
    mutating func compareNamed(_ oldName: String, _ newName: String, _ direction: Direction, at place: Place) {
        guard comparedTypes.insert(TypePair(old: oldName, new: newName, direction: direction)).inserted,
              let oldType = old.type(named: oldName), let newType = new.type(named: newName) else { return }
        let typePlace = Place(symbol: newName, location: newType.location, oldLocation: oldType.location, tag: nil, operation: nil)
        if oldName != newName, renamedTypes.insert(TypePair(old: oldName, new: newName, direction: .response)).inserted {
            report(.typeRenamed, "the type `\(oldName)` is now `\(newName)`", at: place.with(symbol: newName, location: nil, oldLocation: nil))
        }
        compareDocs(oldType, newType, at: typePlace)
        switch (oldType.kind, newType.kind) {
        case (.object(let a), .object(let b)):
            compareObject(a, b, owner: newName, direction, at: typePlace)
        case (.enumeration(let a), .enumeration(let b)):
            compareEnum(a, b, owner: newName, direction, at: typePlace)
        case (.union(let a), .union(let b)):
            compareUnion(a, b, owner: newName, direction, at: typePlace)
        case (.alias(let a), .alias(let b)):
            descend(a, b, direction, at: typePlace)
        default:
            // Another kind of type under the same name: compareValue already said so where it
            // is used; say it here too for types used only through other types.
            let rule: DiffRule = direction == .request ? .requestTypeChanged : .responseTypeChanged
            report(rule, "`\(newName)` was \(oldType.kind.noun), is \(newType.kind.noun)", at: typePlace)
        }
    }

    private mutating func compareObject(_ oldObject: ObjectType, _ newObject: ObjectType, owner: String,
                                        _ direction: Direction, at place: Place) {
        let oldByName = Dictionary(oldObject.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(newObject.properties.map(\.name))
        for property in oldObject.properties where !newNames.contains(property.name) && travels(property, direction) {
            let propertyPlace = place.with(symbol: "\(owner).\(property.swiftName)", location: nil, oldLocation: property.sourceLocation)
            report(direction == .request ? .requestPropertyRemoved : .responsePropertyRemoved,
                   "the property '\(property.name)' of `\(owner)` is gone", at: propertyPlace, removed: true)
        }
        for property in newObject.properties where travels(property, direction) {
            let propertyPlace = place.with(symbol: "\(owner).\(property.swiftName)", location: property.sourceLocation,
                                           oldLocation: oldByName[property.name]?.sourceLocation)
            guard let before = oldByName[property.name] else {
                let rule: DiffRule = switch (direction, property.required) {
                case (.request, true): .requestPropertyAddedRequired
                case (.request, false): .requestPropertyAddedOptional
                case (.response, true): .responsePropertyAddedRequired
                case (.response, false): .responsePropertyAddedOptional
                }
                report(rule, "`\(owner)` has a new \(property.required ? "required" : "optional") property '\(property.name)' (`\(property.type.spelled(optional: !property.required))`)",
                       at: propertyPlace)
                continue
            }
            compareProperty(before, property, owner: owner, direction, at: propertyPlace)
        }
        if let a = oldObject.additionalProperties, let b = newObject.additionalProperties {
            compareValue(a, b, direction, what: "the extra properties of `\(owner)`", at: place)
        }
        let oldParts = Dictionary((oldObject.composedParts ?? []).map { ($0.swiftName, $0) }, uniquingKeysWith: { first, _ in first })
        for part in newObject.composedParts ?? [] {
            if let before = oldParts[part.swiftName] { compareValue(before.type, part.type, direction, what: "`\(owner).\(part.swiftName)`", at: place) }
        }
    }

    /// Whether a property travels this way: read-only ones are never sent, write-only ones never received.
    private func travels(_ property: Property, _ direction: Direction) -> Bool {
        direction == .request ? !property.readOnly : !property.writeOnly
    }

    private mutating func compareProperty(_ before: Property, _ after: Property, owner: String, _ direction: Direction, at place: Place) {
        let name = "'\(after.name)' of `\(owner)`"
        switch (direction, before.required, after.required) {
        case (.request, false, true): report(.requestPropertyBecameRequired, "the property \(name) is now required", at: place)
        case (.request, true, false): report(.requestPropertyBecameOptional, "the property \(name) is now optional", at: place)
        case (.response, true, false): report(.responsePropertyBecameOptional, "the property \(name) may now be absent", at: place)
        case (.response, false, true): report(.responsePropertyBecameRequired, "the property \(name) is now always sent", at: place)
        default: break
        }
        compareValue(before.type, after.type, direction, what: "the property \(name)", at: place,
                     oldOptional: !before.required, newOptional: !after.required)
        compareConstraints(before.constraints, after.constraints, direction, what: "the property \(name)", at: place)
        var docs: [String] = []
        if before.description != after.description { docs.append("description") }
        if !before.deprecated && after.deprecated { docs.append("now deprecated") }
        if !docs.isEmpty { report(.docsChanged, "the property \(name): \(docs.joined(separator: ", "))", at: place) }
    }

    /// Reports limits made stricter or looser, each way.
    mutating func compareConstraints(_ before: Constraints, _ after: Constraints, _ direction: Direction, what: String, at place: Place) {
        guard before != after else { return }
        let change = ConstraintChange(before, after)
        if !change.tightened.isEmpty {
            report(direction == .request ? .requestConstraintTightened : .responseConstraintTightened,
                   "\(what): \(change.tightened.joined(separator: ", "))", at: place)
        }
        if !change.loosened.isEmpty {
            report(direction == .request ? .requestConstraintLoosened : .responseConstraintLoosened,
                   "\(what): \(change.loosened.joined(separator: ", "))", at: place)
        }
    }

    private mutating func compareEnum(_ before: EnumType, _ after: EnumType, owner: String, _ direction: Direction, at place: Place) {
        let newValues = Set(after.cases.map(\.value.jsonText))
        let oldValues = Set(before.cases.map(\.value.jsonText))
        for removed in before.cases where !newValues.contains(removed.value.jsonText) {
            report(direction == .request ? .requestEnumValueRemoved : .responseEnumValueRemoved,
                   "the value \(removed.value.jsonText) of `\(owner)` is gone", at: place.with(symbol: "\(owner).\(removed.swiftName)", location: nil, oldLocation: nil),
                   removed: true)
        }
        for added in after.cases where !oldValues.contains(added.value.jsonText) {
            report(direction == .request ? .requestEnumValueAdded : .responseEnumValueAdded,
                   "`\(owner)` has a new value \(added.value.jsonText)", at: place.with(symbol: "\(owner).\(added.swiftName)", location: nil, oldLocation: nil))
        }
        if before.isNullable != after.isNullable {
            let widened = after.isNullable
            let rule: DiffRule = switch (direction, widened) {
            case (.request, true): .requestTypeWidened
            case (.request, false): .requestTypeChanged
            case (.response, true): .responseTypeChanged
            case (.response, false): .responseTypeNarrowed
            }
            report(rule, "`\(owner)` \(widened ? "now allows" : "no longer allows") null", at: place)
        }
    }

    private mutating func compareUnion(_ before: UnionType, _ after: UnionType, owner: String, _ direction: Direction, at place: Place) {
        let oldByName = Dictionary(before.variants.map { ($0.swiftName, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(after.variants.map(\.swiftName))
        for variant in before.variants where !newNames.contains(variant.swiftName) {
            report(direction == .request ? .requestVariantRemoved : .responseVariantRemoved,
                   "the variant `\(variant.swiftName)` (\(variant.type.swiftSpelling)) of `\(owner)` is gone",
                   at: place.with(symbol: "\(owner).\(variant.swiftName)", location: nil, oldLocation: nil), removed: true)
        }
        for variant in after.variants {
            let variantPlace = place.with(symbol: "\(owner).\(variant.swiftName)", location: nil, oldLocation: nil)
            guard let previous = oldByName[variant.swiftName] else {
                report(direction == .request ? .requestVariantAdded : .responseVariantAdded,
                       "`\(owner)` has a new variant `\(variant.swiftName)` (\(variant.type.swiftSpelling))", at: variantPlace)
                continue
            }
            compareValue(previous.type, variant.type, direction, what: "the variant `\(owner).\(variant.swiftName)`", at: variantPlace)
        }
    }

    /// A type's own description and deprecation.
    private mutating func compareDocs(_ before: NamedType, _ after: NamedType, at place: Place) {
        var docs: [String] = []
        if before.description != after.description || before.title != after.title { docs.append("description") }
        if !before.deprecated && after.deprecated { docs.append("now deprecated") }
        if !docs.isEmpty { report(.docsChanged, "the type `\(after.name)`: \(docs.joined(separator: ", "))", at: place) }
    }
}

extension NamedType.Kind {
    /// "an object", "an enum", "a union", "an alias".
    var noun: String {
        switch self {
        case .object: return "an object"
        case .enumeration: return "an enum"
        case .union: return "a union"
        case .alias(let target): return "another name for \(target.wireDescription)"
        }
    }
}
