/// The top level: version, info, servers, tags, components, paths, webhooks.
extension SpecParser {
    func parseDocument(_ root: Cursor) -> OpenAPIDocument? {
        guard case .mapping = root.node.content else {
            report(.error, "expected an OpenAPI document (a mapping at the top level), found \(root.node.kindDescription)",
                   DiagnosticID.notOpenAPI, at: root)
            return nil
        }
        guard let version = checkVersion(root) else { return nil }
        is30 = version.hasPrefix("3.0")

        let info = parseInfo(root)
        let schemeNames = registerComponents(root)
        var paths = parsePaths(root["paths"], kind: "path")
        // 3.0 has no webhooks; `x-webhooks` (Redocly's extension, Svix's document) says them the 3.1 way.
        var webhooks = parsePaths(root["webhooks"] ?? (is30 ? root["x-webhooks"] : nil), kind: "webhook")
        uniqueOperationIDs(&paths)
        uniqueOperationIDs(&webhooks)
        if is30, !root.has("paths") {
            report(.error, "an OpenAPI 3.0 document must have 'paths'", DiagnosticID.missingField, at: root)
        }
        let security = root["security"].map { parseSecurity($0) }
        let tags = sequence(root["tags"])?.compactMap { parseTag($0) } ?? []
        let servers = parseServers(root["servers"])
        let securitySchemes = schemeNames
        drainSchemaQueue()

        var document = OpenAPIDocument(
            openapi: version, info: info, servers: servers, paths: paths, webhooks: webhooks, tags: tags,
            security: security, securitySchemes: securitySchemes, schemas: schemas,
            externalDocs: externalDocs(root["externalDocs"]), extensions: extensions(root),
            location: root.location)
        document.schemaIndex = schemaIndex
        return document
    }

    /// The `openapi` field: 3.0.x and 3.1.x are read; 3.2 is read as 3.1 with a warning.
    private func checkVersion(_ root: Cursor) -> String? {
        guard let field = root["openapi"] else {
            if root.has("swagger") {
                report(.error, "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3 first",
                       DiagnosticID.notOpenAPI, at: root["swagger"] ?? root)
            } else {
                report(.error, "missing 'openapi': this is not an OpenAPI document", DiagnosticID.notOpenAPI, at: root)
            }
            return nil
        }
        guard let version = string(field) else { return nil }
        if version.hasPrefix("3.0") || version.hasPrefix("3.1") { return version }
        if version.hasPrefix("3.") {
            report(.warning, "OpenAPI \(version) is read as 3.1; features newer than 3.1 are ignored",
                   DiagnosticID.unsupported, at: field)
            return version
        }
        report(.error, "OpenAPI version '\(version)' is not supported; apigen reads 3.0 and 3.1",
               DiagnosticID.notOpenAPI, at: field)
        return nil
    }

    private func parseInfo(_ root: Cursor) -> Info {
        var info = Info(title: "API", version: "", extensions: [])
        guard let cursor = root["info"] else {
            report(.error, "the document is missing 'info'", DiagnosticID.missingField, at: root)
            return info
        }
        guard expectMapping(cursor, "an Info object") else { return info }
        info.title = requiredString(cursor, "title", in: "info") ?? "API"
        info.version = requiredString(cursor, "version", in: "info") ?? ""
        info.summary = string(cursor["summary"])
        info.description = string(cursor["description"])
        info.termsOfService = string(cursor["termsOfService"])
        if let contact = cursor["contact"], expectMapping(contact, "a Contact object") {
            info.contactName = string(contact["name"])
            info.contactURL = string(contact["url"])
            info.contactEmail = string(contact["email"])
        }
        if let license = cursor["license"], expectMapping(license, "a License object") {
            info.licenseName = requiredString(license, "name", in: "license")
            info.licenseURL = string(license["url"])
            info.licenseIdentifier = string(license["identifier"])
        }
        info.extensions = extensions(cursor)
        return info
    }

    func parseServers(_ cursor: Cursor?) -> [Server] {
        sequence(cursor)?.compactMap { item in
            guard expectMapping(item, "a Server object"), let url = requiredString(item, "url", in: "a server") else { return nil }
            let variables = mapping(item["variables"])?.compactMap { name, variable -> ServerVariable? in
                guard expectMapping(variable, "a Server Variable object"),
                      let value = requiredString(variable, "default", in: "server variable '\(name)'") else { return nil }
                let values = strings(variable["enum"])
                if let values, !values.contains(value) {
                    report(.error, "the default '\(value)' of server variable '\(name)' is not one of its enum values",
                           DiagnosticID.invalidValue, at: variable["default"] ?? variable)
                }
                return ServerVariable(name: name, defaultValue: value, enumValues: values,
                                      description: string(variable["description"]))
            } ?? []
            return Server(url: url, description: string(item["description"]), variables: variables, location: item.location)
        } ?? []
    }

