import APIModel

/// How model types are spelled in Swift. The one place a `TypeRef` becomes Swift text.
enum SwiftTypes {
    /// The Swift spelling of a type; named types qualified by `namespace` when given (for code
    /// in a protocol extension, which does not see the namespace's members).
    static func name(_ type: TypeRef, namespace: String?) -> String {
        guard let namespace else { return name(type) }
        switch type {
        case .named(let typeName): return "\(namespace).\(typeName)"
        case .array(let element): return "[\(name(element, namespace: namespace))]"
        case .dictionary(let element): return "[String: \(name(element, namespace: namespace))]"
        case .nullable(let wrapped):
            let inner = name(wrapped, namespace: namespace)
            return inner.hasSuffix("?") ? inner : inner + "?"
        default: return name(type)
        }
    }

    /// The Swift spelling of a type.
    static func name(_ type: TypeRef) -> String { type.swiftSpelling }

    /// The spelling of a property or parameter that may be absent: optional when not required
    /// or nullable.
    static func name(_ type: TypeRef, optional: Bool) -> String {
        let base = name(type)
        return optional && !base.hasSuffix("?") ? base + "?" : base
    }

    /// Whether values of the type travel as text in a path, query, header or cookie parameter.
    static func isParameterScalar(_ type: TypeRef, in model: ServiceModel) -> Bool {
        switch type.nonNullable {
        case .string, .integer, .number, .boolean: return true
        case .named(let name):
            guard let declared = model.type(named: name) else { return false }
            switch declared.kind {
            case .enumeration: return true
            case .alias(let target): return isParameterScalar(target, in: model)
            default: return false
            }
        default: return false
        }
    }

    /// Whether values of the type are objects with named fields (structs and maps), which an
    /// exploded form-style query parameter spreads into fields of their own.
    static func isObject(_ type: TypeRef, in model: ServiceModel) -> Bool {
        switch type.nonNullable {
        case .dictionary: return true
        case .named(let name):
            switch model.type(named: name)?.kind {
            case .object?: return true
            case .alias(let target)?: return isObject(target, in: model)
            // A union of objects (Intercom's filter: user_id, or email, or ...) is an object on the wire.
            case .union(let union)?: return union.variants.allSatisfy { isObject($0.type, in: model) }
            default: return false
            }
        default: return false
        }
    }

    /// `.deepObject`, `.form`, ...: the runtime's `ParameterStyle` case for a spec style.
    static func parameterStyle(_ style: String) -> String {
        ["form", "simple", "deepObject", "spaceDelimited", "pipeDelimited"].contains(style) ? "." + style : ".form"
    }

    /// The element type, when the type is an array.
    static func arrayElement(_ type: TypeRef, in model: ServiceModel) -> TypeRef? {
        switch type.nonNullable {
        case .array(let element): return element
        case .named(let name):
            if case .alias(let target)? = model.type(named: name)?.kind { return arrayElement(target, in: model) }
            return nil
        default: return nil
        }
    }
}

/// Swift string literals for spec text (paths, names, values).
enum SwiftLiteral {
    /// A double-quoted literal with `\` `"` and control characters escaped.
    static func string(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20 || s.value == 0x7F:
                out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A raw literal (`#"{"a":1}"#`) for one-line text full of quotes, such as JSON, so it
    /// reads as it is; an escaped literal when the text has control characters, `"#` or `\#`
    /// (which would end the literal or start an interpolation).
    static func raw(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } && !text.contains("\"#") && !text.contains("\\#")
        return plain ? "#\"" + text + "\"#" : string(text)
    }

    /// A literal for an enum raw value.
    static func value(_ value: SpecValue) -> String {
        switch value {
        case .string(let text): return string(text)
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return string(value.jsonText)
        }
    }
}
