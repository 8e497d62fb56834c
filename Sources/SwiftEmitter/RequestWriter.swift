import APIModel

/// Writes the lines of a `…Raw` method that build its `APIRequest`: path, query, headers,
/// cookies and body, each value encoded by the runtime.
struct RequestWriter {
    let model: ServiceModel
    let operation: OperationModel
    let signature: OperationSignature

    func write(to writer: CodeWriter, diagnostics: inout [Diagnostic]) {
        writer.line("var request = APIRequest(.\(operation.method.lowercased()), operationID: \(SwiftLiteral.string(operation.operationId)))")
        for item in operation.fixedQuery ?? [] {
            writer.line("request.query(\(SwiftLiteral.string(item.name)), \(SwiftLiteral.string(item.value)))")
        }
        for component in operation.pathComponents {
            switch component {
            case .literal(let text):
                writer.line("request.path(\(SwiftLiteral.string(PathComponent.wireText(text))))")
            case .parameter(let name):
                guard let argument = signature.arguments.first(where: { $0.parameter?.name == name && $0.parameter?.location == .path }),
                      let parameter = argument.parameter else { continue }
                let label = SwiftName.escaped(argument.label)
                if parameter.contentType != nil {
                    writer.line("try request.pathParameter(encoding: JSONValue(encoding: \(label)).description)")
                } else if SwiftTypes.isParameterScalar(parameter.type, in: model) {
                    let segments = parameter.segments > 1 ? ", segments: \(parameter.segments)" : ""
                    writer.line("request.pathParameter(\(label)\(segments))")
                } else {
                    checkStyle(parameter, diagnostics: &diagnostics)
                    writer.line("try request.pathParameter(encoding: \(label)\(parameter.explode ? ", explode: true" : ""))")
                }
            }
        }
        for argument in signature.arguments {
            guard let parameter = argument.parameter, parameter.location != .path else { continue }
            let name = SwiftLiteral.string(parameter.name)
            let method: String
            switch parameter.location {
            case .query: method = "query"
            case .header: method = "header"
            case .cookie: method = "cookie"
            case .path: continue
            }
            let label = SwiftName.escaped(argument.label)
            let scalarArray = SwiftTypes.arrayElement(parameter.type, in: model).map { SwiftTypes.isParameterScalar($0, in: model) } == true
            if parameter.contentType != nil {
                // A `content` parameter travels as JSON text.
                let text = argument.isOptional ? "\(label).map { try JSONValue(encoding: $0).description }" : "JSONValue(encoding: \(label)).description"
                writer.line("try request.\(method)(\(name), \(text))")
            } else if SwiftTypes.isParameterScalar(parameter.type, in: model)
                        || (scalarArray && (parameter.style == "form" || parameter.location != .query)) {
                let explode = method == "query" && scalarArray && !parameter.explode ? ", explode: false" : ""
                writer.line("request.\(method)(\(name), \(label)\(explode))")
            } else if method == "query" {
                checkStyle(parameter, diagnostics: &diagnostics)
                writer.line("try request.query(\(name), encoding: \(label), style: \(SwiftTypes.parameterStyle(parameter.style)), explode: \(parameter.explode))")
            } else {
                checkStyle(parameter, diagnostics: &diagnostics)
                let explode = method == "header" && parameter.explode ? ", explode: true" : ""
                writer.line("try request.\(method)(\(name), encoding: \(label)\(explode))")
            }
        }
        if let body = signature.body {
            writeBody(body, to: writer, diagnostics: &diagnostics)
        }
    }

    /// Styles apigen does not write (label, matrix) are sent in the location's default style.
    private func checkStyle(_ parameter: ParameterModel, diagnostics: inout [Diagnostic]) {
        let written: Set<String> = parameter.location == .query ? ["form", "deepObject", "spaceDelimited", "pipeDelimited"] : ["simple", "form"]
        guard !written.contains(parameter.style) else { return }
        diagnostics.append(Diagnostic(
            .warning, "\(parameter.location.rawValue) parameter '\(parameter.name)' of \(operation.operationId) has style '\(parameter.style)', "
                + "which apigen does not write; it is sent in \(parameter.location == .query ? "form" : "simple") style",
            id: DiagnosticID.unsupported, at: operation.location))
    }

    private func writeBody(_ body: ContentModel, to writer: CodeWriter, diagnostics: inout [Diagnostic]) {
        let optional = signature.arguments.first { $0.parameter == nil }?.isOptional ?? false
        let contentType = SwiftLiteral.string(body.mediaType.contains("*") ? "application/octet-stream" : body.mediaType)
        var lines: [String] = []
        switch body.kind {
        case .json:
            let custom = body.mediaType == "application/json" ? "" : ", contentType: \(contentType)"
            lines = ["try request.json(body\(custom))"]
        case .form:
            let deepObject = body.encodings.filter { $0.style == "deepObject" }.map { SwiftLiteral.string($0.property) }
            lines = [deepObject.isEmpty ? "try request.form(body)" : "try request.form(body, deepObject: [\(deepObject.joined(separator: ", "))])"]
        case .multipart:
            lines = multipartLines(body, diagnostics: &diagnostics)
        case .text, .eventStream:
            lines = ["request.text(body, contentType: \(contentType))"]
        case .binary:
            lines = ["request.stream(body, contentType: \(contentType))"]
        }
        if optional {
            writer.block("if let body") { writer.lines(lines) }
        } else {
            writer.lines(lines)
        }
    }

