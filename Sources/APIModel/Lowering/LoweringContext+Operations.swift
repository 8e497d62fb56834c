import APISpec

/// Operations: parameters, bodies, responses, security and apigen's extensions.
extension LoweringContext {
    /// Lowers an operation. Webhooks and callbacks are requests the API sends, so the document's
    /// `security` does not apply to them (`inheritsSecurity: false`). `derivedID` names one that
    /// has no operationId, where the method and path would not (a webhook's key).
    func lowerOperation(_ operation: Operation, scope: inout NameScope, inheritsSecurity: Bool = true,
                        derivedID: String? = nil) -> OperationModel {
        let derived = operation.operationId == nil
        let id = operation.operationId ?? derivedID ?? Self.derivedOperationID(method: operation.method, path: operation.path)
        let swiftName = scope.claim(options.operationNames[id] ?? SwiftName.member(id))
        let typePrefix = SwiftName.type(swiftName)
        var argumentScope = NameScope(reserved: operation.requestBody == nil ? [] : ["body"])

        let template = PathTemplate(operation.path)
        let ordered = template.parameterNames.compactMap { name in
            operation.parameters.first { $0.location == .path && $0.name == name }
        } + operation.parameters.filter { $0.location != .path }
        let parameters = ordered.map { lowerParameter($0, operationID: id, typePrefix: typePrefix, scope: &argumentScope) }

        let requestBody = operation.requestBody.map { body in
            let base = body.componentName.map { SwiftName.type($0) } ?? typePrefix + "Request"
            return RequestBodyModel(required: body.required, description: body.description,
                                    contents: contents(body.content, place: Place(candidate: base, origin: "\(id) request body"), request: true))
        }
        let successes = operation.responses.filter { $0.status.hasPrefix("2") }
        let responses = operation.responses.map { response -> ResponseModel in
            let suffix = successes.count == 1 && response.status.hasPrefix("2") ? "" : Self.statusWord(response.status)
            let base = response.componentName.map { SwiftName.type($0) } ?? typePrefix + "Response" + suffix
            var headerScope = NameScope()
            let headers = response.headers.map { header in
                HeaderModel(name: header.name, swiftName: headerScope.claim(SwiftName.member(header.name)),
                            type: header.schema.map { typeRef($0, place: Place(joining: base, header.name, origin: "\(id) \(response.status) \(header.name)")) } ?? .string(format: nil),
                            required: header.required, description: header.description)
            }
            return ResponseModel(status: response.status, description: response.description, headers: headers,
                                 contents: contents(response.content, place: Place(candidate: base, origin: "\(id) \(response.status) response")))
        }

        // An answer to HEAD has no body (RFC 9110), whatever the spec documents.
        var success = Self.success(of: responses)
        if operation.method.lowercased() == "head", success != nil {
            success = nil
            warn("'\(id)' is a HEAD, whose answers never have a body; the content its responses document is not read", DiagnosticID.invalidValue,
                 at: operation.location)
        }
        var model = OperationModel(
            operationId: id, isDerivedID: derived, swiftName: swiftName,
            // `_2faVerify` is both a method and a type name; the type gets a suffix.
            typeName: typeScope.claim(typePrefix == swiftName ? typePrefix + "Operation" : typePrefix),
            method: operation.method.uppercased(),
            path: operation.path, pathComponents: template.components.map {
                switch $0 {
                case .literal(let text): return .literal(text)
                case .parameter(let name): return .parameter(name)
                }
            },
            tag: operation.tags.first, summary: operation.summary, description: operation.description,
            deprecated: operation.deprecated, parameters: parameters, requestBody: requestBody, responses: responses,
            success: success, security: security(of: operation, inherits: inheritsSecurity),
            pagination: nil,
            codeSamples: codeSamples(operation), callbacks: [], extensions: otherExtensions(operation.extensions),
            location: operation.location)
        model.pagination = pagination(operation, model: model)
        if !operation.fixedQuery.isEmpty { model.fixedQuery = operation.fixedQuery.map { QueryItemModel(name: $0.name, value: $0.value) } }
        // A callback without an operationId is named after the callback (`onStatusChange`).
        // Only the API's own operations have callbacks: a webhook's or a callback's would be
        // requests nobody sends.
        guard inheritsSecurity else { return model }
        model.callbacks = operation.callbacks.map { callback in
            let count = callback.items.reduce(0) { $0 + $1.operations.count }
            return CallbackModel(name: callback.name, operations: callback.items.flatMap { item in
                item.operations.map {
                    lowerOperation($0, scope: &receiverScope, inheritsSecurity: false,
                                   derivedID: count == 1 ? callback.name : "\(callback.name) \($0.method)")
                }
            })
        }
        return model
    }

