/// Typed reads of nodes. Each reports `wrong-type` when the node is of another kind and returns
/// nil, so callers simply skip what they cannot use.
extension SpecParser {
    /// The name a message uses for the field a cursor points at: the last pointer token.
    private func fieldName(_ cursor: Cursor) -> String {
        JSONPointer.unescape(cursor.pointer.split(separator: "/").last ?? "")
    }

    func wrongType(_ cursor: Cursor, expected: String) {
        report(.error, "expected \(expected) for '\(fieldName(cursor))', found \(cursor.node.kindDescription)",
               DiagnosticID.wrongType, at: cursor)
    }

    /// Any scalar's text. YAML's `version: 1.0` is the string "1.0", as a reader means it.
    /// A `$ref` to text (a description kept in another file) is followed, with a warning.
    func string(_ cursor: Cursor?) -> String? {
        guard let cursor else { return nil }
        guard case .scalar(let text, _) = cursor.node.content else {
            if let target = followedReference(cursor, standingFor: "a string"), case .scalar(let text, _) = target.node.content {
                return text
            }
            wrongType(cursor, expected: "a string")
            return nil
        }
        return text
    }

    /// Where a `$ref` that OpenAPI does not allow in this place (an Operation object, a
    /// description) leads, warned as `ref-in-place`; nil when `cursor` is no `$ref`, or it
    /// leads nowhere (reported).
    func followedReference(_ cursor: Cursor, standingFor what: String) -> Cursor? {
        guard let ref = cursor["$ref"], case .scalar(let raw, _) = ref.node.content else { return nil }
        var target = locate(raw, from: ref)
        var hops = 0
        while let next = target, let nextRef = next["$ref"], case .scalar(let nextRaw, _) = nextRef.node.content, hops < 32 {
            target = locate(nextRaw, from: nextRef)
            hops += 1
        }
        if target != nil {
            report(.warning, "OpenAPI allows no $ref in place of \(what) here; apigen follows it", DiagnosticID.refInPlace, at: ref)
        }
        return target
    }

    /// Whether a node is YAML/JSON `null` (or empty), which some documents write where an
    /// optional list or mapping belongs (`parameters: null`).
    private func isNull(_ cursor: Cursor) -> Bool {
        if case .scalar(let text, true) = cursor.node.content, case .null = ScalarResolver.resolve(text) { return true }
        return false
    }

    /// A required string field of a mapping; reports `missing-field` when it is absent.
    func requiredString(_ object: Cursor, _ key: String, in what: String) -> String? {
        guard let field = object[key] else {
            report(.error, "\(what) is missing '\(key)'", DiagnosticID.missingField, at: object)
            return nil
        }
        return string(field)
    }

    func bool(_ cursor: Cursor?) -> Bool? {
        guard let cursor else { return nil }
        if case let .scalar(text, true) = cursor.node.content, case .bool(let value) = ScalarResolver.resolve(text) {
            return value
        }
        wrongType(cursor, expected: "true or false")
        return nil
    }

    func double(_ cursor: Cursor?) -> Double? {
        guard let cursor else { return nil }
        if case let .scalar(text, true) = cursor.node.content {
            switch ScalarResolver.resolve(text) {
            case .int(let value): return Double(value)
            case .double(let value): return value
            default: break
            }
        }
        wrongType(cursor, expected: "a number")
        return nil
    }

    func int(_ cursor: Cursor?) -> Int? {
        guard let cursor else { return nil }
        if case let .scalar(text, true) = cursor.node.content, case .int(let value) = ScalarResolver.resolve(text) {
            return value
        }
        wrongType(cursor, expected: "an integer")
        return nil
    }

    /// The entries of a mapping, or nil (reported) when the node is not one.
    /// `null` is read as empty, with a warning.
    func mapping(_ cursor: Cursor?) -> [(key: String, value: Cursor)]? {
        guard let cursor else { return nil }
        guard let entries = cursor.entries else {
            if isNull(cursor) {
                report(.warning, "'\(fieldName(cursor))' is null; it is read as empty", DiagnosticID.nullValue, at: cursor)
                return []
            }
            wrongType(cursor, expected: "a mapping")
            return nil
        }
        return entries
    }

    /// The items of a sequence, or nil (reported) when the node is not one. `null` is read as
    /// empty, with a warning.
    func sequence(_ cursor: Cursor?) -> [Cursor]? {
        guard let cursor else { return nil }
        guard let items = cursor.items else {
            if isNull(cursor) {
                report(.warning, "'\(fieldName(cursor))' is null; it is read as empty", DiagnosticID.nullValue, at: cursor)
                return []
            }
            wrongType(cursor, expected: "a sequence")
            return nil
        }
        return items
    }

    /// A sequence of strings; items of other kinds are reported and skipped.
    func strings(_ cursor: Cursor?) -> [String]? {
        sequence(cursor)?.compactMap { string($0) }
    }

    /// Whether `cursor` is a mapping; reports `wrong-type` naming `what` when it is not.
    func expectMapping(_ cursor: Cursor, _ what: String) -> Bool {
        guard case .mapping = cursor.node.content else {
            report(.error, "expected \(what) (a mapping), found \(cursor.node.kindDescription)",
                   DiagnosticID.wrongType, at: cursor)
            return false
        }
        return true
    }

    /// The `x-` fields of a mapping, in order. Code samples kept in files of their own and
    /// `$ref`d from `x-codeSamples` (as Redocly resolves them) are read from those files.
    func extensions(_ cursor: Cursor) -> [VendorExtension] {
        guard case .mapping(let entries) = cursor.node.content else { return [] }
        return entries.filter { $0.key.hasPrefix("x-") }.map { entry in
            var value = entry.value.specValue
            if entry.key == "x-codeSamples" || entry.key == "x-code-samples", let items = cursor[entry.key]?.items {
                value = .array(items.map { item in
                    guard let ref = item["$ref"], let raw = string(ref), let target = locate(raw, from: ref) else { return item.node.specValue }
                    return target.node.specValue
                })
            }
            return VendorExtension(name: entry.key, value: value,
                                   location: SourceLocation(file: cursor.file, line: Int(entry.keyLine), column: Int(entry.keyColumn)))
        }
    }

    /// A node as a JSON value (defaults, examples, enum values).
    func value(_ cursor: Cursor?) -> SpecValue? {
        cursor?.node.specValue
    }

    /// `externalDocs`.
    func externalDocs(_ cursor: Cursor?) -> ExternalDocs? {
        guard let cursor, expectMapping(cursor, "an External Documentation object"),
              let url = requiredString(cursor, "url", in: "externalDocs") else { return nil }
        return ExternalDocs(url: url, description: string(cursor["description"]))
    }
}
