import APISpec

/// Lowers a parsed OpenAPI document into the ``ServiceModel`` emitters read.
public enum Lowering {
    /// The model, and every problem found on the way (the spec stage's diagnostics are not
    /// repeated). The model is complete even when there are warnings.
    public static func lower(_ document: OpenAPIDocument, options: LoweringOptions = LoweringOptions())
        -> (model: ServiceModel, diagnostics: [Diagnostic]) {
        let context = LoweringContext(document: document, options: options)
        let model = context.run()
        return (model, context.diagnostics.uniqued())
    }
}

/// The state of one lowering.
final class LoweringContext {
    let document: OpenAPIDocument
    let options: LoweringOptions
    var diagnostics: [Diagnostic] = []

    /// Type names in the module; member names on the client; method names across the service.
    var typeScope = NameScope()
    var clientMemberScope = NameScope(reserved: LoweringContext.clientMembers)
    var operationScope = NameScope(reserved: ["registerHandlers"])
    /// The methods of the webhook receiver: webhooks and every operation's callbacks share it.
    var receiverScope = NameScope(reserved: ["registerWebhooks"])

    /// Members the client type declares itself, which tags may not take.
    static let clientMembers = ["client", "serverURL", "transport", "middlewares", "configuration", "token",
                                "init", "self", "send", "raw"]

    // Types: the names of named schemas, their declarations, inline declarations in the order
    // met, every declaration by name, and the named schemas being lowered right now.
    var nameByKey: [SchemaKey: String] = [:]
    var keyByName: [String: SchemaKey] = [:]
    /// Schemas in other files that a component stands for; they count as components.
    var adoptedKeys: Set<SchemaKey> = []
    var namedDeclarations: [SchemaKey: NamedType] = [:]
    var inlineDeclarations: [NamedType] = []
    var declaredByName: [String: NamedType] = [:]
    var loweredKeys: Set<SchemaKey> = []
    var lowering: [SchemaKey] = []
    /// Inline enums declared so far, by the property or parameter they belong to, so identical
    /// ones are shared.
    var enumsByLeaf: [String: [String]] = [:]
    /// Inline schemas already lowered, by where they are written, so a shared component lowers once.
    var inlineCache: [SourceLocation: TypeRef] = [:]
    /// Property names made into Swift names so far: the same few names recur across schemas.
    var memberNames: [String: String] = [:]
    /// Whether each `$ref` target met so far allows `null`.
    var nullableTargets: [SchemaKey: Bool] = [:]

    init(document: OpenAPIDocument, options: LoweringOptions) {
        self.document = document
        self.options = options
    }

