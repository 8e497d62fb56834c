/// The state of one parse: loaded files, diagnostics, the schema table and caches of resolved
/// components. One instance parses one document, then is thrown away.
final class SpecParser {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sources: [SourceText] = []
    private let readFile: SpecLoader.ReadFile
    private var files: [String: Node?] = [:]

    /// True while reading an OpenAPI 3.0 document (`nullable`, boolean `exclusiveMinimum`).
    var is30 = false

    // Schemas with an identity, in the order they were found, and those still to parse.
    var schemas: [NamedSchema] = []
    var schemaIndex: [SchemaKey: Int] = [:]
    var schemaQueue: [(key: SchemaKey, cursor: Cursor)] = []

    // Resolved components, by the file and pointer of their definition.
    var parameterCache: [String: Parameter] = [:]
    var requestBodyCache: [String: RequestBody] = [:]
    var responseCache: [String: Response] = [:]
    var headerCache: [String: Header] = [:]
    var exampleCache: [String: NamedExample] = [:]
    var pathItemCache: [String: PathItem] = [:]
    /// Where each `$ref` target (file and fragment) was found, so a target is walked to once.
    private var located: [String: Cursor] = [:]
    /// For large mappings `$ref`s walk through (`components/schemas`), each key's position,
    /// by the file and pointer of the mapping. Small mappings are searched in place.
    private var keyPositions: [String: [String: Int]] = [:]
    private var resolving: Set<String> = []
    /// Targets found to be in a reference cycle, reported once.
    private var cyclic: Set<String> = []

    /// Into how many parts, parsed side by side by forks, a large part of the document may be
    /// split; 1 parses everything in one pass.
    let cores: Int

    init(readFile: @escaping SpecLoader.ReadFile, cores: Int = Parallel.cores) {
        self.readFile = readFile
        self.cores = cores
    }

    // MARK: Forks

    /// `body` applied to `items`: for many items, in contiguous parts side by side, each part
    /// by a ``fork()`` of this parser, the forks absorbed and the results joined in the parts'
    /// order, which gives what one pass would; for few, by this parser in one pass.
    func inParts<Item, Value>(_ items: [Item],
                              _ body: @escaping @Sendable (SpecParser, ArraySlice<Item>) -> [Value]) -> [Value] {
        let parts = parts(of: items.count)
        guard parts.count > 1 else { return body(self, items[...]) }
        let forks = parts.map { Parallel.Handoff((fork(), items[$0])) }
        let results = Parallel.map(forks) { work in Parallel.Handoff(body(work.value.0, work.value.1)) }
        for work in forks { absorb(work.value.0) }
        return results.flatMap(\.value)
    }

    /// How `count` items are split among forks: one part per core, none smaller than
    /// `minimumPart` items (forking is not free), in order.
    private func parts(of count: Int) -> [Range<Int>] {
        let minimumPart = 32
        let partCount = max(1, min(cores, count / minimumPart))
        return (0..<partCount).map { part in (count * part / partCount)..<(count * (part + 1) / partCount) }
    }

    /// A parser for a part of the document, starting from everything this one knows: its
    /// files, schema table and caches (copied on write). Forks work side by side, each on its
    /// own part; ``absorb(_:)`` takes back what each found, in the parts' order.
    func fork() -> SpecParser {
        let fork = SpecParser(readFile: readFile, cores: 1)
        fork.files = files
        fork.sources = sources
        fork.is30 = is30
        fork.schemas = schemas
        fork.schemaIndex = schemaIndex
        fork.parameterCache = parameterCache
        fork.requestBodyCache = requestBodyCache
        fork.responseCache = responseCache
        fork.headerCache = headerCache
        fork.exampleCache = exampleCache
        fork.pathItemCache = pathItemCache
        fork.located = located
        fork.keyPositions = keyPositions
        fork.cyclic = cyclic
        return fork
    }

    /// Takes in what a fork found, as if this parser had done the fork's work itself: its
    /// diagnostics (a component two forks resolved reports twice, identically; loading
    /// removes repeats), the files it read, and the schemas it queued, in the order it
    /// queued them. Caches are not taken back: they only save work.
    func absorb(_ fork: SpecParser) {
        diagnostics += fork.diagnostics
        for source in fork.sources where files[source.path] == nil {
            sources.append(source)
            files[source.path] = fork.files[source.path]
        }
        for (path, node) in fork.files where files[path] == nil { files[path] = node }
        for (key, cursor) in fork.schemaQueue {
            guard let index = fork.schemaIndex[key] else { continue }
            let schema = fork.schemas[index]
            register(key, name: schema.name, isComponent: schema.isComponent, cursor: cursor)
        }
    }

    // MARK: Diagnostics

    func report(_ severity: Severity, _ message: String, _ id: String, at cursor: Cursor) {
        diagnostics.append(Diagnostic(severity, message, id: id, at: cursor.location, pointer: cursor.pointer))
    }

    func report(_ severity: Severity, _ message: String, _ id: String, at location: SourceLocation, pointer: String?) {
        diagnostics.append(Diagnostic(severity, message, id: id, at: location, pointer: pointer))
    }

    // MARK: Files

