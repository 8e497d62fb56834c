import Foundation

/// What the spec asks of a value beyond its type: bounds, a multiple, lengths, a pattern and
/// item counts (`minimum`, `maxLength`, `pattern`, `minItems`, ...). Generated server stubs
/// check a parameter or a body field against its rules before a handler runs, and refuse one
/// that breaks a rule with a 400 that names the rule:
///
/// ```swift
/// limit: try call.query("limit", as: Int.self, rules: ValueRules(minimum: 1, maximum: 100))
/// // GET ...?limit=500 -> 400 "query parameter 'limit' must be at most 100, not 500"
/// ```
///
/// Lengths count Unicode scalars, as JSON Schema counts characters; a pattern is searched for
/// anywhere in the text unless it is anchored, as JSON Schema's `pattern` is.
public struct ValueRules: Sendable, Equatable {
    public var minimum: Double?
    public var exclusiveMinimum: Double?
    public var maximum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool

    /// Rules; those left out are not checked.
    public init(minimum: Double? = nil, exclusiveMinimum: Double? = nil, maximum: Double? = nil,
                exclusiveMaximum: Double? = nil, multipleOf: Double? = nil, minLength: Int? = nil,
                maxLength: Int? = nil, pattern: String? = nil, minItems: Int? = nil, maxItems: Int? = nil,
                uniqueItems: Bool = false) {
        self.minimum = minimum
        self.exclusiveMinimum = exclusiveMinimum
        self.maximum = maximum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }

    /// Why a number breaks the rules, or nil when it keeps them.
    public func problem(number: Double) -> String? {
        let shown = Self.text(number)
        if let minimum, number < minimum { return "must be at least \(Self.text(minimum)), not \(shown)" }
        if let exclusiveMinimum, number <= exclusiveMinimum { return "must be more than \(Self.text(exclusiveMinimum)), not \(shown)" }
        if let maximum, number > maximum { return "must be at most \(Self.text(maximum)), not \(shown)" }
        if let exclusiveMaximum, number >= exclusiveMaximum { return "must be less than \(Self.text(exclusiveMaximum)), not \(shown)" }
        if let multipleOf, multipleOf > 0 {
            let quotient = number / multipleOf
            if quotient.rounded() != quotient { return "must be a multiple of \(Self.text(multipleOf)), not \(shown)" }
        }
        return nil
    }

    /// Why a text breaks the rules (length and pattern), or nil when it keeps them.
    public func problem(text: String) -> String? {
        if minLength != nil || maxLength != nil {
            let length = text.unicodeScalars.count
            if let minLength, length < minLength {
                return "must be at least \(minLength) character\(minLength == 1 ? "" : "s") long, not \(length)"
            }
            if let maxLength, length > maxLength {
                return "must be at most \(maxLength) character\(maxLength == 1 ? "" : "s") long, not \(length)"
            }
        }
        if let pattern, PatternCache.shared.matches(pattern, text) == false {
            return "must match the pattern \(pattern), not '\(text)'"
        }
        return nil
    }

    /// Why a list of this many items breaks the rules, or nil when it keeps them.
    public func problem(count: Int) -> String? {
        if let minItems, count < minItems { return "must have at least \(minItems) item\(minItems == 1 ? "" : "s"), not \(count)" }
        if let maxItems, count > maxItems { return "must have at most \(maxItems) item\(maxItems == 1 ? "" : "s"), not \(count)" }
        return nil
    }

    /// Why a parameter's text breaks the rules: as a number when it reads as one and a number
    /// rule is set, and as text for the length and pattern rules.
    func problem(parameterText text: String) -> String? {
        let numeric = minimum != nil || exclusiveMinimum != nil || maximum != nil || exclusiveMaximum != nil || multipleOf != nil
        if numeric, let number = Double(text), let problem = problem(number: number) { return problem }
        return problem(text: text)
    }

    /// `100`, not `100.0`; `0.5` as it is.
    static func text(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

/// Compiled patterns, shared by every request: a spec's pattern is compiled once.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    /// Whether the pattern is found in the text; nil when the pattern does not compile (the
    /// spec's mistake, not the caller's: such a rule is not enforced).
    func matches(_ pattern: String, _ text: String) -> Bool? {
        guard let expression = expression(pattern) else { return nil }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    private func expression(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let made = try? NSRegularExpression(pattern: pattern, options: [])
        compiled[pattern] = made
        return made
    }
}
