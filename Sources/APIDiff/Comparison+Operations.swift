import APIModel

/// Operations matched by operationId (or, failing that, by route), then compared part by part.
extension Comparison {
    mutating func compareOperations() {
        let (pairs, removed, added) = match(old.operations, new.operations)
        for operation in removed {
            report(.operationRemoved, "the operation '\(operation.operationId)' (\(operation.route)) is gone\(operation.deprecated ? "; it was deprecated" : "")",
                   at: place(of: operation, in: old, location: nil, oldLocation: operation.location), removed: true)
        }
        for (before, after) in pairs {
            compareOperation(before, after)
        }
        for operation in added {
            report(.operationAdded, "a new operation '\(operation.operationId)' (\(operation.route))",
                   at: place(of: operation, in: new, location: operation.location, oldLocation: nil))
        }
    }

    /// Pairs old and new operations: by operationId, then an unpaired old one with an unpaired
    /// new one on the same route (a rename). The rest were removed or added.
    func match(_ before: [OperationModel], _ after: [OperationModel])
        -> (pairs: [(OperationModel, OperationModel)], removed: [OperationModel], added: [OperationModel]) {
        let afterByID = Dictionary(after.map { ($0.operationId, $0) }, uniquingKeysWith: { first, _ in first })
        let beforeIDs = Set(before.map(\.operationId))
        var unpairedAfter = after.filter { !beforeIDs.contains($0.operationId) }
        var pairs: [(OperationModel, OperationModel)] = []
        var removed: [OperationModel] = []
        for operation in before {
            if let counterpart = afterByID[operation.operationId] {
                pairs.append((operation, counterpart))
            } else if let index = unpairedAfter.firstIndex(where: { $0.routeShape == operation.routeShape }) {
                pairs.append((operation, unpairedAfter.remove(at: index)))
            } else {
                removed.append(operation)
            }
        }
        // Pairs in the new document's order, so findings follow it.
        let position = Dictionary(after.enumerated().map { ($1.operationId, $0) }, uniquingKeysWith: { first, _ in first })
        pairs.sort { (position[$0.1.operationId] ?? 0) < (position[$1.1.operationId] ?? 0) }
        return (pairs, removed, unpairedAfter)
    }

    /// A place in one operation, named by its client method in `model`.
    func place(of operation: OperationModel, in model: ServiceModel, location: SourceLocation?, oldLocation: SourceLocation?) -> Place {
        Place(symbol: model.methodSymbol(operation), location: location, oldLocation: oldLocation,
              tag: operation.tag, operation: operation.route)
    }

    private mutating func compareOperation(_ before: OperationModel, _ after: OperationModel) {
        let here = place(of: after, in: new, location: after.location, oldLocation: before.location)
        if before.operationId != after.operationId {
            report(.operationRenamed, "the operation '\(before.operationId)' (\(after.route)) is now '\(after.operationId)': `\(old.methodSymbol(before))` is `\(new.methodSymbol(after))`",
                   at: here)
        }
        if before.method != after.method {
            report(.methodChanged, "'\(after.operationId)' moved from \(before.method) to \(after.method) \(after.path)", at: here)
        }
        if before.routeShape.dropFirst(before.method.count) != after.routeShape.dropFirst(after.method.count) {
            report(.pathChanged, "'\(after.operationId)' moved from \(before.path) to \(after.path)", at: here)
        }
        if !before.deprecated && after.deprecated {
            report(.operationDeprecated, "'\(after.operationId)' is deprecated", at: here)
        }
        var docs: [String] = []
        if before.summary != after.summary { docs.append("summary") }
        if before.description != after.description { docs.append("description") }
        if !docs.isEmpty { report(.docsChanged, "'\(after.operationId)': \(docs.joined(separator: " and ")) changed", at: here) }
        compareParameters(before, after, at: here)
        compareArguments(before, after, at: here)
        compareRequestBody(before, after, at: here)
        compareResponses(before.responses, after.responses, operation: after.operationId, direction: .response, at: here)
        compareSecurity(before, after, at: here)
    }