    private func parseTag(_ cursor: Cursor) -> Tag? {
        guard expectMapping(cursor, "a Tag object"), let name = requiredString(cursor, "name", in: "a tag") else { return nil }
        return Tag(name: name, description: string(cursor["description"]),
                   externalDocs: externalDocs(cursor["externalDocs"]), extensions: extensions(cursor),
                   location: cursor.location)
    }

    /// Registers `components/schemas` in order and parses every other component kind once, so
    /// unused components are checked too. Returns the security schemes.
    private func registerComponents(_ root: Cursor) -> [SecurityScheme] {
        guard let components = root["components"], expectMapping(components, "a Components object") else { return [] }
        for (name, schema) in mapping(components["schemas"]) ?? [] {
            register(SchemaKey(file: schema.file, pointer: schema.pointer), name: name, isComponent: true, cursor: schema)
        }
        for (_, item) in mapping(components["parameters"]) ?? [] { _ = parameter(item) }
        for (_, item) in mapping(components["requestBodies"]) ?? [] { _ = requestBody(item) }
        for (name, item) in mapping(components["responses"]) ?? [] { _ = response(item, status: name) }
        for (name, item) in mapping(components["headers"]) ?? [] { _ = header(item, name: name) }
        for (name, item) in mapping(components["examples"]) ?? [] { _ = example(item, name: name) }
        for (name, item) in mapping(components["pathItems"]) ?? [] { _ = pathItem(item, path: name) }
        for key in ["links", "callbacks"] where components.has(key) {
            _ = mapping(components[key])
        }
        return mapping(components["securitySchemes"])?.compactMap { name, item in
            resolvedScheme(item, name: name)
        } ?? []
    }

    /// An operationId given twice: the second operation is renamed `<id>_<method>` (then
    /// `_2`, `_3` …), with a warning, so every operation still has one name (Svix's GET and HEAD
    /// share one).
    private func uniqueOperationIDs(_ items: inout [PathItem]) {
        var firstUse: [String: Operation] = [:]
        for itemIndex in items.indices {
            for index in items[itemIndex].operations.indices {
                let operation = items[itemIndex].operations[index]
                guard let id = operation.operationId else { continue }
                guard let first = firstUse[id] else {
                    firstUse[id] = operation
                    continue
                }
                var renamed = "\(id)_\(operation.method)"
                var counter = 2
                while firstUse[renamed] != nil {
                    renamed = "\(id)_\(operation.method)_\(counter)"
                    counter += 1
                }
                report(.warning, "operationId '\(id)' is already used by \(first.method.uppercased()) \(first.path) "
                       + "(line \(first.location.line)); this \(operation.method.uppercased()) is read as '\(renamed)'",
                       DiagnosticID.duplicateOperationID, at: operation.location, pointer: operation.pointer + "/operationId")
                items[itemIndex].operations[index].operationId = renamed
                firstUse[renamed] = items[itemIndex].operations[index]
            }
        }
    }

    /// `paths` or `webhooks`.
    private func parsePaths(_ cursor: Cursor?, kind: String) -> [PathItem] {
        guard let entries = mapping(cursor) else { return [] }
        return inParts(entries) { parser, part in parser.pathItems(part, in: cursor, kind: kind) }
    }

    private func pathItems(_ entries: ArraySlice<(key: String, value: Cursor)>, in cursor: Cursor?,
                           kind: String) -> [PathItem] {
        entries.compactMap { path, item in
            if kind == "path", !path.hasPrefix("/") {
                if path.hasPrefix("x-") { return nil }
                report(.error, "the path '\(path)' must start with '/'", DiagnosticID.invalidValue,
                       at: cursor?.keyLocation(path) ?? item.location, pointer: item.pointer)
            }
            guard kind == "path" else { return pathItem(item, path: path) }
            let keyLocation = cursor?.keyLocation(path) ?? item.location
            var wire = path
            // Box writes variants of one endpoint as `/files/{file_id}#get_shared_link`.
            if let hash = wire.firstIndex(of: "#") {
                wire = String(wire[..<hash])
                report(.warning, "the path '\(path)' has a '#' part, which a URL never sends; it is read as '\(wire)'",
                       DiagnosticID.pathFragment, at: keyLocation, pointer: item.pointer)
            }
            // OpenAI writes `/responses?beta=true`: a path, and a query sent every time.
            var fixedQuery: [(name: String, value: String)] = []
            if let question = wire.firstIndex(of: "?") {
                let query = wire[wire.index(after: question)...]
                wire = String(wire[..<question])
                fixedQuery = query.split(separator: "&").map { field in
                    let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
                }
                report(.warning, "the path '\(path)' has a query part; it is read as the path '\(wire)', with '\(query)' "
                       + "sent in every request's query", DiagnosticID.pathQuery, at: keyLocation, pointer: item.pointer)
            }
            guard var parsed = pathItem(item, path: wire) else { return nil }
            for index in parsed.operations.indices { parsed.operations[index].fixedQuery = fixedQuery }
            return parsed
        }
    }

}
