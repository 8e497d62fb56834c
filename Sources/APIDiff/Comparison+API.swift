import APIModel

/// What is compared for the API as a whole: servers, security, webhooks and callbacks, and the
/// component types.
extension Comparison {
    mutating func compareServers() {
        let place = Place(symbol: new.name, location: nil, oldLocation: nil, tag: nil, operation: nil)
        let before = old.servers.map(\.url)
        let after = new.servers.map(\.url)
        for url in before where !after.contains(url) {
            report(.serverRemoved, "the server \(url) is gone", at: place, removed: true)
        }
        for url in after where !before.contains(url) {
            report(.serverAdded, "a new server \(url)", at: place)
        }
    }

    /// An operation asks for more when some way of calling it that worked no longer does: an
    /// old alternative that satisfies no new one.
    mutating func compareSecurity(_ before: OperationModel, _ after: OperationModel, at here: Place) {
        let oldAlternatives = Self.alternatives(before)
        let newAlternatives = Self.alternatives(after)
        let lost = oldAlternatives.filter { held in !newAlternatives.contains { Self.satisfies(held, $0) } }
        let gained = newAlternatives.filter { held in !oldAlternatives.contains { Self.satisfies(held, $0) } }
        if !lost.isEmpty {
            report(.securityStricter, "'\(after.operationId)' no longer accepts \(lost.map(Self.describe).joined(separator: " or ")); it asks for \(Self.describe(newAlternatives))",
                   at: here)
        } else if !gained.isEmpty {
            report(.securityRelaxed, "'\(after.operationId)' also accepts \(gained.map(Self.describe).joined(separator: " or "))", at: here)
        }
    }

    /// The alternatives, each a map from scheme to scopes; anonymous is one empty alternative.
    private static func alternatives(_ operation: OperationModel) -> [[String: Set<String>]] {
        if operation.security.isEmpty { return [[:]] }
        return operation.security.map { requirement in
            Dictionary(requirement.schemes.map { ($0.scheme, Set($0.scopes)) }, uniquingKeysWith: { $0.union($1) })
        }
    }

    /// Whether credentials that meet `held` meet `wanted`: every scheme it wants, with its scopes.
    private static func satisfies(_ held: [String: Set<String>], _ wanted: [String: Set<String>]) -> Bool {
        wanted.allSatisfy { scheme, scopes in held[scheme].map { scopes.isSubset(of: $0) } ?? false }
    }

    private static func describe(_ alternative: [String: Set<String>]) -> String {
        if alternative.isEmpty { return "anonymous calls" }
        return alternative.keys.sorted().map { scheme in
            let scopes = alternative[scheme, default: []].sorted()
            return scopes.isEmpty ? scheme : "\(scheme) with \(scopes.joined(separator: ", "))"
        }.joined(separator: " and ")
    }

    private static func describe(_ alternatives: [[String: Set<String>]]) -> String {
        alternatives.map(describe).joined(separator: " or ")
    }

    /// Webhooks and callbacks: requests the API sends, so what they carry is compared as the
    /// client receives it.
    mutating func compareReceivers() {
        let (pairs, removed, added) = match(old.receivers, new.receivers)
        for operation in removed {
            report(.webhookRemoved, "the webhook '\(operation.operationId)' is gone",
                   at: receiverPlace(operation, in: old, location: nil, oldLocation: operation.location), removed: true)
        }
        for (before, after) in pairs {
            let here = receiverPlace(after, in: new, location: after.location, oldLocation: before.location)
            if let previous = before.requestBody, let body = after.requestBody {
                compareContents(previous.contents, body.contents, what: "the payload of '\(after.operationId)'", direction: .response,
                                removedRule: .responseMediaTypeRemoved, addedRule: .responseMediaTypeAdded, at: here)
            }
        }
        for operation in added {
            report(.webhookAdded, "a new webhook '\(operation.operationId)'",
                   at: receiverPlace(operation, in: new, location: operation.location, oldLocation: nil))
        }
    }

    private func receiverPlace(_ operation: OperationModel, in model: ServiceModel, location: SourceLocation?,
                               oldLocation: SourceLocation?) -> Place {
        Place(symbol: model.receiverSymbol(operation), location: location, oldLocation: oldLocation,
              tag: operation.tag, operation: "webhook \(operation.operationId)")
    }

    /// Component schemas gone or new. A renamed one (found where it is used) is neither.
    mutating func compareComponentTypes() {
        let newNames = Set(new.types.map(\.name))
        let oldNames = Set(old.types.map(\.name))
        let renamedOldTypes = Set(renamedTypes.map(\.old))
        let renamedNewTypes = Set(renamedTypes.map(\.new))
        for type in old.types where type.origin == .component && !newNames.contains(type.name) && !renamedOldTypes.contains(type.name) {
            report(.typeRemoved, "the schema '\(type.specName)' (`\(type.name)`) is gone",
                   at: Place(symbol: type.name, location: nil, oldLocation: type.location, tag: nil, operation: nil), removed: true)
        }
        for type in new.types where type.origin == .component && !oldNames.contains(type.name) && !renamedNewTypes.contains(type.name) {
            report(.typeAdded, "a new schema '\(type.specName)' (`\(type.name)`)",
                   at: Place(symbol: type.name, location: type.location, oldLocation: nil, tag: nil, operation: nil))
        }
    }
}
