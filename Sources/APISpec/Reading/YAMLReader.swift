import CYaml

/// Reads YAML with libyaml's event parser into a ``Node`` tree.
///
/// The tree is built with an explicit stack, so deep input cannot overflow the call stack; past
/// ``Limits/maxDepth`` levels the reader stops with a `too-deep` error. Aliases are expanded,
/// within a budget that stops "billion laughs" documents.
enum YAMLReader {
    /// Parses `bytes` (already checked to be UTF-8 text). Returns nil when nothing usable was read;
    /// problems go to `diagnostics`.
    static func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> Node? {
        bytes.withUnsafeBufferPointer { buffer -> Node? in
            guard let events = YAMLEvents(input: buffer) else {
                diagnostics.append(Diagnostic(.error, "libyaml could not start", id: DiagnosticID.yamlSyntax,
                                              at: SourceLocation(file: file, line: 1, column: 1)))
                return nil
            }
            defer { events.finish() }
            var builder = TreeBuilder(file: file)
            return builder.run(events, diagnostics: &diagnostics)
        }
    }
}

/// Safety limits shared by the readers.
enum Limits {
    /// The deepest nesting of mappings and sequences that is read.
    static let maxDepth = 200
    /// The most nodes that aliases may add by expansion.
    static let maxAliasExpansion = 2_000_000
}

/// Turns libyaml events into nodes.
private struct TreeBuilder {
    /// An open mapping or sequence. Collections are appended to in place, through the stack.
    struct Frame {
        var isMapping: Bool
        var line: Int32
        var column: Int32
        var anchor: String?
        var entries: [Node.Entry] = []
        var items: [Node] = []
        var pendingKey: (key: String, line: Int32, column: Int32, isPlain: Bool)?
    }

    let file: String
    var stack: [Frame] = []
    var anchors: [String: (node: Node, size: Int)] = [:]
    var expanded = 0
    var root: Node?
    var documents = 0

    init(file: String) { self.file = file }

    mutating func run(_ events: YAMLEvents, diagnostics: inout [Diagnostic]) -> Node? {
        while true {
            guard var event = events.next() else {
                if let error = events.error {
                    diagnostics.append(Diagnostic(.error, error.message, id: DiagnosticID.yamlSyntax,
                                                  at: SourceLocation(file: file, line: error.line, column: error.column)))
                }
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int32(event.start_mark.line) + 1
            let column = Int32(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if root == nil {
                    diagnostics.append(Diagnostic(
                        .error, "the file is empty; expected an OpenAPI document",
                        id: DiagnosticID.emptyDocument, at: SourceLocation(file: file, line: 1, column: 1)))
                }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    diagnostics.append(Diagnostic(
                        .warning, "only the first YAML document of a file is read",
                        id: DiagnosticID.unsupported, at: location(line, column)))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = scalar.tag.map { String(cString: $0) }
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && (tag == nil || tag == "!")
                let node = Node(content: .scalar(text, isPlain: plain), line: line, column: column)
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = (node, 1) }
                guard add(node, diagnostics: &diagnostics) else { return nil }
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let (node, size) = anchors[name] else {
                    diagnostics.append(Diagnostic(.error, "unknown YAML alias '*\(name)'",
                                                  id: DiagnosticID.yamlSyntax, at: location(line, column)))
                    return nil
                }
                expanded += size
                if expanded > Limits.maxAliasExpansion {
                    diagnostics.append(Diagnostic(
                        .error, "YAML aliases expand to more than \(Limits.maxAliasExpansion) nodes",
                        id: DiagnosticID.aliasExpansion, at: location(line, column)))
                    return nil
                }
                guard add(node, diagnostics: &diagnostics) else { return nil }
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
                guard push(Frame(isMapping: true, line: line, column: column, anchor: anchor),
                           diagnostics: &diagnostics) else { return nil }
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
                guard push(Frame(isMapping: false, line: line, column: column, anchor: anchor),
                           diagnostics: &diagnostics) else { return nil }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                let content: Node.Content = frame.isMapping
                    ? .mapping(MappingBuilder.finish(frame.entries, mergeKeys: true, file: file, diagnostics: &diagnostics))
                    : .sequence(frame.items)
                let node = Node(content: content, line: frame.line, column: frame.column)
                if let anchor = frame.anchor { anchors[anchor] = (node, node.size) }
                guard add(node, diagnostics: &diagnostics) else { return nil }
            default:
                break
            }
        }
    }

    private func location(_ line: Int32, _ column: Int32) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }

    private mutating func push(_ frame: Frame, diagnostics: inout [Diagnostic]) -> Bool {
        guard stack.count < Limits.maxDepth else {
            diagnostics.append(Diagnostic(.error, "the document nests deeper than \(Limits.maxDepth) levels",
                                          id: DiagnosticID.tooDeep, at: location(frame.line, frame.column)))
            return false
        }
        stack.append(frame)
        return true
    }

    /// Adds a finished node to the open collection, or makes it the root.
    private mutating func add(_ node: Node, diagnostics: inout [Diagnostic]) -> Bool {
        guard !stack.isEmpty else {
            if documents <= 1 { root = node }
            return true
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let pending = stack[top].pendingKey {
            stack[top].entries.append(Node.Entry(key: pending.key, keyLine: pending.line,
                                                 keyColumn: pending.column, value: node, keyIsPlain: pending.isPlain))
            stack[top].pendingKey = nil
        } else {
            guard case .scalar(let key, let isPlain) = node.content else {
                diagnostics.append(Diagnostic(.error, "mapping keys must be scalars, not \(node.kindDescription)",
                                              id: DiagnosticID.yamlSyntax, at: location(node.line, node.column)))
                return false
            }
            stack[top].pendingKey = (key, node.line, node.column, isPlain)
        }
        return true
    }
}