    private func lowerParameter(_ parameter: Parameter, operationID: String, typePrefix: String,
                                scope: inout NameScope) -> ParameterModel {
        let origin = "\(operationID) \(parameter.name)"
        let place = parameter.componentName.map { Place(candidate: SwiftName.type($0), origin: origin, leaf: parameter.name) }
            ?? Place(joining: typePrefix, parameter.name, origin: origin, leaf: parameter.name)
        let type = parameter.schema.map { typeRef($0, place: place) } ?? .string(format: nil)
        let location = ParameterModel.Location(rawValue: parameter.location.rawValue) ?? .query
        // A label taken by another parameter (or `body`) says where this one goes: `idQuery`.
        let label = SwiftName.argumentLabel(parameter.name)
        let swiftName = scope.claim(scope.isTaken(label) ? label + SwiftName.type(location.rawValue) : label)
        let style = parameter.style ?? (location == .path || location == .header ? "simple" : "form")
        var model = ParameterModel(
            name: parameter.name, swiftName: swiftName, location: location,
            required: parameter.required, type: type, description: parameter.description, deprecated: parameter.deprecated,
            style: style, explode: parameter.explode ?? (style == "form"), segments: 1,
            contentType: parameter.contentType, defaultValue: nil, example: parameter.example,
            constraints: Constraints(), allowedValues: nil, extensions: otherExtensions(parameter.extensions),
            sourceLocation: parameter.sourceLocation)
        if let schema = parameter.schema.flatMap({ resolvedInline($0) }) {
            model.defaultValue = schema.defaultValue
            model.constraints = schema.constraints
            if model.example == nil { model.example = schema.examples.first }
        }
        model.allowedValues = allowedValues(type)
        if let segments = parameter.extensions["x-apigen-segments"] {
            if location == .path, let count = segments.value.intValue, count >= 1 {
                model.segments = count
            } else {
                error("x-apigen-segments must be a whole number of at least 1, on a path parameter",
                      DiagnosticID.invalidExtension, at: segments.location, pointer: parameter.pointer + "/x-apigen-segments")
            }
        }
        return model
    }

    /// The values of an enum type, for docs.
    private func allowedValues(_ type: TypeRef) -> [SpecValue]? {
        guard case .named(let name) = type.nonNullable, let declared = declaration(followingAliases: name),
              case .enumeration(let enumeration) = declared.kind else { return nil }
        return enumeration.cases.map(\.value)
    }

    /// The media types of a body. A request's `text/event-stream` is sent as text: only
    /// responses stream events.
    private func contents(_ media: [MediaType], place: Place, request: Bool = false) -> [ContentModel] {
        media.map { item in
            let kind = Self.mediaKind(item.mediaType)
            var examples = item.examples.map { ExampleModel(name: $0.name, summary: $0.summary, value: $0.value) }
            if let example = item.example { examples.insert(ExampleModel(name: "example", summary: nil, value: example), at: 0) }
            let schema = item.schema.flatMap { resolvedInline($0) }
            if examples.isEmpty, let example = schema?.examples.first {
                examples.append(ExampleModel(name: "example", summary: nil, value: example))
            }
            return ContentModel(mediaType: item.mediaType, kind: request && kind == .eventStream ? .text : kind,
                                type: item.schema.map { typeRef($0, place: place) }, encodings: item.encoding.map {
                                    PropertyEncodingModel(property: $0.property, contentType: $0.contentType, style: $0.style,
                                                          explode: $0.explode)
                                }, examples: examples, constant: schema.flatMap(Self.constant))
        }
    }

