/// The keywords of a Schema object that apigen reads or warns about.
enum SchemaKeyword: Int, CaseIterable {
    case type, nullable, format, title, description
    case `enum`, const, `default`, example, examples
    case properties, required, additionalProperties, items, allOf, oneOf, anyOf, discriminator
    case readOnly, writeOnly, deprecated, contentEncoding, contentMediaType, defs
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
    case minLength, maxLength, pattern, minItems, maxItems, uniqueItems
    // Read past with a warning.
    case not, prefixItems, `if`, then, `else`, patternProperties, dependentSchemas, dependentRequired
    case unevaluatedProperties, unevaluatedItems, contains, propertyNames, dynamicRef, recursiveRef

    /// The keywords apigen reads past with a warning: the schema is used without them.
    static let unsupported: [SchemaKeyword] = Array(allCases[SchemaKeyword.not.rawValue...])

    /// The keyword as a schema spells it.
    var name: String { Self.names[rawValue] }

    private static let names = [
        "type", "nullable", "format", "title", "description",
        "enum", "const", "default", "example", "examples",
        "properties", "required", "additionalProperties", "items", "allOf", "oneOf", "anyOf", "discriminator",
        "readOnly", "writeOnly", "deprecated", "contentEncoding", "contentMediaType", "$defs",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
        "not", "prefixItems", "if", "then", "else", "patternProperties", "dependentSchemas", "dependentRequired",
        "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "$dynamicRef", "$recursiveRef",
    ]

    fileprivate var bit: UInt64 { UInt64(1) << UInt64(rawValue) }

    /// Each keyword's bit, by its spelling.
    fileprivate static let bits: [String: UInt64] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0.bit) })
}

/// Which schema keywords a mapping holds, found in one pass over its keys. A schema reads some
/// fifty keywords and holds a handful; each absent one then costs a bit test, not a search.
struct SchemaKeywords {
    private var bits: UInt64 = 0

    init(_ cursor: Cursor) {
        guard case .mapping(let entries) = cursor.node.content else { return }
        for entry in entries { bits |= SchemaKeyword.bits[entry.key] ?? 0 }
    }

    func contains(_ keyword: SchemaKeyword) -> Bool { bits & keyword.bit != 0 }
}

extension Cursor {
    /// The value of a schema keyword, when `keywords` says the mapping has it.
    subscript(_ keyword: SchemaKeyword, in keywords: SchemaKeywords) -> Cursor? {
        keywords.contains(keyword) ? self[keyword.name] : nil
    }
}
