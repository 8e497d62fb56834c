/// `apigen.yaml`: what to generate from which spec, and how.
///
/// ```yaml
/// spec: spec/quay.yaml
/// name: Quay                      # client type; server protocol is QuayAPI
/// access: public                  # public | package | internal
/// client: {output: Generated/QuayClient}
/// server: {output: Generated/QuayServer}
/// docs:   {output: Generated/Docs, formats: [markdown, html]}
/// filter: {tags: [], operations: [], paths: []}   # empty: everything
/// names:  {operations: {}, schemas: {}, properties: {}}   # spec name -> Swift name
/// imports: []
/// ```
///
/// A section left out is not generated. Unknown keys and wrong types are errors at their line.
public struct GeneratorConfig: Sendable, Equatable {
    /// The spec, relative to the config file's directory.
    public var spec: String?
    /// The client type's name; nil derives it from the spec's title.
    public var name: String?
    /// The access level of generated declarations.
    public var access: Access = .public
    /// Where the client goes, if generated.
    public var clientOutput: String?
    /// Where the server stubs go, if generated.
    public var serverOutput: String?
    /// Where the docs go, if generated.
    public var docsOutput: String?
    /// Which docs formats to write.
    public var docsFormats: [DocsFormat] = [.markdown, .html]
    public var filterTags: [String] = []
    public var filterOperations: [String] = []
    public var filterPaths: [String] = []
    public var operationNames: [String: String] = [:]
    public var schemaNames: [String: String] = [:]
    public var propertyNames: [String: String] = [:]
    /// Extra modules every generated Swift file imports.
    public var imports: [String] = []

    /// An empty config: nothing generated.
    public init() {}

    /// Access levels for generated code.
    public enum Access: String, Sendable, Equatable, CaseIterable {
        case `public`, package, `internal`
    }

    /// Docs formats.
    public enum DocsFormat: String, Sendable, Equatable, CaseIterable {
        case markdown, html
    }
}

/// Reads `apigen.yaml`.
public enum ConfigLoader {
    /// Parses config text. Diagnostics point at the offending line of `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> (config: GeneratorConfig?, diagnostics: [Diagnostic], source: SourceText) {
        let source = SourceText(path: path, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        if let problem = TextCheck.check(bytes, file: path) {
            return (nil, [problem], source)
        }
        guard let node = YAMLReader.read(bytes, file: path, diagnostics: &diagnostics) else {
            return (nil, diagnostics, source)
        }
        let parser = SpecParser(readFile: { _ in [] })
        let config = ConfigParser(parser: parser).parse(Cursor(node: node, file: path, pointer: "#"))
        return (config, diagnostics + parser.diagnostics, source)
    }
}

/// Walks the config tree with the spec parser's typed reads, so errors look the same.
private struct ConfigParser {
    let parser: SpecParser

    func parse(_ root: Cursor) -> GeneratorConfig? {
        guard parser.expectMapping(root, "an apigen configuration") else { return nil }
        var config = GeneratorConfig()
        check(root, allowed: ["spec", "name", "access", "client", "server", "docs", "filter", "names", "imports"])
        config.spec = parser.string(root["spec"])
        config.name = parser.string(root["name"])
        if let access = root["access"], let text = parser.string(access) {
            if let value = GeneratorConfig.Access(rawValue: text) {
                config.access = value
            } else {
                parser.report(.error, "access must be public, package or internal, not '\(text)'",
                              DiagnosticID.invalidValue, at: access)
            }
        }
        config.clientOutput = output(root["client"], allowed: ["output"])
        config.serverOutput = output(root["server"], allowed: ["output"])
        if let docs = root["docs"] {
            config.docsOutput = output(docs, allowed: ["output", "formats"])
            if let formats = docs["formats"] {
                config.docsFormats = (parser.strings(formats) ?? []).compactMap { text in
                    guard let format = GeneratorConfig.DocsFormat(rawValue: text) else {
                        parser.report(.error, "docs formats are markdown and html, not '\(text)'",
                                      DiagnosticID.invalidValue, at: formats)
                        return nil
                    }
                    return format
                }
            }
        }
        if let filter = root["filter"], parser.expectMapping(filter, "a filter") {
            check(filter, allowed: ["tags", "operations", "paths"])
            config.filterTags = parser.strings(filter["tags"]) ?? []
            config.filterOperations = parser.strings(filter["operations"]) ?? []
            config.filterPaths = parser.strings(filter["paths"]) ?? []
        }
        if let names = root["names"], parser.expectMapping(names, "name overrides") {
            check(names, allowed: ["operations", "schemas", "properties"])
            config.operationNames = renames(names["operations"])
            config.schemaNames = renames(names["schemas"])
            config.propertyNames = renames(names["properties"])
        }
        config.imports = parser.strings(root["imports"]) ?? []
        return config
    }

    /// `{output: DIR}`; reports a missing output.
    private func output(_ cursor: Cursor?, allowed: Set<String>) -> String? {
        guard let cursor, parser.expectMapping(cursor, "a section with an output") else { return nil }
        check(cursor, allowed: allowed)
        return parser.requiredString(cursor, "output", in: "this section")
    }

    private func renames(_ cursor: Cursor?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in parser.mapping(cursor) ?? [] {
            if let name = parser.string(value) { result[key] = name }
        }
        return result
    }

    /// Reports every key that is not allowed here.
    private func check(_ cursor: Cursor, allowed: Set<String>) {
        for (key, _) in cursor.entries ?? [] where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            parser.report(.error, "unknown key '\(key)'; expected one of: \(known)", DiagnosticID.unknownKey,
                          at: cursor.keyLocation(key) ?? cursor.location, pointer: cursor.pointer + "/" + JSONPointer.escape(key))
        }
    }
}
