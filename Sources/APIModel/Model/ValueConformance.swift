import APISpec

extension ServiceModel {
    /// Whether a JSON value from the spec (an example, a default) decodes as a value of `type`
    /// in generated code, and passes the server stubs' checks: the right JSON kinds, every
    /// required property present, `null` only where the type allows it, enum values listed,
    /// properties' constraints kept, `date-time` text in RFC 3339 form, `byte` text in base64.
    /// Conservative: a value it admits decodes; some it refuses might too.
    public func admits(_ value: SpecValue, as type: TypeRef) -> Bool {
        admits(value, as: type, depth: 0)
    }

    private func admits(_ value: SpecValue, as type: TypeRef, depth: Int) -> Bool {
        // A value nested this deep is a cycle in the spec's examples, or near enough.
        guard depth < 32 else { return false }
        switch type {
        case .nullable(let wrapped):
            return value == .null || admits(value, as: wrapped, depth: depth)
        case .string(let format):
            guard case .string(let text) = value else { return false }
            switch format {
            case "date-time": return TextForms.isDateTime(text)
            case "byte", "binary": return TextForms.isBase64(text)
            default: return true
            }
        case .integer(let format):
            guard case .int(let number) = value else { return false }
            return format != "int32" || Int32(exactly: number) != nil
        case .number:
            if case .int = value { return true }
            if case .double = value { return true }
            return false
        case .boolean:
            if case .bool = value { return true }
            return false
        case .array(let element):
            guard case .array(let items) = value else { return false }
            return items.allSatisfy { admits($0, as: element, depth: depth + 1) }
        case .dictionary(let element):
            guard case .object(let members) = value else { return false }
            return members.allSatisfy { admits($0.value, as: element, depth: depth + 1) }
        case .json:
            return true
        case .named(let name):
            guard let declared = self.type(named: name) else { return false }
            return admits(value, as: declared.kind, depth: depth)
        }
    }

    private func admits(_ value: SpecValue, as kind: NamedType.Kind, depth: Int) -> Bool {
        switch kind {
        case .alias(let target):
            return admits(value, as: target, depth: depth)
        case .enumeration(let enumeration):
            return (value == .null && enumeration.isNullable) || enumeration.cases.contains { $0.value == value }
        case .union(let union):
            return union.variants.contains { variant in
                if let discriminator = union.discriminator {
                    guard let tag = value[discriminator]?.stringValue, variant.discriminatorValues.contains(tag) else { return false }
                }
                return admits(value, as: variant.type, depth: depth + 1)
            }
        case .object(let object):
            guard case .object(let members) = value else { return false }
            for property in object.properties {
                guard let member = members.first(where: { $0.key == property.name }) else {
                    if property.required { return false }
                    continue
                }
                if let constant = property.constValue, member.value != constant { return false }
                // `null` only where the type allows it, and the property's constraints kept:
                // what the generated server stubs accept.
                guard admits(member.value, as: property.type, depth: depth + 1), property.constraints.admits(member.value) else {
                    return false
                }
            }
            if let extra = object.additionalProperties {
                let declared = Set(object.properties.map(\.name))
                guard members.allSatisfy({ declared.contains($0.key) || admits($0.value, as: extra, depth: depth + 1) }) else { return false }
            }
            return (object.composedParts ?? []).allSatisfy { admits(value, as: $0.type, depth: depth + 1) }
        }
    }
}

/// The text forms of string formats that generated code parses.
enum TextForms {
    /// RFC 3339: `2024-05-01T12:00:00Z`, fractional seconds and an offset allowed.
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        }
        guard bytes.count >= 20, digits(0..<4), bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10),
              bytes[10] == 0x54 || bytes[10] == 0x74, digits(11..<13), bytes[13] == 0x3A, digits(14..<16), bytes[16] == 0x3A,
              digits(17..<19) else { return false }
        var index = 19
        if bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] == 0x5A || bytes[index] == 0x7A { return index == bytes.count - 1 }
        guard bytes[index] == 0x2B || bytes[index] == 0x2D, bytes.count == index + 6 else { return false }
        return digits(index + 1..<index + 3) && bytes[index + 3] == 0x3A && digits(index + 4..<index + 6)
    }

    /// Standard base64 with padding, as `JSONDecoder` reads `Data`.
    static func isBase64(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == 0x3D }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2F
        }
    }
}