    /// The first of a comma-separated list of media types, without the blanks around it.
    private static func firstMediaType(_ list: String) -> String? {
        guard let first = list.split(separator: ",").first else { return nil }
        let kept = first.drop { $0 == " " }
        return String(kept[..<(kept.lastIndex { $0 != " " }.map(kept.index(after:)) ?? kept.startIndex)])
    }

    /// A multipart form with one part per property of the body's struct.
    private func multipartLines(_ body: ContentModel, diagnostics: inout [Diagnostic]) -> [String] {
        guard case .named(let name)? = body.type?.nonNullable, case .object(let object)? = model.type(named: name)?.kind else {
            diagnostics.append(Diagnostic(
                .warning, "the multipart body of \(operation.operationId) is not an object schema; it is sent as one JSON part named 'body'",
                id: DiagnosticID.unsupported, at: operation.location))
            return ["var form = MultipartForm()", "try form.append(\"body\", json: body)", "request.multipart(form)"]
        }
        var lines = ["var form = MultipartForm()"]
        for property in object.properties {
            let key = SwiftLiteral.string(property.name)
            let value = "body.\(SwiftName.escaped(property.swiftName))"
            // An encoding may list several types ("image/png, image/jpeg"): send the first.
            let encoding = body.encodings.first { $0.property == property.name }?.contentType
                .flatMap(Self.firstMediaType)
                .map { $0.contains("*") ? "application/octet-stream" : $0 }
            let type = property.type.nonNullable
            if SwiftTypes.name(type) == "Data" {
                let partType = SwiftLiteral.string(encoding ?? "application/octet-stream")
                lines.append("form.append(\(key), data: \(value), contentType: \(partType))")
            } else if SwiftTypes.isParameterScalar(type, in: model) {
                lines.append("form.append(\(key), text: \(value))")
            } else {
                lines.append("try form.append(\(key), json: \(value))")
            }
        }
        lines.append("request.multipart(form)")
        return lines
    }
}

/// Writes the `…Pages` method of a paged operation.
struct PagesWriter {
    let model: ServiceModel
    let operation: OperationModel
    let signature: OperationSignature
    let pagination: PaginationModel
    let options: SwiftOptions

    func write(to writer: CodeWriter, deprecation: String?) {
        guard let pageArgument = signature.arguments.first(where: { $0.parameter?.name == pagination.parameter }),
              case .named(let pageTypeName) = pagination.pageType.nonNullable,
              case .object(let page)? = model.type(named: pageTypeName)?.kind,
              let items = page.properties.first(where: { $0.name == pagination.itemsField }) else { return }
        let itemType = SwiftTypes.name(pagination.itemType)
        let itemsAccess = "$0.\(SwiftName.escaped(items.swiftName))" + (items.required && !items.type.isNullable ? "" : " ?? []")
        let declaration = OperationSignature.declaration(signature.arguments.filter { $0.label != pageArgument.label })
        let reference = "``\(operation.swiftName)(\(signature.arguments.map { "\($0.label):" }.joined()))``"
        let sequence: String, argument: String, docs: [String], next: (String) -> String
        switch pagination.style {
        case .token:
            guard let tokenField = pagination.tokenField,
                  let token = page.properties.first(where: { $0.name == tokenField }) else { return }
            (sequence, argument) = ("TokenPages", "token")
            docs = [
                "Every page of \(reference), following `\(tokenField)` to the end.",
                "Iterate the pages, or `.items` for the `\(pagination.itemsField)` of each in turn. The sequence stops when no token comes back, or the same token comes back twice, and stops early when the task is cancelled.",
            ]
            next = { page in
                let value = "\(page).\(SwiftName.escaped(token.swiftName))"
                return token.required && !token.type.isNullable ? "Optional(\(value))" : value
            }
        case .page:
            guard let moreField = pagination.moreField,
                  let more = page.properties.first(where: { $0.name == moreField }) else { return }
            (sequence, argument) = ("NumberedPages", "number")
            docs = [
                "Every page of \(reference), from page 1 while `\(moreField)` is true.",
                "Iterate the pages, or `.items` for the `\(pagination.itemsField)` of each in turn. The sequence also stops at a page with no items, and early when the task is cancelled.",
            ]
            next = { page in
                let value = "\(page).\(SwiftName.escaped(more.swiftName))"
                return more.required && !more.type.isNullable ? value : "\(value) ?? false"
            }
        }
        DocComment.write(writer, docs)
        deprecation.map(writer.line)
        writer.block("\(options.modifier)func \(operation.swiftName)Pages(\(declaration)) -> \(sequence)<\(pageTypeName), \(itemType)>") {
            writer.line("\(sequence)(items: { \(itemsAccess) }) { \(argument) in")
            writer.indent {
                let call = signature.forwarding(replacing: [pageArgument.label: argument])
                writer.line("let page = try await self.\(operation.swiftName)(\(call))")
                writer.line("return (page, \(next("page")))")
            }
            writer.line("}")
        }
    }
}
