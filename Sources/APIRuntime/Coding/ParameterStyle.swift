/// How a structured value (an object, an array, a union of scalars) travels as text in a
/// parameter or a form field: OpenAPI's serialization styles.
public enum ParameterStyle: String, Sendable {
    /// Query and cookie default: `tag=a&tag=b` exploded, `tag=a,b` not; an exploded object's
    /// properties are fields of their own (`name=x&age=3`).
    case form
    /// Path and header default: `a,b`; an object `k,v,k,v`, exploded `k=v,k=v`.
    case simple
    /// Bracket notation: `card[exp_month]=12`, `expand[]=customer`, `items[0][price]=p`.
    case deepObject
    /// `a%20b` arrays.
    case spaceDelimited
    /// `a|b` arrays.
    case pipeDelimited

    /// A style from the spec's name; form for one apigen does not write (label, matrix).
    public init(spec name: String?) {
        self = name.flatMap(ParameterStyle.init(rawValue:)) ?? .form
    }
}

/// Values as text pairs in the styles, and bracket names back into trees.
enum StyledText {
    /// The `name=text` pairs a query parameter's value makes, before percent-encoding.
    static func pairs(_ name: String, _ value: JSONValue, style: ParameterStyle, explode: Bool) -> [(String, String)] {
        switch (style, value) {
        case (_, .null):
            return []
        case (.deepObject, _):
            var pairs: [(String, String)] = []
            brackets(name, value, into: &pairs)
            return pairs
        case (_, .array(let items)):
            let texts = items.map(\.parameterText)
            switch style {
            case .spaceDelimited: return [(name, texts.joined(separator: " "))]
            case .pipeDelimited: return [(name, texts.joined(separator: "|"))]
            default: return explode ? texts.map { (name, $0) } : [(name, texts.joined(separator: ","))]
            }
        case (_, .object(let members)):
            let keys = members.keys.sorted()
            if explode { return keys.map { ($0, members[$0]?.parameterText ?? "") } }
            return [(name, keys.flatMap { [$0, members[$0]?.parameterText ?? ""] }.joined(separator: ","))]
        default:
            return [(name, value.parameterText)]
        }
    }

    /// A path or header value in `simple` style.
    static func simple(_ value: JSONValue, explode: Bool) -> String {
        switch value {
        case .array(let items): return items.map(\.parameterText).joined(separator: ",")
        case .object(let members):
            let keys = members.keys.sorted()
            return keys.map { explode ? "\($0)=\(members[$0]?.parameterText ?? "")" : "\($0),\(members[$0]?.parameterText ?? "")" }
                .joined(separator: ",")
        default: return value.parameterText
        }
    }

    /// Bracket notation: objects nest as `name[key]`, arrays of scalars as `name[]`, arrays of
    /// objects or arrays by index (`name[0][key]`) so each item's fields stay together.
    static func brackets(_ name: String, _ value: JSONValue, into pairs: inout [(String, String)]) {
        switch value {
        case .null:
            return
        case .object(let members):
            for key in members.keys.sorted() { brackets("\(name)[\(key)]", members[key] ?? .null, into: &pairs) }
        case .array(let items):
            let nested = items.contains { if case .object = $0 { return true }; if case .array = $0 { return true }; return false }
            for (index, item) in items.enumerated() { brackets(nested ? "\(name)[\(index)]" : "\(name)[]", item, into: &pairs) }
        default:
            pairs.append((name, value.parameterText))
        }
    }

    /// The tree of fields that `name=text` pairs make: bracket names nest (`a[b][c]`), `a[]`
    /// and repeated names collect into lists, `a[0][b]` groups by index. Leaves are text.
    static func tree(_ pairs: [(name: String, value: String)]) -> JSONValue {
        var root = JSONValue.object([:])
        for (name, text) in pairs {
            insert(.string(text), at: tokens(name), into: &root)
        }
        return root
    }

    /// `items[0][price]` as `["items", "0", "price"]`; `expand[]` as `["expand", ""]`.
    static func tokens(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return [name] }
        var tokens = [String(name[..<open])]
        var rest = name[open...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            tokens.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return rest.isEmpty ? tokens : [name]
    }

    private static func insert(_ leaf: JSONValue, at tokens: [String], into node: inout JSONValue) {
        guard let token = tokens.first else {
            // A name given twice without brackets collects its values into a list.
            switch node {
            case .object(let members) where members.isEmpty: node = leaf
            case .array(var items): items.append(leaf); node = .array(items)
            default: node = .array([node, leaf])
            }
            return
        }
        let rest = Array(tokens.dropFirst())
        let emptyChild: JSONValue = rest.first.map { $0.isEmpty || Int($0) != nil ? .array([]) : .object([:]) } ?? .object([:])
        if token.isEmpty || (Int(token) != nil && node.arrayValue != nil) {
            var items = node.arrayValue ?? []
            if token.isEmpty {
                var child = emptyChild
                insert(leaf, at: rest, into: &child)
                items.append(child)
            } else if let index = Int(token), index >= 0, index < 10_000 {
                while items.count <= index { items.append(emptyChild) }
                insert(leaf, at: rest, into: &items[index])
            }
            node = .array(items)
            return
        }
        var members = node.objectValue ?? [:]
        var child = members[token] ?? emptyChild
        insert(leaf, at: rest, into: &child)
        members[token] = child
        node = .object(members)
    }
}
