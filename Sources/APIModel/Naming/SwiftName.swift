/// The naming authority: turns any name from a spec (operationId, schema, property, parameter,
/// enum value, tag) into an idiomatic, valid Swift identifier, with one spelling per place a
/// name appears.
///
/// - `snake_case`, `kebab-case`, spaces and punctuation split words; so do case changes
///   (`listRepoTags`, `HTTPServer`).
/// - Acronyms keep their case inside a name (`getURL`), and are lowercased at the start of a
///   member (`urlPath`). A name written all in capitals (`NUMBER_OF_TAGS`) is read as words.
/// - A leading digit gets an underscore (`_2fa`); a name with no letters or digits is spelled
///   out (`+1` is `plus1`, `-` is `minus`).
///
/// The spellings returned are bare identifiers; ``escaped(_:)`` adds backticks where a keyword
/// needs them. Uniqueness inside a scope is ``NameScope``'s job.
public enum SwiftName {
    /// A type name: `UpperCamelCase`, never a reserved type name.
    public static func type(_ raw: String) -> String {
        var name = joined(words(raw), upperFirst: true)
        if SwiftKeywords.reservedTypes.contains(name) || SwiftKeywords.reserved.contains(name) { name += "Model" }
        return name
    }

    /// A type name made of several names (`Pet` and `owner` make `PetOwner`). The parts are
    /// read as words together, so a reserved word inside does not get its own suffix.
    public static func type(joining parts: String...) -> String {
        type(parts.joined(separator: " "))
    }

    /// A property, method or namespace name: `lowerCamelCase`.
    public static func member(_ raw: String) -> String {
        let name = joined(words(raw), upperFirst: false)
        return SwiftKeywords.unusableMembers.contains(name) ? "_" + name : name
    }

    /// An enum case name; the same spelling as a member.
    public static func enumCase(_ raw: String) -> String { member(raw) }

    /// An argument label; the same spelling as a member.
    public static func argumentLabel(_ raw: String) -> String { member(raw) }