    /// Loads, checks and parses a file, once. Nil when it cannot be read or parsed; the reason
    /// is reported (at `referencedAt` when another file points at it).
    func root(of path: String, referencedAt reference: Cursor? = nil, bytes given: [UInt8]? = nil) -> Cursor? {
        if let cached = files[path] {
            return cached.map { Cursor(node: $0, file: path, pointer: "#") }
        }
        let bytes: [UInt8]
        if let given {
            bytes = given
        } else {
            do {
                bytes = try readFile(path)
            } catch {
                let message = "cannot read '\(path)': \(error)"
                if let reference {
                    report(.error, message, DiagnosticID.unknownRef, at: reference)
                } else {
                    diagnostics.append(Diagnostic(.error, message, id: DiagnosticID.fileUnreadable, at: nil))
                }
                files[path] = .some(nil)
                return nil
            }
        }
        sources.append(SourceText(path: path, bytes: bytes))
        var node: Node?
        if let problem = TextCheck.check(bytes, file: path) {
            diagnostics.append(problem)
        } else if Self.isJSON(path: path, bytes: bytes) {
            node = JSONReader.read(bytes, file: path, diagnostics: &diagnostics)
        } else {
            node = YAMLReader.read(bytes, file: path, diagnostics: &diagnostics)
        }
        files[path] = .some(node)
        return node.map { Cursor(node: $0, file: path, pointer: "#") }
    }

    /// `.json` files are JSON; `.yaml`/`.yml` are YAML; others are sniffed by their first character.
    private static func isJSON(path: String, bytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return true }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return false }
        let first = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.first
        return first == UInt8(ascii: "{")
    }

    // MARK: References

    /// Finds the node a `$ref` string points at, loading another file if it names one. Reports
    /// `unknown-ref` (at `reference`, the `$ref` value) and returns nil when there is none.
    func locate(_ raw: String, from reference: Cursor) -> Cursor? {
        let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        if !filePart.isEmpty, filePart.contains("://") {
            report(.error, "$ref '\(raw)' points at a remote document; only local files are supported",
                   DiagnosticID.unsupported, at: reference)
            return nil
        }
        let file = filePart.isEmpty ? reference.file : Self.join(reference.file, filePart)
        let target = file + "#" + fragment
        if let found = located[target] { return found }
        guard let root = root(of: file, referencedAt: reference) else { return nil }
        guard let tokens = JSONPointer.tokens(fragment) else {
            report(.error, "$ref '\(raw)' is not a JSON pointer (it must look like '#/components/schemas/Name')",
                   DiagnosticID.unknownRef, at: reference)
            return nil
        }
        var node = root.node
        var pointer = "#"
        for token in tokens {
            var next: Node?
            switch node.content {
            case .mapping(let entries) where entries.count > 16:
                let positions = keyPositions[file + pointer] ?? Self.positions(entries)
                keyPositions[file + pointer] = positions
                next = positions[token].map { entries[$0].value }
            case .mapping(let entries): next = entries.first { $0.key == token }?.value
            case .sequence(let items): next = Int(token).flatMap { $0 >= 0 && $0 < items.count ? items[$0] : nil }
            case .scalar: next = nil
            }
            guard let found = next else {
                report(.error, "$ref '\(raw)' does not exist", DiagnosticID.unknownRef, at: reference)
                return nil
            }
            node = found
            pointer += "/" + JSONPointer.escape(token)
        }
        let cursor = Cursor(node: node, file: file, pointer: pointer)
        located[target] = cursor
        return cursor
    }

    /// Each key's first position in a mapping.
    private static func positions(_ entries: [Node.Entry]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() where positions[entry.key] == nil { positions[entry.key] = index }
        return positions
    }

    /// Parses an object that may be a `$ref` to another, following chains of references,
    /// caching by target, and reporting cycles.
    func resolved<T>(_ cursor: Cursor, cache: ReferenceWritableKeyPath<SpecParser, [String: T]>,
                     parse: (Cursor) -> T?) -> T? {
        guard let ref = cursor["$ref"] else { return parse(cursor) }
        guard let raw = string(ref), let target = locate(raw, from: ref) else { return nil }
        let key = target.file + target.pointer
        if let cached = self[keyPath: cache][key] { return cached }
        guard !cyclic.contains(key) else { return nil }
        guard !resolving.contains(key) else {
            report(.error, "$ref '\(raw)' is part of a cycle of references that never reaches an object",
                   DiagnosticID.refCycle, at: ref)
            cyclic.formUnion(resolving)
            return nil
        }
        resolving.insert(key)
        defer { resolving.remove(key) }
        let value = resolved(target, cache: cache, parse: parse)
        if let value { self[keyPath: cache][key] = value }
        return value
    }

    /// Like ``resolved(_:cache:parse:)``, and records the component name when the reference
    /// (or the chain it starts) ends under `components/<kind>/<name>`.
    func resolvedComponent<T: ComponentBacked>(_ cursor: Cursor, cache: ReferenceWritableKeyPath<SpecParser, [String: T]>,
                                               parse: (Cursor) -> T?) -> T? {
        guard var value = resolved(cursor, cache: cache, parse: parse) else { return nil }
        if value.componentName == nil, let ref = cursor["$ref"], case .scalar(let raw, _) = ref.node.content,
           let fragment = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first,
           let tokens = JSONPointer.tokens(String(fragment)), tokens.count == 3, tokens[0] == "components" {
            value.componentName = tokens[2]
        }
        return value
    }

    /// `base`'s directory joined with a relative path, with `.` and `..` folded.
    static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        guard let slash = base.lastIndex(of: "/") else { return normalize(relative) }
        return normalize(String(base[...slash]) + relative)
    }

    private static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }
}
