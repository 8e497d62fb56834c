/// A text that matches a spec's `pattern`, for round-trip samples: the server stubs refuse a
/// value that does not. It reads the common part of regular expressions (literals, escapes,
/// classes, groups, alternation, quantifiers, anchors) and builds the shortest text, then
/// longer ones (each repetition taken once more, twice more, ...) until one matches and keeps
/// the length limits. Nil for what it cannot read (back-references, lookarounds) or when no
/// text it builds matches.
enum PatternSample {
    /// A text matching `pattern` with `minLength...maxLength` Unicode scalars, or nil.
    static func text(matching pattern: String, minLength: Int?, maxLength: Int?) -> String? {
        guard let regex = try? Regex(pattern) else { return nil }
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let node = parser.parse() else { return nil }
        for extra in [0, 1, 2, 3, 5, 8, 13, 21, 34, 64, 128, 256] {
            for alternative in 0..<3 {
                var text = String.UnicodeScalarView()
                node.write(into: &text, extra: extra, alternative: alternative)
                let candidate = String(text)
                let length = candidate.unicodeScalars.count
                if let minLength, length < minLength { continue }
                if let maxLength, length > maxLength { continue }
                if candidate.firstMatch(of: regex) != nil { return candidate }
            }
        }
        return nil
    }

    /// A piece of a pattern.
    indirect enum Node {
        case sequence([Node])
        case alternatives([Node])
        case scalar(Unicode.Scalar)
        /// A class: its ranges, or everything but them.
        case set([ClosedRange<Unicode.Scalar>], negated: Bool)
        case repeated(Node, min: Int, max: Int?)
        /// An anchor or a word boundary: matches no text.
        case empty

        /// The node's text with each repetition taken `extra` times more than its minimum (up
        /// to its maximum), and alternatives from the `alternative`th (the last when fewer).
        func write(into text: inout String.UnicodeScalarView, extra: Int, alternative: Int) {
            switch self {
            case .sequence(let nodes):
                for node in nodes { node.write(into: &text, extra: extra, alternative: alternative) }
            case .alternatives(let nodes):
                nodes[min(alternative, nodes.count - 1)].write(into: &text, extra: extra, alternative: alternative)
            case .scalar(let scalar):
                text.append(scalar)
            case .set(let ranges, let negated):
                if let scalar = Self.pick(ranges, negated: negated) { text.append(scalar) }
            case .repeated(let node, let min, let max):
                let count = Swift.min(min + extra, max ?? Int.max)
                for _ in 0..<count { node.write(into: &text, extra: extra, alternative: alternative) }
            case .empty:
                break
            }
        }

        /// A plain scalar a class holds: a letter or digit when it has one.
        private static func pick(_ ranges: [ClosedRange<Unicode.Scalar>], negated: Bool) -> Unicode.Scalar? {
            let preferred: [Unicode.Scalar] = ["a", "0", "A", "x", "_", "-", ".", " "]
            if negated { return preferred.first { scalar in !ranges.contains { $0.contains(scalar) } } }
            return preferred.first { scalar in ranges.contains { $0.contains(scalar) } } ?? ranges.first?.lowerBound
        }
    }

