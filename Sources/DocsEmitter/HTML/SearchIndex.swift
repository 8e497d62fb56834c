import APIModel

/// What the page's search looks through, as compact JSON in a `<script type="application/json">`:
///
///     {"tags": [name, ...],
///      "operations": [[id, method, path, title, tag index, [parameter, location index, ...]], ...],
///      "types": [[name, kind, first line of description, [field, field type index, ...]], ...],
///      "fieldTypes": [type in words, ...]}
///
/// A location index counts in `path, query, header, cookie`. Names that repeat (tags, field
/// types) are written once and counted; links are made in the script (`#id`, `#model-NAME`).
/// Every string goes through ``JSONText/scriptString(_:to:)``, so nothing in it can end the
/// script element.
struct SearchIndex {
    let site: DocsSite

    /// The order of a parameter's location index.
    static let locations: [ParameterModel.Location] = [.path, .query, .header, .cookie]

    func write(to out: inout [UInt8]) {
        let model = site.model
        out += Array("{\"tags\":[".utf8)
        for (index, group) in site.groups.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.scriptString(group.name, to: &out)
        }
        out += Array("],\n\"operations\":[".utf8)
        var first = true
        for (groupIndex, group) in site.groups.enumerated() {
            for operation in group.operations {
                if !first { out += Array(",\n".utf8) }
                first = false
                out.append(UInt8(ascii: "["))
                strings([operation.operationId, operation.method, operation.path, OperationView.title(operation)], to: &out)
                out += Array(",\(groupIndex),[".utf8)
                for (index, parameter) in operation.parameters.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.scriptString(parameter.name, to: &out)
                    out += Array(",\(Self.locations.firstIndex(of: parameter.location) ?? 0)".utf8)
                }
                out += Array("]]".utf8)
            }
        }
        out += Array("],\n\"types\":[".utf8)
        var fieldTypes: [String: Int] = [:]
        var fieldTypeNames: [String] = []
        for (index, type) in model.types.enumerated() {
            if index > 0 { out += Array(",\n".utf8) }
            out.append(UInt8(ascii: "["))
            strings([type.name, Self.kind(type), Self.firstLine(type.description)], to: &out)
            out += Array(",[".utf8)
            if case .object(let object) = type.kind {
                for (position, property) in object.properties.enumerated() {
                    let words = TypeText.plain(property.type)
                    let number: Int
                    if let known = fieldTypes[words] {
                        number = known
                    } else {
                        number = fieldTypeNames.count
                        fieldTypes[words] = number
                        fieldTypeNames.append(words)
                    }
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.scriptString(property.name, to: &out)
                    out += Array(",\(number)".utf8)
                }
            }
            out += Array("]]".utf8)
        }
        out += Array("],\n\"fieldTypes\":[".utf8)
        strings(fieldTypeNames, to: &out)
        out += Array("]}\n".utf8)
    }

    /// `"a","b"`.
    private func strings(_ strings: [String], to out: inout [UInt8]) {
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.scriptString(string, to: &out)
        }
    }

    private static func kind(_ type: NamedType) -> String {
        switch type.kind {
        case .object: return "object"
        case .enumeration: return "enum"
        case .union: return "union"
        case .alias: return "alias"
        }
    }

    /// The first line of a description, cut at 120 characters.
    private static func firstLine(_ text: String?) -> String {
        let line = DocText.flat(text?.split(whereSeparator: \.isNewline).first.map(String.init))
        return line.count > 120 ? String(line.prefix(119)) + "…" : line
    }
}
