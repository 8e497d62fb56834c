import APISpec
import APIGenCore
import Foundation
import Testing

/// `spec/quay.yaml` against the Quay API reference's list of documented endpoints
/// (`QuaySpec/quay-endpoints.json`, made with `seed-endpoints.py --json`).
///
/// Every documented endpoint must be there with its method, path, operationId and scope, and
/// every documented parameter and body field. A departure is allowed only where the operation's
/// `x-curation-note` quotes the documented name in backticks, saying why.
@Suite struct QuaySpecCoverageTests {
    struct Endpoint: Decodable {
        struct Param: Decodable { var `in`: String; var name: String }
        var method: String
        var path: String
        var operationId: String
        var chapter: String
        var scope: String
        var params: [Param]
        var body_fields: [String]
    }

    static let endpoints: [Endpoint] = {
        let url = URL(fileURLWithPath: Golden.root + "/QuaySpec/quay-endpoints.json")
        return (try? JSONDecoder().decode([Endpoint].self, from: Data(contentsOf: url))) ?? []
    }()

    static let document: OpenAPIDocument? = {
        SpecLoader(readFile: { try FileSystem.read(Golden.repository + "/" + $0) }).load("spec/quay.yaml").document
    }()

    /// The reference's chapters, in its order; immutability_policy, a newer chapter, sits after tag.
    static let chapterOrder = [
        "appspecifictokens", "build", "discovery", "error", "globalmessages", "logs", "manifest", "mirror",
        "namespacequota", "organization", "permission", "policy", "prototype", "referrers", "repository",
        "repositorynotification", "robot", "search", "secscan", "superuser", "tag", "immutability_policy",
        "team", "trigger", "user",
    ]

    /// The spec's operation for a documented endpoint: at the documented path, or at the same
    /// path with or without a trailing slash when the operation's note quotes the documented
    /// path (Quay's real route differs from the reference).
    private func operation(_ endpoint: Endpoint) -> APISpec.Operation? {
        func at(_ path: String) -> APISpec.Operation? {
            Self.document?.paths.first { $0.path == path }?.operations.first { $0.method == endpoint.method.lowercased() }
        }
        if let exact = at(endpoint.path) { return exact }
        let twin = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path + "/"
        return at(twin).flatMap { explains($0, endpoint.path) ? $0 : nil }
    }

    private func note(_ operation: APISpec.Operation) -> String {
        operation.extensions["x-curation-note"]?.value.stringValue ?? ""
    }

    private func explains(_ operation: APISpec.Operation, _ name: String) -> Bool {
        note(operation).contains("`\(name)`")
    }

    @Test func theDocumentedListIsComplete() {
        #expect(Self.endpoints.count == 190)
        #expect(Self.document != nil)
    }

    @Test func everyDocumentedEndpointIsThereWithItsNameScopeAndTag() throws {
        for endpoint in Self.endpoints {
            guard let operation = operation(endpoint) else {
                Issue.record("missing \(endpoint.method) \(endpoint.path) (\(endpoint.operationId))")
                continue
            }
            if operation.operationId != endpoint.operationId, !explains(operation, endpoint.operationId) {
                Issue.record("\(endpoint.operationId): operationId is \(operation.operationId ?? "nil") and no note quotes `\(endpoint.operationId)`")
            }
            // A scope that departs from the reference (Quay checks more, or another scheme) is
            // allowed where the note quotes the documented scope, or says the reference names none.
            let scopes = (operation.security ?? []).flatMap { $0.schemes.flatMap(\.scopes) }
            let expected = endpoint.scope.isEmpty ? [] : [endpoint.scope]
            let departureExplained = endpoint.scope.isEmpty ? note(operation).contains("names no scope")
                : explains(operation, endpoint.scope)
            if scopes != expected, !departureExplained {
                Issue.record("\(endpoint.operationId): scopes \(scopes), documented \(expected), and no note explains it")
            }
            if operation.security == nil {
                Issue.record("\(endpoint.operationId): no explicit security; anonymous operations say `security: []`")
            }
            if expected.isEmpty, !note(operation).contains("anonymous") {
                Issue.record("\(endpoint.operationId): documented with no scope, but no note says it is anonymous")
            }
            #expect(operation.tags == [endpoint.chapter], "\(endpoint.operationId)")
        }
    }

    @Test func everyDocumentedParameterAndBodyFieldIsThere() {
        for endpoint in Self.endpoints {
            guard let operation = operation(endpoint) else { continue }
            let have = Set(operation.parameters.map { "\($0.location.rawValue) \($0.name)" })
            let documented = Set(endpoint.params.map { "\($0.in) \($0.name)" })
            for param in endpoint.params where !have.contains("\(param.in) \(param.name)") && !explains(operation, param.name) {
                Issue.record("\(endpoint.operationId): documented \(param.in) parameter '\(param.name)' is missing and no note quotes it")
            }
            for parameter in operation.parameters where !documented.contains("\(parameter.location.rawValue) \(parameter.name)")
                && !explains(operation, parameter.name) {
                Issue.record("\(endpoint.operationId): \(parameter.location.rawValue) parameter '\(parameter.name)' is not documented and no note quotes it")
            }
            let fields = Set(bodyProperties(operation))
            for field in endpoint.body_fields where !fields.contains(field) && !explains(operation, field) {
                Issue.record("\(endpoint.operationId): documented body field '\(field)' is missing and no note quotes it")
            }
        }
    }

