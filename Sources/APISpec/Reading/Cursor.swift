/// A node together with the file it is in and its JSON pointer: everything a diagnostic about it
/// needs.
struct Cursor: Sendable {
    let node: Node
    let file: String
    /// The pointer, or for a scalar the pointer of the mapping or sequence it is in, with the
    /// scalar's token beside it: most nodes the parser visits are scalars read once, whose
    /// pointer nobody needs, so theirs is put together only when asked for.
    private let parentPointer: String
    private let token: String?

    /// A cursor at `pointer` (`#` for a file's root).
    init(node: Node, file: String, pointer: String) {
        self.node = node
        self.file = file
        self.parentPointer = pointer
        self.token = nil
    }

    private init(node: Node, file: String, parentPointer: String, token: String) {
        self.node = node
        self.file = file
        if case .scalar = node.content {
            self.parentPointer = parentPointer
            self.token = token
        } else {
            self.parentPointer = parentPointer + "/" + JSONPointer.escape(token)
            self.token = nil
        }
    }

    /// The JSON pointer, `#` then `/`-separated escaped tokens.
    var pointer: String {
        guard let token else { return parentPointer }
        return parentPointer + "/" + JSONPointer.escape(token)
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: Int(node.line), column: Int(node.column))
    }

    /// The entries of a mapping node, as cursors; nil when this is not a mapping.
    var entries: [(key: String, value: Cursor)]? {
        guard case .mapping(let entries) = node.content else { return nil }
        let pointer = pointer
        return entries.map { ($0.key, Cursor(node: $0.value, file: file, parentPointer: pointer, token: $0.key)) }
    }

    /// The keys of a mapping node, in order; empty when this is not a mapping.
    var keys: [String] {
        guard case .mapping(let entries) = node.content else { return [] }
        return entries.map(\.key)
    }

    /// The items of a sequence node, as cursors; nil when this is not a sequence.
    var items: [Cursor]? {
        guard case .sequence(let items) = node.content else { return nil }
        let pointer = pointer
        return items.enumerated().map { Cursor(node: $0.element, file: file, parentPointer: pointer, token: String($0.offset)) }
    }

    /// The value under `key` of a mapping node.
    subscript(key: String) -> Cursor? {
        guard case .mapping(let entries) = node.content,
              let entry = entries.first(where: { $0.key == key }) else { return nil }
        return Cursor(node: entry.value, file: file, parentPointer: pointer, token: key)
    }

    /// Whether this mapping has `key`.
    func has(_ key: String) -> Bool {
        guard case .mapping(let entries) = node.content else { return false }
        return entries.contains { $0.key == key }
    }

    /// Whether `key` was written as an unquoted YAML scalar in this mapping.
    func keyIsPlain(_ key: String) -> Bool {
        guard case .mapping(let entries) = node.content else { return false }
        return entries.first { $0.key == key }?.keyIsPlain ?? false
    }

    /// The location of `key` itself in this mapping (for "unknown key" style messages).
    func keyLocation(_ key: String) -> SourceLocation? {
        guard case .mapping(let entries) = node.content,
              let entry = entries.first(where: { $0.key == key }) else { return nil }
        return SourceLocation(file: file, line: Int(entry.keyLine), column: Int(entry.keyColumn))
    }
}

/// JSON pointers (RFC 6901) as they appear in `$ref` fragments and diagnostics. Byte-level:
/// every node the parser visits gets a pointer, so this is on the hot path.
public enum JSONPointer {
    private static let tilde = UInt8(ascii: "~"), slash = UInt8(ascii: "/"), percent = UInt8(ascii: "%")

    /// Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == tilde || $0 == slash }) else { return token }
        var out: [UInt8] = []
        out.reserveCapacity(token.utf8.count + 8)
        for byte in token.utf8 {
            switch byte {
            case tilde: out += [tilde, UInt8(ascii: "0")]
            case slash: out += [tilde, UInt8(ascii: "1")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes ``escape(_:)``: `~1` becomes `/`, `~0` becomes `~`.
    public static func unescape(_ token: some StringProtocol) -> String {
        let bytes = Array(token.utf8)
        return bytes.contains(tilde) ? unescaped(bytes) : String(token)
    }

    /// The tokens of a fragment such as `/components/schemas/Pet`, unescaped and percent-decoded;
    /// only the last `last` of them when that is given. Nil when the fragment is not a pointer
    /// (it does not start with `/`).
    public static func tokens(_ fragment: String, last: Int = .max) -> [String]? {
        if fragment.isEmpty { return [] }
        let bytes = Array(fragment.utf8)
        guard bytes.first == slash else { return nil }
        return bytes.dropFirst().split(separator: slash, omittingEmptySubsequences: false).suffix(last).map { token in
            token.contains { $0 == tilde || $0 == percent } ? unescaped(percentDecoded(token)) : String(decoding: token, as: UTF8.self)
        }
    }

    /// A token as a URI fragment carries it, percent-decoded.
    private static func percentDecoded(_ token: ArraySlice<UInt8>) -> [UInt8] {
        var percentDecoded: [UInt8] = []
        var index = token.startIndex
        while index < token.endIndex {
            if token[index] == percent, index + 2 < token.endIndex,
               let value = UInt8(String(decoding: token[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                percentDecoded.append(value)
                index += 3
            } else {
                percentDecoded.append(token[index])
                index += 1
            }
        }
        return percentDecoded
    }

    /// A token's text with `~1` and `~0` undone.
    private static func unescaped(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var afterTilde = false
        for byte in bytes {
            if afterTilde {
                switch byte {
                case UInt8(ascii: "1"): out.append(slash)
                case UInt8(ascii: "0"): out.append(tilde)
                default: out += [tilde, byte]
                }
                afterTilde = false
            } else if byte == tilde {
                afterTilde = true
            } else {
                out.append(byte)
            }
        }
        if afterTilde { out.append(tilde) }
        return String(decoding: out, as: UTF8.self)
    }
}