    /// The identifier as it must be written in a declaration or as an expression: keywords in
    /// backticks.
    public static func escaped(_ identifier: String) -> String {
        SwiftKeywords.reserved.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier as an argument label (in a declaration or a call), where Swift accepts
    /// every keyword but `inout`, `var` and `let` as it is.
    public static func escapedLabel(_ identifier: String) -> String {
        ["inout", "var", "let"].contains(identifier) ? "`\(identifier)`" : identifier
    }

    // MARK: Words

    /// Splits a raw name into words.
    static func words(_ raw: String) -> [String] {
        let utf8 = Array(raw.utf8)
        let characters = NameCharacter.classify(raw)
        var words: [String] = []
        var wordStart: Int?
        var wordEnd = 0
        func endWord() {
            if let start = wordStart { words.append(String(decoding: utf8[start..<wordEnd], as: UTF8.self)) }
            wordStart = nil
        }
        var previous: NameCharacter?
        for (index, item) in characters.enumerated() {
            guard item.isLetter || item.isDigit else {
                endWord()
                previous = nil
                continue
            }
            if let previous {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = (previous.isLower || previous.isDigit) && item.isUpper
                // The last capital of an acronym starts the next word: "HTTPServer" -> HTTP, Server.
                let acronymEnd = previous.isUpper && item.isUpper && (next?.isLower ?? false)
                if lowerToUpper || acronymEnd { endWord() }
            }
            if wordStart == nil { wordStart = item.start }
            wordEnd = item.end
            previous = item
        }
        endWord()
        if words.isEmpty { return spelledOut(raw) }
        // "+1" and "-1" mean something: keep the sign as a word.
        if let first = raw.first, first == "+" || first == "-", raw.dropFirst().first?.isNumber == true {
            words.insert(first == "+" ? "plus" : "minus", at: 0)
        }
        // NUMBER_OF_TAGS is words in capitals, not acronyms.
        if !characters.contains(where: \.isLower) {
            words = words.map { $0.lowercased() }
        }
        return words
    }

    /// Words for a name with no letters or digits.
    private static func spelledOut(_ raw: String) -> [String] {
        let names: [Character: String] = [
            "+": "plus", "-": "minus", "*": "asterisk", "/": "slash", ".": "dot", "=": "equals", "<": "less",
            ">": "greater", "!": "not", "&": "and", "|": "or", "%": "percent", "@": "at", "#": "hash",
            "~": "tilde", "^": "caret", "?": "question", ":": "colon", ",": "comma", "$": "dollar",
        ]
        let words = raw.compactMap { names[$0] }
        return words.isEmpty ? (raw.isEmpty ? ["empty"] : ["value"]) : words
    }

    /// Words written in lowercase (`event_id`, `policy_uuid`) that Swift spells in capitals
    /// (`eventID`, `policyUUID`). Words the spec already writes in mixed case (`ApiError`,
    /// `eventId`) keep the author's spelling.
    static let acronyms: [String: String] = [
        "id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "uri": "URI", "uris": "URIs", "uuid": "UUID",
        "uuids": "UUIDs", "http": "HTTP", "https": "HTTPS", "api": "API", "apis": "APIs", "json": "JSON",
        "xml": "XML", "html": "HTML", "ip": "IP", "sql": "SQL", "ssh": "SSH", "tls": "TLS", "ssl": "SSL",
        "jwt": "JWT", "dns": "DNS", "ttl": "TTL", "sso": "SSO", "oidc": "OIDC", "acl": "ACL", "csv": "CSV",
    ]

    /// Joins words in camel case. Acronyms stay in capitals except as the first word of a
    /// lower-camel name. A leading digit gets an underscore.
    private static func joined(_ words: [String], upperFirst: Bool) -> String {
        var result = ""
        for (index, original) in words.enumerated() {
            let word = acronyms[original] ?? original
            if index == 0 && !upperFirst {
                result += isAcronym(word) ? word.lowercased() : lowerFirst(original)
            } else {
                result += upperFirstLetter(word)
            }
        }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    private static func isAcronym(_ word: String) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.utf8.count > 1 && word.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
        }
        return word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    private static func lowerFirst(_ word: String) -> String {
        withFirstLetter(word, ascii: 0x41...0x5A, offset: 32) { $0.lowercased() }
    }

    private static func upperFirstLetter(_ word: String) -> String {
        withFirstLetter(word, ascii: 0x61...0x7A, offset: -32) { $0.uppercased() }
    }

    /// `word` with its first character changed: by byte arithmetic when it is an ASCII letter
    /// in `ascii` (the usual case), otherwise by `change`.
    private static func withFirstLetter(_ word: String, ascii: ClosedRange<UInt8>, offset: Int16,
                                        _ change: (Character) -> String) -> String {
        guard let byte = word.utf8.first else { return word }
        if byte < 0x80 {
            guard ascii.contains(byte) else { return word }
            var bytes = Array(word.utf8)
            bytes[0] = UInt8(Int16(byte) + offset)
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return change(first) + word.dropFirst()
    }
}

/// One character of a name, classified once: where it is in the name's UTF-8, and what kind
/// of character it is. Names are nearly always ASCII, which is read byte by byte; anything
/// else goes through `Character`'s Unicode properties.
private struct NameCharacter {
    /// Its UTF-8 offsets in the name.
    let start: Int, end: Int
    let isLetter: Bool
    /// An ASCII digit: other numerals do not belong in identifiers.
    let isDigit: Bool
    let isUpper: Bool
    let isLower: Bool

    static func classify(_ raw: String) -> [NameCharacter] {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            return raw.utf8.enumerated().map { offset, byte in
                let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let lower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                return NameCharacter(start: offset, end: offset + 1, isLetter: upper || lower,
                                     isDigit: byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), isUpper: upper, isLower: lower)
            }
        }
        var result: [NameCharacter] = []
        var offset = 0
        for character in raw {
            let length = character.utf8.count
            result.append(NameCharacter(start: offset, end: offset + length, isLetter: character.isLetter,
                                        isDigit: character.isASCII && character.isNumber,
                                        isUpper: character.isUppercase, isLower: character.isLowercase))
            offset += length
        }
        return result
    }
}
