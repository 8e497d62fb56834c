/// A node together with the file it is in and its JSON pointer: everything a diagnostic about it
/// needs.
struct Cursor: Sendable {
    let node: Node
    let file: String
    /// The JSON pointer, `#` then `/`-separated escaped tokens.
    let pointer: String

    var location: SourceLocation {
        SourceLocation(file: file, line: Int(node.line), column: Int(node.column))
    }

    /// The entries of a mapping node, as cursors; nil when this is not a mapping.
    var entries: [(key: String, value: Cursor)]? {
        guard case .mapping(let entries) = node.content else { return nil }
        return entries.map { ($0.key, child($0.value, token: $0.key)) }
    }

    /// The items of a sequence node, as cursors; nil when this is not a sequence.
    var items: [Cursor]? {
        guard case .sequence(let items) = node.content else { return nil }
        return items.enumerated().map { child($0.element, token: String($0.offset)) }
    }

    /// The value under `key` of a mapping node.
    subscript(key: String) -> Cursor? {
        guard case .mapping(let entries) = node.content,
              let entry = entries.first(where: { $0.key == key }) else { return nil }
        return child(entry.value, token: key)
    }

    /// Whether this mapping has `key`.
    func has(_ key: String) -> Bool { self[key] != nil }

    /// The location of `key` itself in this mapping (for "unknown key" style messages).
    func keyLocation(_ key: String) -> SourceLocation? {
        guard case .mapping(let entries) = node.content,
              let entry = entries.first(where: { $0.key == key }) else { return nil }
        return SourceLocation(file: file, line: Int(entry.keyLine), column: Int(entry.keyColumn))
    }

    private func child(_ node: Node, token: String) -> Cursor {
        Cursor(node: node, file: file, pointer: pointer + "/" + JSONPointer.escape(token))
    }
}

/// JSON pointers (RFC 6901) as they appear in `$ref` fragments and diagnostics.
public enum JSONPointer {
    /// Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The tokens of a fragment such as `/components/schemas/Pet`, unescaped and percent-decoded.
    /// Nil when the fragment is not a pointer (it does not start with `/`).
    public static func tokens(_ fragment: String) -> [String]? {
        if fragment.isEmpty { return [] }
        guard fragment.hasPrefix("/") else { return nil }
        return fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            percentDecoded(String($0)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