    private mutating func compareParameters(_ before: OperationModel, _ after: OperationModel, at here: Place) {
        func key(_ parameter: ParameterModel) -> String {
            parameter.location == .header ? parameter.name.lowercased() : parameter.name
        }
        var unpairedOld = before.parameters
        var moved: [(ParameterModel, ParameterModel)] = []
        var added: [ParameterModel] = []
        var pairs: [(ParameterModel, ParameterModel)] = []
        for parameter in after.parameters {
            if let index = unpairedOld.firstIndex(where: { key($0) == key(parameter) && $0.location == parameter.location }) {
                pairs.append((unpairedOld.remove(at: index), parameter))
            } else {
                added.append(parameter)
            }
        }
        added.removeAll { parameter in
            guard let index = unpairedOld.firstIndex(where: { key($0) == key(parameter) }) else { return false }
            moved.append((unpairedOld.remove(at: index), parameter))
            return true
        }
        for parameter in unpairedOld {
            report(.parameterRemoved, "the \(parameter.location.rawValue) parameter '\(parameter.name)' of '\(after.operationId)' is gone (argument `\(parameter.swiftName):`)",
                   at: here.with(symbol: old.methodSymbol(before), location: nil, oldLocation: parameter.sourceLocation), removed: true)
        }
        for (previous, parameter) in moved {
            report(.parameterMoved, "the parameter '\(parameter.name)' of '\(after.operationId)' moved from the \(previous.location.rawValue) to the \(parameter.location.rawValue)",
                   at: here.with(symbol: here.symbol, location: parameter.sourceLocation, oldLocation: previous.sourceLocation))
            pairs.append((previous, parameter))
        }
        for parameter in added {
            report(parameter.required ? .parameterAddedRequired : .parameterAddedOptional,
                   "'\(after.operationId)' has a new \(parameter.required ? "required" : "optional") \(parameter.location.rawValue) parameter '\(parameter.name)' (argument `\(parameter.swiftName): \(parameter.type.nonNullable.spelled(optional: !parameter.required))`)",
                   at: here.with(symbol: here.symbol, location: parameter.sourceLocation, oldLocation: nil))
        }
        for (previous, parameter) in pairs {
            let place = here.with(symbol: here.symbol, location: parameter.sourceLocation, oldLocation: previous.sourceLocation)
            let name = "the \(parameter.location.rawValue) parameter '\(parameter.name)' of '\(after.operationId)'"
            if !previous.required && parameter.required {
                report(.parameterBecameRequired, "\(name) is now required (argument `\(parameter.swiftName):`)", at: place)
            } else if previous.required && !parameter.required {
                report(.parameterBecameOptional, "\(name) is now optional (argument `\(parameter.swiftName):`)", at: place)
            }
            compareValue(previous.type.nonNullable, parameter.type.nonNullable, .request, what: name, at: place,
                         oldOptional: !previous.required, newOptional: !parameter.required)
            compareConstraints(previous.constraints, parameter.constraints, .request, what: name, at: place)
            var docs: [String] = []
            if previous.description != parameter.description { docs.append("description") }
            if !previous.deprecated && parameter.deprecated { docs.append("now deprecated") }
            if !docs.isEmpty { report(.docsChanged, "\(name): \(docs.joined(separator: ", "))", at: place) }
        }
    }

    /// Swift takes labelled arguments in declaration order: when the arguments both versions
    /// have come in another order, calls written for the old order no longer compile.
    private mutating func compareArguments(_ before: OperationModel, _ after: OperationModel, at here: Place) {
        let newLabels = after.arguments.map(\.label)
        let oldLabels = before.arguments.map(\.label)
        let common = Set(oldLabels).intersection(newLabels)
        guard oldLabels.filter(common.contains) != newLabels.filter(common.contains) else { return }
        report(.argumentsReordered, "the arguments of '\(after.operationId)' were (\(oldLabels.map { $0 + ":" }.joined(separator: " "))), are (\(newLabels.map { $0 + ":" }.joined(separator: " ")))",
               at: here)
    }