    func warn(_ message: String, _ id: String, at location: SourceLocation, pointer: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, id: id, at: location, pointer: pointer))
    }

    func error(_ message: String, _ id: String, at location: SourceLocation, pointer: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, id: id, at: location, pointer: pointer))
    }

    func run() -> ServiceModel {
        let info = document.info
        let name = typeScope.claim(options.name.map { SwiftName.type($0) } ?? Self.clientName(title: info.title))
        let serverProtocol = typeScope.claim(options.serverProtocolName ?? name + "API")
        let hasReceivers = !document.webhooks.isEmpty || document.paths.contains { $0.operations.contains { !$0.callbacks.isEmpty } }
        let receiverProtocol = hasReceivers ? typeScope.claim(name + "Webhooks") : nil
        nameSchemas()
        for schema in document.schemas { lowerNamed(schema.key) }
        let tags = lowerTags()
        var operations: [OperationModel] = []
        for item in document.paths {
            for operation in item.operations {
                let id = operation.operationId ?? Self.derivedOperationID(method: operation.method, path: operation.path)
                guard options.keeps(operationId: id, tags: operation.tags, path: operation.path) else { continue }
                operations.append(lowerOperation(operation, scope: &operationScope))
            }
        }
        markSharedRoutes(&operations)
        // A webhook without an operationId is named after its key (`email.sent`). Webhooks
        // share the receiver's names with the callbacks the operations above claimed.
        var scope = receiverScope
        let webhooks = document.webhooks.flatMap { item in
            item.operations.map { operation in
                lowerOperation(operation, scope: &scope, inheritsSecurity: false,
                               derivedID: item.operations.count == 1 ? item.path : "\(item.path) \(operation.method)")
            }
        }
        receiverScope = scope
        if options.filters { pruneTypes(keeping: operations) }
        let types = Recursion.marked(allDeclarations)
        let usedTags = Set(operations.compactMap(\.tag))
        var model = ServiceModel(
            name: name, serverProtocolName: serverProtocol, title: document.info.title,
            version: document.info.version, summary: document.info.summary, description: document.info.description,
            termsOfService: info.termsOfService,
            contact: info.contactName == nil && info.contactURL == nil && info.contactEmail == nil ? nil
                : ContactModel(name: info.contactName, url: info.contactURL, email: info.contactEmail),
            license: info.licenseName.map { LicenseModel(name: $0, identifier: info.licenseIdentifier, url: info.licenseURL) },
            servers: document.servers.map(lowerServer), tags: tags.filter { usedTags.contains($0.name) || !options.filters },
            operations: operations, types: types, securitySchemes: document.securitySchemes.map(lowerScheme),
            webhooks: webhooks, errorTypeName: errorTypeName(operations))
        model.receiverProtocolName = receiverProtocol
        return model
    }

    /// Operations with the method and path of an earlier one (`/a/{id}` and `/a/{name}`, or two
    /// paths that differ only in a `#` part): a server routes their requests to the first.
    private func markSharedRoutes(_ operations: inout [OperationModel]) {
        var first: [String: OperationModel] = [:]
        for index in operations.indices {
            let operation = operations[index]
            let route = operation.method + " " + operation.pathComponents.map {
                if case .literal(let text) = $0 { return text }
                return "{}"
            }.joined()
            guard let earlier = first[route] else {
                first[route] = operation
                continue
            }
            operations[index].sharesRouteWith = earlier.operationId
            warn("'\(operation.operationId)' is \(operation.method) \(operation.path), as '\(earlier.operationId)' (line "
                 + "\(earlier.location.line)) is: a server cannot tell their requests apart, and the server stubs hand them to "
                 + "'\(earlier.operationId)'", DiagnosticID.duplicateRoute, at: operation.location)
        }
    }

    /// Claims a Swift name for every named schema, components first, before any is lowered, so
    /// component names win over names made up for inline schemas.
    private func nameSchemas() {
        for schema in document.schemas where nameByKey[schema.key] == nil {
            let wanted = options.schemaNames[schema.name] ?? SwiftName.type(schema.name)
            let name = typeScope.claim(wanted)
            nameByKey[schema.key] = name
            keyByName[name] = schema.key
            // `components/schemas/Book: {$ref: 'schemas.yaml#/Book'}`: the schema in the other
            // file is the component, under the component's name.
            if schema.isComponent, case .reference(let target, _, _) = schema.schema,
               let external = document.schema(target), !external.isComponent, nameByKey[target] == nil {
                nameByKey[target] = name
                keyByName[name] = target
                adoptedKeys.insert(target)
            }
        }
    }

    /// Declared tags in order, then tags only operations name, in order of first use.
    private func lowerTags() -> [TagModel] {
        var names: [String] = []
        var seen = Set<String>()
        var declared: [String: Tag] = [:]
        for tag in document.tags where seen.insert(tag.name).inserted {
            names.append(tag.name)
            declared[tag.name] = tag
        }
        for item in document.paths {
            for operation in item.operations {
                if let first = operation.tags.first, seen.insert(first).inserted { names.append(first) }
            }
        }
        return names.map { name in
            let tag = declared[name]
            return TagModel(
                name: name, memberName: clientMemberScope.claim(SwiftName.member(name)),
                typeName: typeScope.claim(SwiftName.type(joining: name, "Operations")),
                description: tag?.description, externalDocsURL: tag?.externalDocs?.url,
                extensions: tag?.extensions.map(ExtensionModel.init(_:)) ?? [])
        }
    }

    private func lowerServer(_ server: Server) -> ServerModel {
        ServerModel(url: server.url, description: server.description, variables: server.variables.map {
            ServerVariableModel(name: $0.name, defaultValue: $0.defaultValue, enumValues: $0.enumValues,
                                description: $0.description)
        })
    }

    private func lowerScheme(_ scheme: SecurityScheme) -> SecuritySchemeModel {
        let kind: SecuritySchemeModel.Kind
        switch scheme.kind {
        case let .apiKey(name, location):
            kind = .apiKey(name: name, location: ParameterModel.Location(rawValue: location.rawValue) ?? .header)
        case let .http(scheme, format):
            kind = scheme == "bearer" ? .bearer(format: format) : scheme == "basic" ? .basic : .http(scheme: scheme)
        case .oauth2(let flows):
            kind = .oauth2(flows: flows.map {
                OAuthFlowModel(kind: $0.kind, authorizationURL: $0.authorizationURL, tokenURL: $0.tokenURL,
                               refreshURL: $0.refreshURL, scopes: $0.scopes.map { ScopeModel(name: $0.name, description: $0.description) })
            })
        case .openIdConnect(let url):
            kind = .openIdConnect(url: url)
        case .mutualTLS:
            kind = .mutualTLS
        }
        return SecuritySchemeModel(name: scheme.name, kind: kind, description: scheme.description)
    }

    /// The client's name from a title: "Pawprint Clinic API" is `PawprintClinic`, so the server
    /// protocol is `PawprintClinicAPI`, not `…APIAPI`.
    static func clientName(title: String) -> String {
        let name = SwiftName.type(title)
        for suffix in ["API", "Api"] where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// An operationId for an operation without one: the method, then the path's words, with
    /// `By` before each parameter (`GET /pets/{petId}/toys` is `getPetsByPetIdToys`).
    static func derivedOperationID(method: String, path: String) -> String {
        var words = [method.lowercased()]
        for component in PathTemplate(path).components {
            switch component {
            case .literal(let text): words += SwiftName.words(text).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            case .parameter(let name): words += ["By"] + SwiftName.words(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            }
        }
        return words.count == 1 ? words[0] + "Root" : words.joined()
    }

    /// The named type most error responses (`default`, 4xx, 5xx) use, when one does.
    private func errorTypeName(_ operations: [OperationModel]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for operation in operations {
            for response in operation.responses where !response.isSuccess {
                for content in response.contents where content.kind == .json {
                    guard case .named(let name)? = content.type?.nonNullable else { continue }
                    if counts[name] == nil { order.append(name) }
                    counts[name, default: 0] += 1
                }
            }
        }
        var best: String?
        var bestCount = 0
        for name in order where counts[name, default: 0] > bestCount {
            best = name
            bestCount = counts[name, default: 0]
        }
        return best
    }
}
