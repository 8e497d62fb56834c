import APISpec

extension Constraints {
    /// Whether a value keeps these constraints, as the generated server stubs check them:
    /// bounds and `multipleOf` on numbers, lengths (in Unicode scalars) and the pattern on
    /// text, item counts and uniqueness on lists. A constraint that does not apply to the
    /// value's kind is kept; a pattern this Swift cannot compile is kept too.
    public func admits(_ value: SpecValue) -> Bool {
        switch value {
        case .int(let number): return admits(number: Double(number))
        case .double(let number): return admits(number: number)
        case .string(let text): return admits(text: text)
        case .array(let items):
            if let minItems, items.count < minItems { return false }
            if let maxItems, items.count > maxItems { return false }
            if uniqueItems == true, Set(items).count != items.count { return false }
            return true
        case .null, .bool, .object:
            return true
        }
    }

    /// Whether a number keeps the bounds and `multipleOf`.
    public func admits(number: Double) -> Bool {
        if let minimum, number < minimum { return false }
        if let exclusiveMinimum, number <= exclusiveMinimum { return false }
        if let maximum, number > maximum { return false }
        if let exclusiveMaximum, number >= exclusiveMaximum { return false }
        if let multipleOf, multipleOf > 0 {
            let quotient = number / multipleOf
            if quotient.rounded() != quotient { return false }
        }
        return true
    }

    /// Whether a text keeps the lengths and the pattern (searched for, as JSON Schema does).
    public func admits(text: String) -> Bool {
        let length = text.unicodeScalars.count
        if let minLength, length < minLength { return false }
        if let maxLength, length > maxLength { return false }
        if let pattern, let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil { return false }
        return true
    }

    /// Whether any constraint applies to numbers.
    public var constrainsNumbers: Bool {
        minimum != nil || maximum != nil || exclusiveMinimum != nil || exclusiveMaximum != nil || multipleOf != nil
    }

    /// The sample itself when it keeps the spec's constraints (the server stubs refuse one that
    /// does not), else the nearest value that does: a number moved inside the bounds onto a
    /// multiple, a text made from the pattern or cut or padded to the lengths, a list cut or
    /// filled to its counts. The sample when nothing fits.
    public func fitted(_ sample: SpecValue) -> SpecValue {
        guard !isEmpty, !admits(sample) else { return sample }
        switch sample {
        case .int(let number):
            return fittedNumber(Double(number), whole: true).map { .int(Int($0)) } ?? sample
        case .double(let number):
            return fittedNumber(number, whole: false).map(SpecValue.double) ?? sample
        case .string(let text):
            if let pattern {
                return PatternSample.text(matching: pattern, minLength: minLength, maxLength: maxLength)
                    .map(SpecValue.string) ?? sample
            }
            var scalars = Array(text.unicodeScalars)
            if let maxLength, scalars.count > maxLength { scalars = Array(scalars.prefix(maxLength)) }
            if let minLength, scalars.count < minLength {
                scalars += Array(repeating: "x", count: minLength - scalars.count)
            }
            var fitted = String.UnicodeScalarView()
            fitted.append(contentsOf: scalars)
            return .string(String(fitted))
        case .array(var items):
            if let maxItems, items.count > maxItems { items = Array(items.prefix(maxItems)) }
            if let minItems, let first = items.first {
                var number = 1
                while items.count < minItems {
                    // Distinct items where the list must not repeat one.
                    switch first {
                    case .string(let text) where uniqueItems == true: items.append(.string("\(text)\(number)"))
                    case .int(let value) where uniqueItems == true: items.append(.int(value + number))
                    default: items.append(first)
                    }
                    number += 1
                }
            }
            return .array(items)
        default:
            return sample
        }
    }

    /// A number inside the bounds (exclusive ones stepped past by 1, or by a half for
    /// fractions) and on a multiple; nil when the bounds leave none.
    private func fittedNumber(_ number: Double, whole: Bool) -> Double? {
        let step = whole ? 1.0 : 0.5
        var low = -Double.greatestFiniteMagnitude, high = Double.greatestFiniteMagnitude
        if let minimum { low = max(low, minimum) }
        if let exclusive = exclusiveMinimum { low = max(low, exclusive + step) }
        if let maximum { high = min(high, maximum) }
        if let exclusive = exclusiveMaximum { high = min(high, exclusive - step) }
        var value = min(max(number, low), high)
        if whole { value = value.rounded(.up) }
        if let multiple = multipleOf, multiple > 0 {
            value = (value / multiple).rounded(.up) * multiple
        }
        return value <= high && admits(number: value) ? value : nil
    }
}
