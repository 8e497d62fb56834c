import APIModel

/// Writes what the server stubs check in JSON request bodies beyond decoding: one `BodyShape`
/// per object or union type a JSON request body reaches (`null` where the spec does not allow it, and
/// each property's rules), in an internal enum, and the expression a handler passes to
/// `call.jsonBody(_:shape:)`.
///
/// ```swift
/// enum QuayAPIBodyShapes {
///     static let quotaLimit: BodyShape = .object([
///         "threshold_percent": .integer(ValueRules(minimum: 1, maximum: 100)),
///         "type": .value,
///     ])
/// }
/// ```
struct BodyShapeWriter {
    let model: ServiceModel
    /// The enum's name as the handlers write it (qualified by the namespace when there is one).
    let qualifiedEnum: String
    /// The object types with a shape, in the model's order, and each one's member name.
    let members: [(type: NamedType, member: String)]
    private let memberByType: [String: String]

    /// The enum's name: the server protocol's, as the other server-wide enums are named.
    static func enumName(_ model: ServiceModel) -> String { model.serverProtocolName + "BodyShapes" }

    init(model: ServiceModel, options: SwiftOptions) {
        self.model = model
        qualifiedEnum = options.qualified(Self.enumName(model))
        var reached = Set<String>()
        var pending = model.operations.flatMap { operation in
            (operation.requestBody?.contents ?? []).filter { $0.kind == .json }.compactMap(\.type)
        }
        while let type = pending.popLast() {
            for name in type.namedTypes where !reached.contains(name) {
                guard let declared = model.type(named: name) else { continue }
                switch declared.kind {
                case .object(let object):
                    reached.insert(name)
                    pending += object.properties.map(\.type)
                case .alias(let target):
                    reached.insert(name)
                    pending.append(target)
                case .union(let union):
                    reached.insert(name)
                    pending += union.variants.map(\.type)
                case .enumeration:
                    continue
                }
            }
        }
        var scope = Set<String>()
        var members: [(NamedType, String)] = []
        for type in model.types where reached.contains(type.name) {
            switch type.kind {
            case .object, .union: break
            case .alias, .enumeration: continue
            }
            var member = SwiftName.member(type.name)
            while !scope.insert(member.lowercased()).inserted { member += "_" }
            members.append((type, member))
        }
        self.members = members
        memberByType = Dictionary(members.map { ($0.0.name, $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether there is anything to write.
    var isEmpty: Bool { members.isEmpty }

    /// `enum QuayAPIBodyShapes { static let ...: BodyShape = ... }`.
    func write(to writer: CodeWriter) {
        writer.line("/// What the handlers check in JSON request bodies before decoding them: `null` where the spec does not allow it, and each field's rules.")
        writer.block("enum \(Self.enumName(model))") {
            for (type, member) in members {
                if case .union(let union) = type.kind {
                    writer.line("/// ``\(type.name)``.")
                    writer.line("static let \(SwiftName.escaped(member)): BodyShape = \(unionShape(union))")
                    continue
                }
                guard case .object(let object) = type.kind else { continue }
                writer.line("/// ``\(type.name)``.")
                let fields = object.properties.sorted { $0.name < $1.name }
                // Keys that must be there though they may be null: decoding cannot tell them missing.
                let present = fields.filter { $0.required && $0.type.isNullable }.map { SwiftLiteral.string($0.name) }
                let required = present.isEmpty ? "" : ", required: [\(present.joined(separator: ", "))]"
                if fields.isEmpty {
                    writer.line("static let \(SwiftName.escaped(member)): BodyShape = .object([:])")
                    continue
                }
                writer.line("static let \(SwiftName.escaped(member)): BodyShape = .object([")
                writer.indent {
                    for property in fields {
                        writer.line("\(SwiftLiteral.string(property.name)): \(shape(property.type, property.constraints, inside: true)),")
                    }
                }
                writer.line("]\(required))")
            }
        }
    }

    /// The shape a handler checks a JSON body of this type against; nil when decoding alone
    /// checks all there is (a union, any JSON, a scalar without rules).
    func bodyExpression(_ type: TypeRef) -> String? {
        if case .named(let name) = type, let member = memberByType[name] { return "\(qualifiedEnum).\(SwiftName.escaped(member))" }
        let expression = shape(type, Constraints(), inside: false)
        return [".any", ".value", ".nullable(.value)", ".nullable(.any)"].contains(expression) ? nil : expression
    }

    /// The shape of a value of `type` with the spec's `constraints`. Inside the enum, other
    /// shapes are named by their member alone.
    private func shape(_ type: TypeRef, _ constraints: Constraints, inside: Bool, depth: Int = 0) -> String {
        switch type {
        case .nullable(let wrapped):
            let inner = shape(wrapped, constraints, inside: inside, depth: depth)
            return inner == ".any" ? ".any" : ".nullable(\(inner))"
        case .json:
            return ".any"
        case .boolean:
            return ".value"
        case .integer(let format):
            var rules = constraints
            if format == "int32" {
                rules.minimum = max(rules.minimum ?? -2_147_483_648, -2_147_483_648)
                rules.maximum = min(rules.maximum ?? 2_147_483_647, 2_147_483_647)
            }
            return ".integer(\(Self.rules(rules) ?? "ValueRules()"))"
        case .number, .string:
            return Self.rules(constraints).map { ".checked(\($0))" } ?? ".value"
        case .array(let element):
            let list = Self.rules(constraints).map { ", \($0)" } ?? ""
            return ".list(\(shape(element, Constraints(), inside: inside, depth: depth + 1))\(list))"
        case .dictionary(let element):
            return ".map(\(shape(element, Constraints(), inside: inside, depth: depth + 1)))"
        case .named(let name):
            if let member = memberByType[name] {
                return ".type { \(inside ? "" : qualifiedEnum + ".")\(SwiftName.escaped(member)) }"
            }
            switch model.type(named: name)?.kind {
            case .alias(let target)? where depth < 16:
                return shape(target, constraints, inside: inside, depth: depth + 1)
            case .enumeration(let enumeration)?:
                return enumeration.isNullable ? ".any" : ".value"
            default:
                return ".value"
            }
        }
    }

    /// A union's shape: by its discriminator when every variant names its tags, else the
    /// first variant that fits.
    private func unionShape(_ union: UnionType) -> String {
        let variants = union.variants.map { ($0, shape($0.type, Constraints(), inside: true)) }
        if let discriminator = union.discriminator, union.variants.allSatisfy({ !$0.discriminatorValues.isEmpty }) {
            let entries = variants.flatMap { variant, shape in variant.discriminatorValues.map { "\(SwiftLiteral.string($0)): \(shape)" } }
            return ".tagged(\(SwiftLiteral.string(discriminator)), [\(entries.joined(separator: ", "))])"
        }
        return ".either([\(variants.map(\.1).joined(separator: ", "))])"
    }

    /// `ValueRules(minimum: 1, maximum: 100)`; nil when the constraints set nothing.
    static func rules(_ constraints: Constraints) -> String? {
        var arguments: [String] = []
        func number(_ label: String, _ value: Double?) {
            if let value { arguments.append("\(label): \(value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value))") }
        }
        number("minimum", constraints.minimum)
        number("exclusiveMinimum", constraints.exclusiveMinimum)
        number("maximum", constraints.maximum)
        number("exclusiveMaximum", constraints.exclusiveMaximum)
        number("multipleOf", constraints.multipleOf)
        if let value = constraints.minLength { arguments.append("minLength: \(value)") }
        if let value = constraints.maxLength { arguments.append("maxLength: \(value)") }
        if let value = constraints.pattern { arguments.append("pattern: \(SwiftLiteral.raw(value))") }
        if let value = constraints.minItems { arguments.append("minItems: \(value)") }
        if let value = constraints.maxItems { arguments.append("maxItems: \(value)") }
        if constraints.uniqueItems == true { arguments.append("uniqueItems: true") }
        return arguments.isEmpty ? nil : "ValueRules(\(arguments.joined(separator: ", ")))"
    }
}