    @Test func nothingIsThereThatIsNotDocumented() {
        let documented = Set(Self.endpoints.map { "\($0.method.lowercased()) \($0.path)" })
        let moved = Set(Self.endpoints.compactMap { endpoint in
            operation(endpoint).map { "\($0.method) \($0.path)" }
        })
        for item in Self.document?.paths ?? [] {
            for operation in item.operations where !documented.contains("\(operation.method) \(item.path)")
                && !moved.contains("\(operation.method) \(item.path)") {
                Issue.record("\(operation.method.uppercased()) \(item.path) is not in the reference")
            }
        }
    }

    @Test func tagsFollowTheReferenceChapterOrderAndHaveDescriptions() {
        let tags = Self.document?.tags ?? []
        #expect(tags.map(\.name) == Self.chapterOrder)
        for tag in tags { #expect(!(tag.description ?? "").isEmpty, "\(tag.name)") }
        // Paths are grouped by tag, in tag order.
        let order = (Self.document?.paths ?? []).compactMap { $0.operations.first?.tags.first }
            .compactMap { Self.chapterOrder.firstIndex(of: $0) }
        #expect(order == order.sorted())
    }

    @Test func everyOperationHasADefaultApiErrorAndACurlExample() {
        for item in Self.document?.paths ?? [] {
            for operation in item.operations {
                let name = operation.operationId ?? item.path
                guard let fallback = operation.responses.first(where: { $0.status == "default" }) else {
                    Issue.record("\(name): no default response")
                    continue
                }
                if case .reference(let key, _, _)? = fallback.content.first?.schema {
                    #expect(key.pointer == "#/components/schemas/ApiError", "\(name)")
                } else {
                    Issue.record("\(name): the default response is not an ApiError")
                }
                let samples = operation.extensions["x-codeSamples"]?.value
                guard case .array(let list)? = samples, let curl = list.first(where: { $0["lang"]?.stringValue == "curl" }),
                      let source = curl["source"]?.stringValue else {
                    Issue.record("\(name): no curl sample")
                    continue
                }
                #expect(source.hasPrefix("curl -X \(operation.method.uppercased()) \"https://quay-server.example.com/"), "\(name)")
            }
        }
    }

    @Test func repositoryParametersSpanTwoSegments() {
        for item in Self.document?.paths ?? [] {
            for operation in item.operations {
                for parameter in operation.parameters where parameter.name == "repository" && parameter.location == .path {
                    #expect(parameter.extensions["x-apigen-segments"]?.value == .int(2), "\(operation.operationId ?? item.path)")
                }
            }
        }
    }

    @Test func paginatedOperationsSayHowTheyPage() {
        let paged = ["listRepos", "listStarredRepos", "listRepoLogs", "listUserLogs", "listOrgLogs", "listAllLogs",
                     "listAllUsers", "listAllOrganizations", "listRepoTags", "conductRepoSearch"]
        let operations = (Self.document?.paths ?? []).flatMap(\.operations)
        for id in paged {
            let operation = operations.first { $0.operationId == id }
            #expect(operation?.extensions["x-apigen-pagination"] != nil, "\(id)")
        }
        #expect(operations.filter { $0.extensions["x-apigen-pagination"] != nil }.count == paged.count)
    }

    @Test func theSpecLowersWithoutErrorsOrWarnings() {
        let loaded = SpecPipeline.load("spec/quay.yaml", readFile: { try FileSystem.read(Golden.repository + "/" + $0) })
        #expect(loaded.diagnostics.isEmpty, "\(loaded.renderedDiagnostics)")
        #expect(loaded.model?.operations.count == 190)
    }

    /// The property names of the operation's request body schema (following a `$ref`).
    /// The body's fields: its schema's properties, and those of each variant when it is a
    /// union (the auto-prune policies are one of two shapes).
    private func bodyProperties(_ operation: APISpec.Operation) -> [String] {
        guard let schema = operation.requestBody?.content.first?.schema else { return [] }
        return properties(schema, depth: 0)
    }

    private func properties(_ schema: SchemaRef, depth: Int) -> [String] {
        guard depth < 4 else { return [] }
        let target: Schema
        switch schema {
        case .inline(let inline): target = inline
        case .reference(let key, _, _):
            guard case .inline(let referenced)? = Self.document?.schema(key)?.schema else { return [] }
            target = referenced
        }
        let variants = (target.oneOf ?? []) + (target.anyOf ?? []) + (target.allOf ?? [])
        return target.properties.map(\.name) + variants.flatMap { properties($0, depth: depth + 1) }
    }
}