    private mutating func compareRequestBody(_ before: OperationModel, _ after: OperationModel, at here: Place) {
        let id = after.operationId
        switch (before.requestBody, after.requestBody) {
        case (nil, nil):
            return
        case (nil, let body?):
            report(body.required ? .requestBodyBecameRequired : .requestBodyAdded,
                   "'\(id)' takes a new \(body.required ? "required" : "optional") request body (argument `body:`)", at: here)
        case (_?, nil):
            report(.requestBodyRemoved, "'\(id)' no longer takes a request body (argument `body:`)", at: here)
        case (let previous?, let body?):
            if !previous.required && body.required {
                report(.requestBodyBecameRequired, "the request body of '\(id)' is now required", at: here)
            } else if previous.required && !body.required {
                report(.requestBodyBecameOptional, "the request body of '\(id)' is now optional", at: here)
            }
            if previous.description != body.description { report(.docsChanged, "the request body of '\(id)': description", at: here) }
            compareContents(previous.contents, body.contents, what: "the request body of '\(id)'", direction: .request,
                            removedRule: .requestMediaTypeRemoved, addedRule: .requestMediaTypeAdded, at: here,
                            oldOptional: !previous.required, newOptional: !body.required)
        }
    }

    /// Compares the media types of a body, and the types of those both have.
    mutating func compareContents(_ before: [ContentModel], _ after: [ContentModel], what: String, direction: Direction,
                                  removedRule: DiffRule, addedRule: DiffRule, at here: Place,
                                  oldOptional: Bool = false, newOptional: Bool = false) {
        let afterTypes = Set(after.map { $0.mediaType.lowercased() })
        let beforeByType = Dictionary(before.map { ($0.mediaType.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for content in before where !afterTypes.contains(content.mediaType.lowercased()) {
            report(removedRule, "\(what) is no longer \(content.mediaType)", at: here)
        }
        for content in after {
            guard let previous = beforeByType[content.mediaType.lowercased()] else {
                report(addedRule, "\(what) may be \(content.mediaType)", at: here)
                continue
            }
            guard previous.constant == nil, content.constant == nil else { continue }
            compareValue(previous.type ?? .json, content.type ?? .json, direction, what: "\(what) (\(content.mediaType))",
                         at: here, oldOptional: oldOptional, newOptional: newOptional)
        }
    }

    /// Compares responses by status: the statuses, their bodies and their headers.
    mutating func compareResponses(_ before: [ResponseModel], _ after: [ResponseModel], operation id: String,
                                   direction: Direction, at here: Place) {
        let afterByStatus = Dictionary(after.map { ($0.status.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let beforeStatuses = Set(before.map { $0.status.uppercased() })
        for response in before where afterByStatus[response.status.uppercased()] == nil {
            report(response.isSuccess ? .successStatusRemoved : .errorStatusRemoved,
                   "'\(id)' no longer answers \(response.status)", at: here)
        }
        for response in after where !beforeStatuses.contains(response.status.uppercased()) {
            report(.statusAdded, "'\(id)' may answer \(response.status)", at: here)
        }
        for previous in before {
            guard let response = afterByStatus[previous.status.uppercased()] else { continue }
            let what = "the \(response.status) response of '\(id)'"
            compareContents(previous.contents, response.contents, what: what, direction: direction,
                            removedRule: .responseMediaTypeRemoved, addedRule: .responseMediaTypeAdded, at: here)
            compareHeaders(previous.headers, response.headers, what: what, at: here)
        }
    }

    private mutating func compareHeaders(_ before: [HeaderModel], _ after: [HeaderModel], what: String, at here: Place) {
        let afterByName = Dictionary(after.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let beforeNames = Set(before.map { $0.name.lowercased() })
        for header in before where afterByName[header.name.lowercased()] == nil {
            report(.responseHeaderRemoved, "\(what) no longer has the header '\(header.name)'", at: here)
        }
        for header in after where !beforeNames.contains(header.name.lowercased()) {
            report(.responseHeaderAdded, "\(what) has a new \(header.required ? "required" : "optional") header '\(header.name)'", at: here)
        }
        for previous in before {
            guard let header = afterByName[previous.name.lowercased()] else { continue }
            if previous.required && !header.required {
                report(.responseHeaderBecameOptional, "the header '\(header.name)' of \(what) may now be absent", at: here)
            }
            compareValue(previous.type.nonNullable, header.type.nonNullable, .response, what: "the header '\(header.name)' of \(what)",
                         at: here, oldOptional: !previous.required, newOptional: !header.required)
        }
    }
}
