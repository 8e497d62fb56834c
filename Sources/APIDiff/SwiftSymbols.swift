import APIModel

/// How findings name the Swift that user code touches: the generated client's methods, the
/// receiver's methods, types and their members. Names come from the model, which holds the
/// one naming authority's answers.
extension ServiceModel {
    /// `Quay.TagOperations.listRepoTags(repository:onlyActiveTags:page:)`.
    func methodSymbol(_ operation: OperationModel) -> String {
        let owner = operation.tag.flatMap { tag in tags.first { $0.name == tag } }.map { "\(name).\($0.typeName)" } ?? name
        return "\(owner).\(operation.swiftName)(\(operation.arguments.map { $0.label + ":" }.joined()))"
    }

    /// `ResendWebhooks.emailBounced(_:)`.
    func receiverSymbol(_ operation: OperationModel) -> String {
        "\(receiverProtocolName ?? name + "Webhooks").\(operation.swiftName)(_:)"
    }

    /// The named type behind `type`, following aliases; nil for anything else.
    func declaration(of type: TypeRef) -> NamedType? {
        var seen = Set<String>()
        var current = type.nonNullable
        while case .named(let name) = current, seen.insert(name).inserted, let declared = self.type(named: name) {
            guard case .alias(let target) = declared.kind else { return declared }
            current = target.nonNullable
        }
        return nil
    }

    /// `type` with aliases replaced by what they stand for, at the top level.
    func resolvingAliases(_ type: TypeRef) -> TypeRef {
        var seen = Set<String>()
        var current = type
        while case .named(let name) = current.nonNullable, seen.insert(name).inserted,
              let declared = self.type(named: name), case .alias(let target) = declared.kind {
            current = current.isNullable ? .nullable(target.nonNullable) : target
        }
        return current
    }
}

extension OperationModel {
    /// `GET /pets/{id}`.
    var route: String { "\(method) \(path)" }

    /// The path with its parameters' names left out (`/pets/{}`): two paths that differ only in
    /// a parameter's name are one route.
    var routeShape: String {
        method + " " + pathComponents.map { component in
            switch component {
            case .literal(let text): return text
            case .parameter: return "{}"
            }
        }.joined()
    }
}

extension TypeRef {
    /// The Swift spelling, with `?` when `optional` (a property that may be absent, an
    /// argument that defaults to nil).
    func spelled(optional: Bool) -> String {
        let spelling = swiftSpelling
        return optional && !spelling.hasSuffix("?") ? spelling + "?" : spelling
    }

    /// The value as OpenAPI says it: `string (date-time)`, `integer`, `array of Tag`, `null or string`.
    var wireDescription: String {
        switch self {
        case .string(let format): return format.map { "string (\($0))" } ?? "string"
        case .integer(let format): return format.map { "integer (\($0))" } ?? "integer"
        case .number(let format): return format.map { "number (\($0))" } ?? "number"
        case .boolean: return "boolean"
        case .array(let element): return "array of \(element.wireDescription)"
        case .dictionary(let element): return "map of \(element.wireDescription)"
        case .named(let name): return name
        case .json: return "any JSON"
        case .nullable(let wrapped): return "null or \(wrapped.wireDescription)"
        }
    }
}
