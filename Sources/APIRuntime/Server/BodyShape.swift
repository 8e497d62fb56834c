/// What a server checks in a JSON request body that decoding cannot see: `null` where the spec
/// does not allow it (decoding reads `null` in an optional field as absent), and the spec's
/// rules on each field (``ValueRules``). Generated server stubs describe each request body
/// with one and check it before decoding, so a bad body gets a 400 naming the field:
///
/// ```swift
/// static let quotaLimit: BodyShape = .object([
///     "type": .value,
///     "threshold_percent": .checked(ValueRules(minimum: 1, maximum: 100)),
/// ])
/// // {"type": "Warning", "threshold_percent": null} -> 400 "body: 'threshold_percent' must not be null"
/// ```
public indirect enum BodyShape: Sendable {
    /// Any value, `null` included (a schema that allows anything).
    case any
    /// A value that is not `null`; its type is decoding's to check.
    case value
    /// A value that is not `null` and keeps these rules (a number's bounds, a text's length and pattern).
    case checked(ValueRules)
    /// A whole number that fits in 64 bits, not `null`, that keeps these rules. (Foundation's
    /// decoder reports `1.5` or `1e30` in an integer field as malformed JSON, naming no field.)
    case integer(ValueRules)
    /// A list whose items have a shape, and the list's own rules (item counts).
    case list(BodyShape, ValueRules = ValueRules())
    /// An object whose every member has a shape (`additionalProperties`).
    case map(BodyShape)
    /// An object's properties, by JSON key, each checked when present; other keys are not
    /// checked. `required` names the keys that must be there although they may be `null`
    /// (decoding reads a missing one as `null`); other missing keys are decoding's to report.
    case object([String: BodyShape], required: [String] = [])
    /// One of several shapes, chosen by the string in a property (a union's discriminator); a
    /// value whose tag is none of them is decoding's to report.
    case tagged(String, [String: BodyShape])
    /// One of several shapes, none chosen beforehand (a union without a discriminator): a value
    /// passes when one of them has no problem with it, else the first one's problem is reported.
    case either([BodyShape])
    /// The shape, or `null`.
    case nullable(BodyShape)
    /// A named type's shape, read when a value is checked (types may contain themselves).
    case type(@Sendable () -> BodyShape)

    /// The first problem in a value, as `'tags[0].name' must not be null`; nil when there is none.
    /// Object members are checked in the order of their keys, so the problem reported is always the same one.
    public func problem(in value: JSONValue) -> String? {
        problem(in: value, at: "")
    }

    private func problem(in value: JSONValue, at path: String) -> String? {
        func named() -> String { path.isEmpty ? "the body" : "'\(path)'" }
        switch self {
        case .any:
            return nil
        case .nullable(let shape):
            return value == .null ? nil : shape.problem(in: value, at: path)
        case .type(let shape):
            return shape().problem(in: value, at: path)
        case .tagged(let property, let shapes):
            guard case .object(let members) = value, let tag = members[property]?.stringValue else {
                return value == .null ? "\(named()) must not be null" : nil
            }
            guard let shape = shapes[tag] else {
                let known = shapes.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                return "'\(Self.join(path, property))' must be one of \(known), not '\(tag)'"
            }
            return shape.problem(in: value, at: path)
        case .either(let shapes):
            var first: String?
            for shape in shapes {
                guard let problem = shape.problem(in: value, at: path) else { return nil }
                first = first ?? problem
            }
            return first
        case .value, .checked, .integer, .list, .map, .object:
            break
        }
        if value == .null { return "\(named()) must not be null" }
        switch (self, value) {
        case (.integer(let rules), .int(let number)):
            return rules.problem(number: Double(number)).map { "\(named()) \($0)" }
        case (.integer(let rules), .double(let number)):
            // Whole numbers written with a fraction (`2.0`) are integers in JSON Schema; the
            // bounds are those of Int64 (2^63 itself is not one).
            guard number.rounded() == number, number >= -9.223372036854775808e18, number < 9.223372036854775808e18 else {
                return "\(named()) must be a whole number from -9223372036854775808 to 9223372036854775807, not \(ValueRules.text(number))"
            }
            return rules.problem(number: number).map { "\(named()) \($0)" }
        case (.checked(let rules), .int(let number)):
            return rules.problem(number: Double(number)).map { "\(named()) \($0)" }
        case (.checked(let rules), .double(let number)):
            return rules.problem(number: number).map { "\(named()) \($0)" }
        case (.checked(let rules), .string(let text)):
            return rules.problem(text: text).map { "\(named()) \($0)" }
        case (.checked(let rules), .array(let items)):
            return listProblem(items, rules, at: path, item: .value)
        case (.list(let item, let rules), .array(let items)):
            return listProblem(items, rules, at: path, item: item)
        case (.map(let member), .object(let members)):
            for key in members.keys.sorted() {
                if let problem = member.problem(in: members[key] ?? .null, at: Self.join(path, key)) { return problem }
            }
            return nil
        case (.object(let fields, let required), .object(let members)):
            if let missing = required.first(where: { members[$0] == nil }) {
                return "missing required field '\(missing)'\(path.isEmpty ? "" : " in '\(path)'")"
            }
            for key in fields.keys.sorted() {
                guard let member = members[key], let shape = fields[key] else { continue }
                if let problem = shape.problem(in: member, at: Self.join(path, key)) { return problem }
            }
            return nil
        default:
            // A value of another JSON type: decoding reports it with the type it wants.
            return nil
        }
    }

    private func listProblem(_ items: [JSONValue], _ rules: ValueRules, at path: String, item: BodyShape) -> String? {
        let named = path.isEmpty ? "the body" : "'\(path)'"
        if let problem = rules.problem(count: items.count) { return "\(named) \(problem)" }
        if rules.uniqueItems, Set(items).count != items.count { return "\(named) must not repeat an item" }
        for (index, element) in items.enumerated() {
            if let problem = item.problem(in: element, at: path + "[\(index)]") { return problem }
        }
        return nil
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