    /// How a media type's body is written.
    static func mediaKind(_ mediaType: String) -> MediaKind {
        if mediaType == "application/json" { return .json }  // nearly every body
        // Media types are ASCII and case-insensitive: compare lowercased bytes, parameters
        // (`; charset=utf-8`) and blanks left out.
        let bytes = mediaType.utf8.prefix { $0 != UInt8(ascii: ";") }
            .drop { $0 == UInt8(ascii: " ") }
            .map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        let type = String(decoding: bytes[..<(bytes.lastIndex { $0 != UInt8(ascii: " ") }.map { $0 + 1 } ?? 0)], as: UTF8.self)
        if type == "application/json" || type.hasSuffix("+json") || type == "text/json" { return .json }
        if type == "application/x-www-form-urlencoded" { return .form }
        if type.hasPrefix("multipart/") { return .multipart }
        if type == "text/event-stream" { return .eventStream }
        if type.hasPrefix("text/") { return .text }
        return .binary
    }

    /// `200` stays `200`; `2XX` is `2XX`; `default` is `Default`.
    private static func statusWord(_ status: String) -> String {
        status == "default" ? "Default" : status.uppercased()
    }

    /// The one value a schema allows: its `const`, or the value of a one-value `enum`.
    static func constant(_ schema: Schema) -> SpecValue? {
        if let value = schema.constValue { return value }
        if let values = schema.enumValues, values.count == 1 { return values[0] }
        return nil
    }

    /// What the plain method returns: the success body all 2xx responses agree on. A body
    /// that can only be one constant carries nothing, like no body at all.
    static func success(of responses: [ResponseModel]) -> SuccessModel? {
        let successes = responses.filter(\.isSuccess)
        var bodies: [ContentModel] = []
        var someEmpty = false
        for response in successes {
            guard let preferred = ContentModel.preferred(response.contents), preferred.constant == nil else { someEmpty = true; continue }
            bodies.append(preferred)
        }
        guard let first = bodies.first else { return nil }
        let agree = bodies.allSatisfy { $0.type == first.type && $0.kind == first.kind }
        let type = agree ? (first.type ?? defaultType(for: first.kind)) : (first.kind == .json ? .json : defaultType(for: first.kind))
        return SuccessModel(type: type, kind: first.kind, mediaType: first.mediaType, isOptional: someEmpty)
    }

    /// The type of a body the spec gives no schema for.
    private static func defaultType(for kind: MediaKind) -> TypeRef {
        switch kind {
        case .json: return .json
        case .text, .eventStream: return .string(format: nil)
        default: return .string(format: "binary")
        }
    }

    /// The operation's requirements, or the document's; schemes that are not defined are dropped.
    private func security(of operation: Operation, inherits: Bool) -> [SecurityRequirementModel] {
        let known = Set(document.securitySchemes.map(\.name))
        return (operation.security ?? (inherits ? document.security : nil) ?? []).compactMap { requirement in
            let schemes = requirement.schemes.filter { known.contains($0.name) }
            if schemes.isEmpty, !requirement.schemes.isEmpty { return nil }
            return SecurityRequirementModel(schemes: schemes.map { .init(scheme: $0.name, scopes: $0.scopes) })
        }
    }

    /// The extensions apigen does not consume itself.
    private func otherExtensions(_ extensions: [VendorExtension]) -> [ExtensionModel] {
        extensions.filter { !Self.consumedExtensions.contains($0.name) }.map(ExtensionModel.init(_:))
    }

    /// The extensions apigen acts on itself, rather than passing on.
    private static let consumedExtensions: Set<String> = ["x-apigen-pagination", "x-apigen-segments", "x-codeSamples",
                                                          "x-code-samples"]

    /// `x-codeSamples` (or the older `x-code-samples`): a list of `{lang, label, source}`.
    private func codeSamples(_ operation: Operation) -> [CodeSampleModel] {
        guard let samples = operation.extensions["x-codeSamples"] ?? operation.extensions["x-code-samples"] else { return [] }
        guard case .array(let items) = samples.value else {
            warn("\(samples.name) must be a list of {lang, source}; it is ignored", DiagnosticID.invalidExtension,
                 at: samples.location, pointer: operation.pointer + "/" + samples.name)
            return []
        }
        return items.compactMap { item in
            guard let lang = item["lang"]?.stringValue, let source = item["source"]?.stringValue else {
                warn("a code sample needs 'lang' and 'source'; it is ignored", DiagnosticID.invalidExtension,
                     at: samples.location, pointer: operation.pointer + "/" + samples.name)
                return nil
            }
            return CodeSampleModel(lang: lang, label: item["label"]?.stringValue, source: source)
        }
    }
}
