/// Decodes values whose leaves are text: form fields, query pairs in bracket notation
/// (`card[exp_month]=12`), path and header values. Each leaf is read as the type the value asks
/// for, so `"12"` is 12 to an `Int` field and "12" to a `String` one, in the same value.
///
/// The tree is a ``JSONValue`` whose leaves are `.string` (or `.null` for a field left out).
/// One leaf where a list is wanted is a list of one (`tag=a` for `[String]`).
struct TextTreeDecoder {
    /// Set for server request reads: generated enums reject values the spec does not list.
    var rejectsUnknownValues = false

    func decode<T: Decodable>(_ type: T.Type, from tree: JSONValue) throws -> T {
        try TextTree(value: tree, codingPath: [], info: userInfo).decodeValue(T.self)
    }

    private var userInfo: [CodingUserInfoKey: any Sendable] {
        rejectsUnknownValues ? [StrictDecoding.rejectUnknownValues: true] : [:]
    }
}

/// One node of the tree, as a `Decoder`.
private struct TextTree: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let info: [CodingUserInfoKey: any Sendable]

    var userInfo: [CodingUserInfoKey: Any] { info }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        // Form style cannot write an object inside a list, so a client sends it as JSON text.
        if case .string(let text) = value, text.hasPrefix("{"), case .object(let members)? = try? JSONValue(parsing: Array(text.utf8)) {
            return KeyedDecodingContainer(Keyed<Key>(members: members, tree: self))
        }
        guard case .object(let members) = value else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "expected fields"))
        }
        return KeyedDecodingContainer(Keyed<Key>(members: members, tree: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items): return Unkeyed(items: items, tree: self)
        case .null: return Unkeyed(items: [], tree: self)
        default: return Unkeyed(items: [value], tree: self)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(tree: self) }

    func child(_ value: JSONValue, _ key: any CodingKey) -> TextTree {
        TextTree(value: value, codingPath: codingPath + [key], info: info)
    }

    /// A value of any type: dates, data and URLs from their text, the rest by their own
    /// `init(from:)` over this node.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == JSONValue.self, let value = coercedJSON as? T { return value }
        if T.self == Date.self {
            guard let date = ISO8601.date(from: try text()) as? T else { throw mismatch(T.self, "an ISO 8601 date-time") }
            return date
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try text()) as? T else { throw mismatch(T.self, "base64") }
            return data
        }
        if T.self == URL.self {
            guard let url = URL(string: try text()) as? T else { throw mismatch(T.self, "a URL") }
            return url
        }
        return try T(from: self)
    }

    /// A free-form value: leaves that read as numbers or booleans become them.
    private var coercedJSON: JSONValue {
        func coerce(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text):
                if let number = Int(text) { return .int(number) }
                if let number = Double(text) { return .double(number) }
                if text == "true" { return .bool(true) }
                if text == "false" { return .bool(false) }
                return value
            case .array(let items): return .array(items.map(coerce))
            case .object(let members): return .object(members.mapValues(coerce))
            default: return value
            }
        }
        return coerce(value)
    }

    func text() throws -> String {
        switch value {
        case .string(let text): return text
        // Leaves already typed (a JSON part of a multipart body) read as their text.
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items) where items.count == 1:
            return try child(items[0], TreeKey(index: 0)).text()
        case .null:
            throw DecodingError.valueNotFound(String.self, .init(codingPath: codingPath, debugDescription: "no value"))
        default:
            throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath, debugDescription: "expected one value"))
        }
    }

    func mismatch(_ type: Any.Type, _ what: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(what)"))
    }

    /// A leaf read as a number, a boolean or text.
    func parse<T: LosslessStringConvertible>(_ type: T.Type, _ what: String) throws -> T {
        let text = try text()
        if T.self == Bool.self {
            switch text {
            case "true", "1": return true as! T
            case "false", "0": return false as! T
            default: throw mismatch(T.self, what)
            }
        }
        guard let value = T(text) else { throw mismatch(T.self, what) }
        return value
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let tree: TextTree
        var codingPath: [any CodingKey] { tree.codingPath }
        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        private func node(_ key: Key) throws -> TextTree {
            guard let value = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field '\(key.stringValue)'"))
            }
            return tree.child(value, key)
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = members[key.stringValue] else { return true }
            return value == .null
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try node(key).parse(Bool.self, "true or false") }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try node(key).text() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try node(key).parse(Double.self, "a number") }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try node(key).parse(Float.self, "a number") }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try node(key).parse(Int.self, "an integer") }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try node(key).parse(Int8.self, "an integer") }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try node(key).parse(Int16.self, "an integer") }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try node(key).parse(Int32.self, "an integer") }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try node(key).parse(Int64.self, "an integer") }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try node(key).parse(UInt.self, "an integer") }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try node(key).parse(UInt8.self, "an integer") }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try node(key).parse(UInt16.self, "an integer") }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try node(key).parse(UInt32.self, "an integer") }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try node(key).parse(UInt64.self, "an integer") }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try node(key).decodeValue(T.self) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try node(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try node(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { tree }
        func superDecoder(forKey key: Key) throws -> any Decoder { try node(key) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let tree: TextTree
        var currentIndex = 0
        var codingPath: [any CodingKey] { tree.codingPath }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> TextTree {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "no more items"))
            }
            defer { currentIndex += 1 }
            return tree.child(items[currentIndex], TreeKey(index: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next().parse(Bool.self, "true or false") }
        mutating func decode(_ type: String.Type) throws -> String { try next().text() }
        mutating func decode(_ type: Double.Type) throws -> Double { try next().parse(Double.self, "a number") }
        mutating func decode(_ type: Float.Type) throws -> Float { try next().parse(Float.self, "a number") }
        mutating func decode(_ type: Int.Type) throws -> Int { try next().parse(Int.self, "an integer") }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().parse(Int8.self, "an integer") }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().parse(Int16.self, "an integer") }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().parse(Int32.self, "an integer") }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().parse(Int64.self, "an integer") }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next().parse(UInt.self, "an integer") }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().parse(UInt8.self, "an integer") }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().parse(UInt16.self, "an integer") }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().parse(UInt32.self, "an integer") }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().parse(UInt64.self, "an integer") }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(T.self) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    private struct Single: SingleValueDecodingContainer {
        let tree: TextTree
        var codingPath: [any CodingKey] { tree.codingPath }

        func decodeNil() -> Bool { tree.value == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try tree.parse(Bool.self, "true or false") }
        func decode(_ type: String.Type) throws -> String { try tree.text() }
        func decode(_ type: Double.Type) throws -> Double { try tree.parse(Double.self, "a number") }
        func decode(_ type: Float.Type) throws -> Float { try tree.parse(Float.self, "a number") }
        func decode(_ type: Int.Type) throws -> Int { try tree.parse(Int.self, "an integer") }
        func decode(_ type: Int8.Type) throws -> Int8 { try tree.parse(Int8.self, "an integer") }
        func decode(_ type: Int16.Type) throws -> Int16 { try tree.parse(Int16.self, "an integer") }
        func decode(_ type: Int32.Type) throws -> Int32 { try tree.parse(Int32.self, "an integer") }
        func decode(_ type: Int64.Type) throws -> Int64 { try tree.parse(Int64.self, "an integer") }
        func decode(_ type: UInt.Type) throws -> UInt { try tree.parse(UInt.self, "an integer") }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try tree.parse(UInt8.self, "an integer") }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try tree.parse(UInt16.self, "an integer") }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try tree.parse(UInt32.self, "an integer") }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try tree.parse(UInt64.self, "an integer") }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try tree.decodeValue(T.self) }
    }
}

/// The key of a list item.
private struct TreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
