/// Path items, operations, parameters, bodies, responses, headers and examples.
extension SpecParser {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    func pathItem(_ cursor: Cursor, path: String) -> PathItem? {
        resolved(cursor, cache: \.pathItemCache) { item in
            guard expectMapping(item, "a Path Item object") else { return nil }
            let shared = sequence(item["parameters"])?.compactMap { parameter($0) } ?? []
            var operations: [Operation] = []
            for (key, value) in item.entries ?? [] where Self.methods.contains(key) {
                if let operation = operation(value, method: key, path: path, shared: shared) {
                    operations.append(operation)
                }
            }
            return PathItem(path: path, summary: string(item["summary"]), description: string(item["description"]),
                            operations: operations, location: item.location, pointer: item.pointer)
        }.map { item in
            // A shared path item keeps the path of the place that refers to it.
            var item = item
            item.path = path
            for index in item.operations.indices { item.operations[index].path = path }
            return item
        }
    }

    private func operation(_ given: Cursor, method: String, path: String, shared: [Parameter]) -> Operation? {
        // Some documents keep each operation in a file of its own and `$ref` it (DigitalOcean's).
        let cursor = followedReference(given, standingFor: "an Operation object") ?? given
        guard expectMapping(cursor, "an Operation object") else { return nil }
        var parameters = shared
        for item in sequence(cursor["parameters"]) ?? [] {
            guard let parameter = parameter(item) else { continue }
            if let index = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                if index >= shared.count {
                    report(.error, "the \(parameter.location.rawValue) parameter '\(parameter.name)' is declared twice",
                           DiagnosticID.invalidValue, at: item)
                }
                parameters[index] = parameter
            } else {
                parameters.append(parameter)
            }
        }
        parameters = checkedPathParameters(parameters, method: method, path: path, operation: cursor)
        parameters = withoutTransportHeaders(parameters)
        var responses: [Response] = []
        if let map = mapping(cursor["responses"]) {
            for (written, item) in map where !written.hasPrefix("x-") {
                let keyLocation = cursor["responses"]?.keyLocation(written) ?? item.location
                if !Self.isStatus(written) {
                    report(.error, "'\(written)' is not a response status; use a code such as 200, a range such as 2XX, or default",
                           DiagnosticID.invalidValue, at: keyLocation, pointer: item.pointer)
                    continue
                }
                let status = written == "default" ? written : written.uppercased()
                if status != written {
                    report(.warning, "the range '\(written)' is written '\(status)' in OpenAPI; it is read as that",
                           DiagnosticID.statusForm, at: keyLocation, pointer: item.pointer)
                } else if cursor["responses"]?.keyIsPlain(written) == true, status.allSatisfy(\.isNumber) {
                    report(.warning, "the status \(written) is an unquoted YAML number; OpenAPI wants the text '\(written)', and it is read as that",
                           DiagnosticID.statusForm, at: keyLocation, pointer: item.pointer)
                }
                if let response = response(item, status: status) { responses.append(response) }
            }
        } else if !cursor.has("responses") {
            report(.warning, "the operation has no 'responses'; it is read as answering with no body",
                   DiagnosticID.missingField, at: cursor)
        }
        let callbacks = mapping(cursor["callbacks"])?.compactMap { name, item -> Callback? in
            guard let expressions = mapping(item) else { return nil }
            return Callback(name: name, items: expressions.compactMap { pathItem($0.value, path: $0.key) })
        } ?? []
        return Operation(
            method: method, path: path, operationId: string(cursor["operationId"]),
            tags: strings(cursor["tags"]) ?? [], summary: string(cursor["summary"]),
            description: string(cursor["description"]), parameters: parameters,
            requestBody: cursor["requestBody"].flatMap { requestBody($0) }, responses: responses,
            callbacks: callbacks, deprecated: bool(cursor["deprecated"]) ?? false,
            security: cursor["security"].map { parseSecurity($0) }, servers: parseServers(cursor["servers"]),
            externalDocs: externalDocs(cursor["externalDocs"]), extensions: extensions(cursor),
            location: cursor.location, pointer: cursor.pointer)
    }

    /// The parameters without the headers HTTP itself carries, each left out with a warning:
    /// OpenAPI ignores `Accept`, `Content-Type` and `Authorization` (the responses, the body
    /// and the security requirements say them), and a transport sets `Content-Length` (Vercel's
    /// uploads declare it) from the body it sends.
    private func withoutTransportHeaders(_ parameters: [Parameter]) -> [Parameter] {
        parameters.filter { parameter in
            guard parameter.location == .header else { return true }
            let reason: String
            switch parameter.name.lowercased() {
            case "accept", "content-type", "authorization":
                reason = "OpenAPI ignores a header parameter named '\(parameter.name)'"
            case "content-length", "transfer-encoding", "host", "connection":
                reason = "the HTTP transport sets '\(parameter.name)' itself"
            default:
                return true
            }
            report(.warning, reason + "; it is left out", DiagnosticID.ignoredHeader, at: parameter.sourceLocation, pointer: parameter.pointer)
            return false
        }
    }

    /// The parameters with the path's placeholders reconciled: a `{name}` no parameter declares
    /// gets a required string path parameter, and a path parameter the template lacks is left
    /// out, each with a warning.
    private func checkedPathParameters(_ parameters: [Parameter], method: String, path: String,
                                       operation: Cursor) -> [Parameter] {
        // Only paths are templates: a callback's key is a runtime expression, a webhook's a name.
        guard path.hasPrefix("/") else { return parameters }
        let inTemplate = PathTemplate(path).parameterNames
        var result = parameters.filter { parameter in
            guard parameter.location == .path, !inTemplate.contains(parameter.name) else { return true }
            report(.warning, "path parameter '\(parameter.name)' is not in the path '\(path)'; it is left out",
                   DiagnosticID.unusedPathParameter, at: parameter.sourceLocation, pointer: parameter.pointer)
            return false
        }
        for name in inTemplate where !result.contains(where: { $0.location == .path && $0.name == name }) {
            report(.warning, "the path has '{\(name)}' but \(method.uppercased()) declares no path parameter '\(name)'; "
                   + "it is read as a required string", DiagnosticID.undeclaredPathParameter, at: operation)
            var text = Schema.any(at: operation.location, pointer: operation.pointer)
            text.types = ["string"]
            result.append(Parameter(
                name: name, location: .path, description: nil, required: true, deprecated: false, allowEmptyValue: false,
                style: nil, explode: nil, allowReserved: false, schema: .inline(text), contentType: nil, example: nil,
                examples: [], extensions: [], sourceLocation: operation.location, pointer: operation.pointer,
                componentName: nil))
        }
        return result
    }

    /// `200`, `2XX` (any case) or `default`.
    private static func isStatus(_ text: String) -> Bool {
        if text == "default" { return true }
        let chars = Array(text.uppercased())
        guard chars.count == 3, let first = chars[0].wholeNumberValue, (1...5).contains(first) else { return false }
        return (chars[1].isNumber && chars[2].isNumber) || (chars[1] == "X" && chars[2] == "X")
    }

    func parameter(_ cursor: Cursor) -> Parameter? {
        resolvedComponent(cursor, cache: \.parameterCache) { item in
            guard expectMapping(item, "a Parameter object"),
                  let name = requiredString(item, "name", in: "a parameter"),
                  let place = requiredString(item, "in", in: "parameter '\(name)'") else { return nil }
            guard let location = ParameterLocation(rawValue: place) else {
                report(.error, "'\(place)' is not a parameter location; use path, query, header or cookie",
                       DiagnosticID.invalidValue, at: item["in"] ?? item)
                return nil
            }
            var required = bool(item["required"]) ?? false
            if location == .path, !required {
                report(.warning, "path parameter '\(name)' must be 'required: true'; it is read as required",
                       DiagnosticID.invalidValue, at: item["required"] ?? item)
                required = true
            }
            var schema = item["schema"].map { schemaRef($0) }
            var contentType: String?
            if schema == nil, let content = mapping(item["content"]), let first = content.first {
                contentType = first.key
                schema = first.value["schema"].map { schemaRef($0) }
            }
            return Parameter(
                name: name, location: location, description: string(item["description"]), required: required,
                deprecated: bool(item["deprecated"]) ?? false, allowEmptyValue: bool(item["allowEmptyValue"]) ?? false,
                style: string(item["style"]), explode: bool(item["explode"]),
                allowReserved: bool(item["allowReserved"]) ?? false, schema: schema, contentType: contentType,
                example: value(item["example"]), examples: examples(item["examples"]),
                extensions: extensions(item), sourceLocation: item.location, pointer: item.pointer,
                componentName: nil)
        }
    }

    func requestBody(_ cursor: Cursor) -> RequestBody? {
        resolvedComponent(cursor, cache: \.requestBodyCache) { item in
            guard expectMapping(item, "a Request Body object") else { return nil }
            if !item.has("content") {
                report(.error, "the request body is missing 'content'", DiagnosticID.missingField, at: item)
            }
            return RequestBody(description: string(item["description"]), required: bool(item["required"]) ?? false,
                               content: content(item["content"]), extensions: extensions(item),
                               location: item.location, pointer: item.pointer, componentName: nil)
        }
    }

    func response(_ cursor: Cursor, status: String) -> Response? {
        resolvedComponent(cursor, cache: \.responseCache) { item in
            guard expectMapping(item, "a Response object") else { return nil }
            let headers = mapping(item["headers"])?.compactMap { name, header in
                name.lowercased() == "content-type" ? nil : self.header(header, name: name)
            } ?? []
            return Response(status: status, description: string(item["description"]) ?? "",
                            headers: headers, content: content(item["content"]), extensions: extensions(item),
                            location: item.location, pointer: item.pointer, componentName: nil)
        }.map { response in
            var response = response
            response.status = status
            return response
        }
    }

    func header(_ cursor: Cursor, name: String) -> Header? {
        resolved(cursor, cache: \.headerCache) { item in
            guard expectMapping(item, "a Header object") else { return nil }
            var schema = item["schema"].map { schemaRef($0) }
            if schema == nil, let first = mapping(item["content"])?.first {
                schema = first.value["schema"].map { schemaRef($0) }
            }
            return Header(name: name, description: string(item["description"]), required: bool(item["required"]) ?? false,
                          deprecated: bool(item["deprecated"]) ?? false, schema: schema, example: value(item["example"]))
        }.map { header in
            var header = header
            header.name = name
            return header
        }
    }

    func example(_ cursor: Cursor, name: String) -> NamedExample? {
        resolved(cursor, cache: \.exampleCache) { item in
            guard expectMapping(item, "an Example object") else { return nil }
            return NamedExample(name: name, summary: string(item["summary"]), description: string(item["description"]),
                                value: value(item["value"]), externalValue: string(item["externalValue"]))
        }.map { example in
            var example = example
            example.name = name
            return example
        }
    }

    func examples(_ cursor: Cursor?) -> [NamedExample] {
        mapping(cursor)?.compactMap { example($0.value, name: $0.key) } ?? []
    }

    /// A `content` map.
    func content(_ cursor: Cursor?) -> [MediaType] {
        mapping(cursor)?.compactMap { type, item in
            guard expectMapping(item, "a Media Type object") else { return nil }
            let encoding = mapping(item["encoding"])?.compactMap { property, value -> Encoding? in
                guard expectMapping(value, "an Encoding object") else { return nil }
                let headers = mapping(value["headers"])?.compactMap { header($0.value, name: $0.key) } ?? []
                return Encoding(property: property, contentType: string(value["contentType"]), headers: headers,
                                style: string(value["style"]), explode: bool(value["explode"]))
            } ?? []
            return MediaType(mediaType: type, schema: item["schema"].map { schemaRef($0) },
                             example: value(item["example"]), examples: examples(item["examples"]),
                             encoding: encoding, location: item.location)
        } ?? []
    }
}