    /// A recursive-descent reader of the pattern.
    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func parse() -> Node? {
            guard let node = alternatives(), index == scalars.count else { return nil }
            return node
        }

        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        private mutating func alternatives() -> Node? {
            var branches: [Node] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch)
                guard current == "|" else { break }
                index += 1
            }
            return branches.count == 1 ? branches[0] : .alternatives(branches)
        }

        private mutating func sequence() -> Node? {
            var nodes: [Node] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let atom = atom(), let node = quantified(atom) else { return nil }
                nodes.append(node)
            }
            return .sequence(nodes)
        }

        private mutating func atom() -> Node? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "^", "$": return .empty
            case ".": return .set([" "..."~"], negated: false)
            case "[": return set()
            case "(":
                if current == "?" {
                    // Non-capturing and named groups are read; lookarounds are not.
                    index += 1
                    if current == ":" {
                        index += 1
                    } else if current == "<", index + 1 < scalars.count, scalars[index + 1] != "=", scalars[index + 1] != "!" {
                        while let next = current, next != ">" { index += 1 }
                        index += 1
                    } else {
                        return nil
                    }
                }
                guard let inner = alternatives(), current == ")" else { return nil }
                index += 1
                return inner
            case "\\": return escape(inClass: false).map { $0.node }
            case "*", "+", "?", "{", ")": return nil
            default: return .scalar(scalar)
            }
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe followed by a lazy or possessive mark.
        private mutating func quantified(_ node: Node) -> Node? {
            var result = node
            guard let scalar = current else { return result }
            switch scalar {
            case "*": index += 1; result = .repeated(node, min: 0, max: nil)
            case "+": index += 1; result = .repeated(node, min: 1, max: nil)
            case "?": index += 1; result = .repeated(node, min: 0, max: 1)
            case "{":
                let start = index
                index += 1
                guard let low = number() else {
                    // A brace that starts no count is the character itself.
                    index = start + 1
                    return .sequence([node, .scalar("{")])
                }
                var high: Int? = low
                if current == "," {
                    index += 1
                    high = number()
                }
                guard current == "}" else { return nil }
                index += 1
                result = .repeated(node, min: low, max: high)
            default:
                return result
            }
            if current == "?" || current == "+" { index += 1 }
            return result
        }

        private mutating func number() -> Int? {
            var digits = ""
            while let scalar = current, ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                index += 1
            }
            return Int(digits)
        }

        /// `[a-z0-9._-]`, `[^/]`, with escapes and classes inside.
        private mutating func set() -> Node? {
            var negated = false
            if current == "^" {
                negated = true
                index += 1
            }
            var ranges: [ClosedRange<Unicode.Scalar>] = []
            var first = true
            while let scalar = current, scalar != "]" || first {
                first = false
                index += 1
                var low = scalar
                if scalar == "\\" {
                    guard let escaped = escape(inClass: true) else { return nil }
                    guard let single = escaped.scalar else {
                        ranges += escaped.ranges
                        continue
                    }
                    low = single
                }
                if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    guard var high = current else { return nil }
                    index += 1
                    if high == "\\" {
                        guard let escaped = escape(inClass: true)?.scalar else { return nil }
                        high = escaped
                    }
                    guard low <= high else { return nil }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            }
            guard current == "]" else { return nil }
            index += 1
            return .set(ranges, negated: negated)
        }

        /// What follows a backslash: one scalar, or a class (`\d`, `\w`, `\s` and their negations).
        private mutating func escape(inClass: Bool) -> (node: Node, scalar: Unicode.Scalar?, ranges: [ClosedRange<Unicode.Scalar>])? {
            guard let scalar = current else { return nil }
            index += 1
            let digits: [ClosedRange<Unicode.Scalar>] = ["0"..."9"]
            let word: [ClosedRange<Unicode.Scalar>] = ["a"..."z", "A"..."Z", "0"..."9", "_"..."_"]
            let space: [ClosedRange<Unicode.Scalar>] = [" "..." ", "\t"..."\t"]
            func single(_ value: Unicode.Scalar) -> (Node, Unicode.Scalar?, [ClosedRange<Unicode.Scalar>]) { (.scalar(value), value, [value...value]) }
            switch scalar {
            case "d": return (.set(digits, negated: false), nil, digits)
            case "w": return (.set(word, negated: false), nil, word)
            case "s": return (.set(space, negated: false), nil, space)
            case "D", "W", "S":
                guard !inClass else { return nil }
                return (.set(scalar == "D" ? digits : scalar == "W" ? word : space, negated: true), nil, [])
            case "b", "B", "A", "z", "Z":
                return inClass ? nil : (.empty, nil, [])
            case "n": return single("\n")
            case "t": return single("\t")
            case "r": return single("\r")
            case "u":
                var hex = ""
                while hex.count < 4, let digit = current, digit.properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(digit)
                    index += 1
                }
                guard hex.count == 4, let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                return single(decoded)
            default:
                // A back-reference or an escape this reader does not know.
                if ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) { return nil }
                return single(scalar)
            }
        }
    }
}
