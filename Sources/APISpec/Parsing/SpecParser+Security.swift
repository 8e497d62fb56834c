/// Security schemes and requirements.
extension SpecParser {
    func resolvedScheme(_ cursor: Cursor, name: String) -> SecurityScheme? {
        var target = cursor
        if let ref = cursor["$ref"] {
            guard let raw = string(ref), let found = locate(raw, from: ref) else { return nil }
            target = found
        }
        guard expectMapping(target, "a Security Scheme object"),
              let type = requiredString(target, "type", in: "security scheme '\(name)'") else { return nil }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            guard let paramName = requiredString(target, "name", in: "security scheme '\(name)'"),
                  let place = requiredString(target, "in", in: "security scheme '\(name)'") else { return nil }
            guard let location = ParameterLocation(rawValue: place), location != .path else {
                report(.error, "an apiKey goes in a header, query or cookie, not '\(place)'",
                       DiagnosticID.invalidValue, at: target["in"] ?? target)
                return nil
            }
            kind = .apiKey(name: paramName, location: location)
        case "http":
            guard let scheme = requiredString(target, "scheme", in: "security scheme '\(name)'") else { return nil }
            kind = .http(scheme: scheme.lowercased(), bearerFormat: string(target["bearerFormat"]))
        case "oauth2":
            let flows = mapping(target["flows"])?.compactMap { flowName, flow -> OAuthFlow? in
                guard expectMapping(flow, "an OAuth Flow object") else { return nil }
                let scopes = mapping(flow["scopes"])?.map { ($0.key, string($0.value) ?? "") } ?? []
                return OAuthFlow(kind: flowName, authorizationURL: string(flow["authorizationUrl"]),
                                 tokenURL: string(flow["tokenUrl"]), refreshURL: string(flow["refreshUrl"]),
                                 scopes: scopes)
            } ?? []
            if !target.has("flows") {
                report(.error, "security scheme '\(name)' is missing 'flows'", DiagnosticID.missingField, at: target)
            }
            kind = .oauth2(flows)
        case "openIdConnect":
            guard let url = requiredString(target, "openIdConnectUrl", in: "security scheme '\(name)'") else { return nil }
            kind = .openIdConnect(url: url)
        case "mutualTLS":
            kind = .mutualTLS
        default:
            report(.error, "'\(type)' is not a security scheme type; use apiKey, http, oauth2, openIdConnect or mutualTLS",
                   DiagnosticID.invalidValue, at: target["type"] ?? target)
            return nil
        }
        return SecurityScheme(name: name, kind: kind, description: string(target["description"]),
                              extensions: extensions(target), location: target.location)
    }

    /// A `security` list. `{}` in it is the anonymous alternative.
    func parseSecurity(_ cursor: Cursor) -> [SecurityRequirement] {
        sequence(cursor)?.compactMap { item in
            guard let entries = mapping(item) else { return nil }
            let schemes = entries.map { ($0.key, strings($0.value) ?? []) }
            return SecurityRequirement(schemes: schemes, location: item.location)
        } ?? []
    }
}
