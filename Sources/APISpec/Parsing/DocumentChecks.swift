/// Checks across the whole document, after parsing: things no single object can know.
enum DocumentChecks {
    static func run(_ document: OpenAPIDocument) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let schemeNames = Set(document.securitySchemes.map(\.name))
        let allOperations = document.paths.flatMap(\.operations)

        for operation in allOperations {
            for requirement in operation.security ?? [] {
                diagnostics += unknownSchemes(requirement, known: schemeNames, pointer: operation.pointer + "/security")
            }
        }
        for requirement in document.security ?? [] {
            diagnostics += unknownSchemes(requirement, known: schemeNames, pointer: "#/security")
        }
        return diagnostics
    }

    /// A requirement naming a scheme that is not defined is a warning: the requirement is dropped.
    private static func unknownSchemes(_ requirement: SecurityRequirement, known: Set<String>, pointer: String) -> [Diagnostic] {
        requirement.schemes.filter { !known.contains($0.name) }.map {
            Diagnostic(.warning, "security scheme '\($0.name)' is not defined in components/securitySchemes; the requirement is ignored",
                       id: DiagnosticID.unknownSecurityScheme, at: requirement.location, pointer: pointer)
        }
    }
}

/// A path template such as `/repository/{repository}/tag/{tag}`, split into literal text and
/// parameters.
public struct PathTemplate: Sendable, Hashable {
    /// One piece of a template.
    public enum Component: Sendable, Hashable {
        /// Text sent as it is.
        case literal(String)
        /// A `{name}` placeholder.
        case parameter(String)
    }

    /// The pieces, in order.
    public var components: [Component]

    /// Splits a template. An unclosed `{` is read as literal text.
    public init(_ path: String) {
        var components: [Component] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if open > rest.startIndex { components.append(.literal(String(rest[..<open]))) }
            components.append(.parameter(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { components.append(.literal(String(rest))) }
        self.components = components
    }

    /// The placeholder names, in order.
    public var parameterNames: [String] {
        components.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
    }
}
