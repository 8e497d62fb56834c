/// A JSON encoder that keeps keys in the order values encode them: a struct's properties in
/// declaration order, a spec value's members in document order. The same model always prints
/// the same text, and it reads top-down like the model's declarations.
struct OrderedJSONEncoder {
    /// Encodes a value as pretty-printed JSON (two-space indent), ending with a newline.
    func encode(_ value: some Encodable) throws -> String {
        let root = Storage()
        try value.encode(to: TreeEncoder(storage: root, codingPath: []))
        var out = ""
        root.value.write(to: &out, indent: "")
        return out + "\n"
    }
}

/// A JSON value under construction.
private indirect enum Tree {
    case null, bool(Bool), number(String), string(String)
    case array([Storage])
    case object([(String, Storage)])

    func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += SpecValueQuoting.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.value.write(to: &out, indent: indent + "  ")
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += indent + "  " + SpecValueQuoting.quoted(member.0) + " : "
                member.1.value.write(to: &out, indent: indent + "  ")
                out += index < members.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }
}

/// A mutable slot in the tree, so nested containers can fill it later.
private final class Storage {
    var value: Tree = .null
}

import APISpec

/// JSON string quoting, shared with the spec's values.
private enum SpecValueQuoting {
    static func quoted(_ text: String) -> String { SpecValue.quoted(text) }
}

private struct TreeEncoder: Encoder {
    let storage: Storage
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.value {} else { storage.value = .object([]) }
        return KeyedEncodingContainer(KeyedTree<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.value {} else { storage.value = .array([]) }
        return UnkeyedTree(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTree(storage: storage, codingPath: codingPath)
    }
}

/// Numbers as JSON text; doubles without a fraction keep a `.0` so they read as doubles.
private func numberText(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) + ".0" }
    return String(value)
}

private struct SingleTree: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { storage.value = .null }
    mutating func encode(_ value: Bool) throws { storage.value = .bool(value) }
    mutating func encode(_ value: String) throws { storage.value = .string(value) }
    mutating func encode(_ value: Double) throws { storage.value = .number(numberText(value)) }
    mutating func encode(_ value: Float) throws { storage.value = .number(numberText(Double(value))) }
    mutating func encode(_ value: Int) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { storage.value = .number(String(value)) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: TreeEncoder(storage: storage, codingPath: codingPath))
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [any CodingKey]

    /// The slot for a key: an existing one is reused, so encoding a key twice replaces it.
    private func slot(_ key: Key) -> Storage {
        guard case .object(var members) = storage.value else { return Storage() }
        if let existing = members.first(where: { $0.0 == key.stringValue }) { return existing.1 }
        let fresh = Storage()
        members.append((key.stringValue, fresh))
        storage.value = .object(members)
        return fresh
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try value.encode(to: TreeEncoder(storage: slot(key), codingPath: codingPath + [key]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(storage: slot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(storage: slot(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(storage: storage, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(storage: slot(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = storage.value { return items.count }
        return 0
    }

    private func append() -> Storage {
        let fresh = Storage()
        if case .array(var items) = storage.value {
            items.append(fresh)
            storage.value = .array(items)
        }
        return fresh
    }

    mutating func encodeNil() throws { append().value = .null }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: TreeEncoder(storage: append(), codingPath: codingPath))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(storage: append(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(storage: append(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(storage: append(), codingPath: codingPath) }
}
