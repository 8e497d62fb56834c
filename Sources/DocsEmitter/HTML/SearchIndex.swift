import APIModel

/// What the page's search looks through, as JSON in a `<script type="application/json">`:
///
///     {"operations": [[id, method, path, title, tag], ...],
///      "types": [[name, kind, first line of description], ...],
///      "fields": [[type index, name, type], ...],
///      "parameters": [[operation index, name, location], ...]}
///
/// Links are made from these in the script (`#id`, `#model-NAME`). Every string goes through
/// ``JSONText/scriptString(_:to:)``, so nothing in it can end the script element.
struct SearchIndex {
    let site: DocsSite

    func write(to out: inout [UInt8]) {
        let model = site.model
        let operations = site.groups.flatMap { group in group.operations.map { (group, $0) } }
        out += Array("{\"operations\":[".utf8)
        for (index, (group, operation)) in operations.enumerated() {
            row(index, [operation.operationId, operation.method, operation.path, OperationView.title(operation), group.name], to: &out)
        }
        out += Array("],\n\"types\":[".utf8)
        for (index, type) in model.types.enumerated() {
            row(index, [type.name, Self.kind(type), Self.firstLine(type.description)], to: &out)
        }
        out += Array("],\n\"fields\":[".utf8)
        var first = true
        for (index, type) in model.types.enumerated() {
            guard case .object(let object) = type.kind else { continue }
            for property in object.properties {
                row(first ? 0 : 1, [property.name, TypeText.plain(property.type)], number: index, to: &out)
                first = false
            }
        }
        out += Array("],\n\"parameters\":[".utf8)
        first = true
        for (index, (_, operation)) in operations.enumerated() {
            for parameter in operation.parameters {
                row(first ? 0 : 1, [parameter.name, parameter.location.rawValue], number: index, to: &out)
                first = false
            }
        }
        out += Array("]}\n".utf8)
    }

    /// `[number?, "a", "b"]`, after a comma unless it is the first row.
    private func row(_ position: Int, _ strings: [String], number: Int? = nil, to out: inout [UInt8]) {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "["))
        if let number { out += Array(String(number).utf8) }
        for (index, string) in strings.enumerated() {
            if index > 0 || number != nil { out.append(UInt8(ascii: ",")) }
            JSONText.scriptString(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
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
