import APIModel

/// How the values a new type admits relate to the old one's: the same, more (widened), fewer
/// (narrowed), or neither (changed). Whether that breaks depends on the direction: a request
/// may widen, a response may narrow.
enum TypeRelation: Equatable {
    case same, widened, narrowed, changed

    /// Two relations of parts of one type.
    func combined(_ other: TypeRelation) -> TypeRelation {
        switch (self, other) {
        case (.same, _): return other
        case (_, .same): return self
        case (.widened, .widened): return .widened
        case (.narrowed, .narrowed): return .narrowed
        default: return .changed
        }
    }

    /// How `new` (of the new model) relates to `old` (of the old model). Named types are the
    /// same when they are the same kind; their members are compared on their own.
    static func between(_ old: TypeRef, in oldModel: ServiceModel, _ new: TypeRef, in newModel: ServiceModel) -> TypeRelation {
        let old = oldModel.resolvingAliases(old)
        let new = newModel.resolvingAliases(new)
        switch (old, new) {
        case (.nullable(let a), .nullable(let b)):
            return between(a, in: oldModel, b, in: newModel)
        case (.nullable(let a), _):
            return between(a, in: oldModel, new, in: newModel).combined(.narrowed)
        case (_, .nullable(let b)):
            return between(old, in: oldModel, b, in: newModel).combined(.widened)
        case (.json, .json):
            return .same
        case (_, .json):
            return .widened
        case (.json, _):
            return .narrowed
        case (.string(let a), .string(let b)):
            return formats(a, b)
        case (.integer(let a), .integer(let b)):
            return ranked(a, b, order: ["int32", "int64"])
        case (.number(let a), .number(let b)):
            return ranked(a, b, order: ["float", "double"])
        case (.integer, .number):
            return .widened
        case (.number, .integer):
            return .narrowed
        case (.boolean, .boolean):
            return .same
        case (.array(let a), .array(let b)), (.dictionary(let a), .dictionary(let b)):
            return between(a, in: oldModel, b, in: newModel)
        case (.named, .named):
            return kinds(oldModel.declaration(of: old), newModel.declaration(of: new))
        case (.named, _):
            // An enum that became its raw type admits every value now.
            return enumRawType(oldModel.declaration(of: old)) == scalarKind(new) && scalarKind(new) != nil ? .widened : .changed
        case (_, .named):
            return enumRawType(newModel.declaration(of: new)) == scalarKind(old) && scalarKind(old) != nil ? .narrowed : .changed
        default:
            return .changed
        }
    }

    /// A string format added narrows, one removed widens, one replaced changes.
    private static func formats(_ old: String?, _ new: String?) -> TypeRelation {
        if old == new { return .same }
        if new == nil { return .widened }
        if old == nil { return .narrowed }
        return .changed
    }

    /// Formats ordered by what they hold, none holding the most (`int32` < `int64` < none).
    private static func ranked(_ old: String?, _ new: String?, order: [String]) -> TypeRelation {
        if old == new { return .same }
        let rank = { (format: String?) -> Int? in format.map { order.firstIndex(of: $0) } ?? order.count }
        guard let a = rank(old), let b = rank(new) else { return .changed }
        return b > a ? .widened : .narrowed
    }

    private static func kinds(_ old: NamedType?, _ new: NamedType?) -> TypeRelation {
        switch (old?.kind, new?.kind) {
        case (.object?, .object?), (.union?, .union?): return .same
        case (.enumeration(let a)?, .enumeration(let b)?): return a.rawType == b.rawType ? .same : .changed
        default: return old == nil && new == nil ? .same : .changed
        }
    }

    private static func enumRawType(_ type: NamedType?) -> EnumType.RawType? {
        guard case .enumeration(let enumeration)? = type?.kind else { return nil }
        return enumeration.rawType
    }

    private static func scalarKind(_ type: TypeRef) -> EnumType.RawType? {
        switch type {
        case .string: return .string
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        default: return nil
        }
    }
}

/// What got stricter and what got looser among a value's limits (`maxLength 50 → 20`).
struct ConstraintChange {
    var tightened: [String] = []
    var loosened: [String] = []

    init(_ old: Constraints, _ new: Constraints) {
        upper("maxLength", old.maxLength.map(Double.init), new.maxLength.map(Double.init))
        lower("minLength", old.minLength.map(Double.init), new.minLength.map(Double.init))
        upper("maximum", old.maximum, new.maximum)
        lower("minimum", old.minimum, new.minimum)
        upper("exclusiveMaximum", old.exclusiveMaximum, new.exclusiveMaximum)
        lower("exclusiveMinimum", old.exclusiveMinimum, new.exclusiveMinimum)
        upper("maxItems", old.maxItems.map(Double.init), new.maxItems.map(Double.init))
        lower("minItems", old.minItems.map(Double.init), new.minItems.map(Double.init))
        exact("pattern", old.pattern, new.pattern)
        exact("multipleOf", old.multipleOf.map(Self.text), new.multipleOf.map(Self.text))
        if (old.uniqueItems ?? false) != (new.uniqueItems ?? false) {
            (new.uniqueItems ?? false) ? tightened.append("uniqueItems added") : loosened.append("uniqueItems removed")
        }
    }

    /// A maximum: lower or newly set is stricter.
    private mutating func upper(_ name: String, _ old: Double?, _ new: Double?) {
        switch (old, new) {
        case let (a?, b?) where b < a: tightened.append("\(name) \(Self.text(a)) → \(Self.text(b))")
        case let (a?, b?) where b > a: loosened.append("\(name) \(Self.text(a)) → \(Self.text(b))")
        case let (nil, b?): tightened.append("\(name) \(Self.text(b)) added")
        case let (a?, nil): loosened.append("\(name) \(Self.text(a)) removed")
        default: break
        }
    }

    /// A minimum: higher or newly set is stricter.
    private mutating func lower(_ name: String, _ old: Double?, _ new: Double?) {
        switch (old, new) {
        case let (a?, b?) where b > a: tightened.append("\(name) \(Self.text(a)) → \(Self.text(b))")
        case let (a?, b?) where b < a: loosened.append("\(name) \(Self.text(a)) → \(Self.text(b))")
        case let (nil, b?): tightened.append("\(name) \(Self.text(b)) added")
        case let (a?, nil): loosened.append("\(name) \(Self.text(a)) removed")
        default: break
        }
    }

    /// A pattern or a multiple: any new or different one is stricter, none is looser.
    private mutating func exact(_ name: String, _ old: String?, _ new: String?) {
        switch (old, new) {
        case let (a?, b?) where a != b: tightened.append("\(name) '\(a)' → '\(b)'")
        case let (nil, b?): tightened.append("\(name) '\(b)' added")
        case let (a?, nil): loosened.append("\(name) '\(a)' removed")
        default: break
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
