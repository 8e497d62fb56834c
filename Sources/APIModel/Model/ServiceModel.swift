import APISpec

// Values the model shares with the spec stage, re-exported so emitters need only `APIModel`.
/// A position in a source file.
public typealias SourceLocation = APISpec.SourceLocation
/// A problem report.
public typealias Diagnostic = APISpec.Diagnostic
/// Error or warning.
public typealias Severity = APISpec.Severity
/// A JSON value from the spec, members in order.
public typealias SpecValue = APISpec.SpecValue
/// The identifiers of diagnostics.
public typealias DiagnosticID = APISpec.DiagnosticID
/// Validation keywords.
public typealias Constraints = APISpec.Constraints

/// The intermediate model: everything an emitter needs, with names already Swift-safe and
/// unique, references followed, and nothing about YAML or OpenAPI versions left.
///
/// Plain values: `Sendable`, `Equatable` and `Codable`. `apigen dump-model` prints it as JSON.
public struct ServiceModel: Sendable, Equatable, Codable {
    /// The client type's name (`Quay`).
    public var name: String
    /// The server protocol's name (`QuayAPI`).
    public var serverProtocolName: String
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// `info.summary`.
    public var summary: String?
    /// `info.description`.
    public var description: String?
    /// `info.termsOfService`.
    public var termsOfService: String?
    /// `info.contact`.
    public var contact: ContactModel?
    /// `info.license`.
    public var license: LicenseModel?
    /// The servers, in order.
    public var servers: [ServerModel]
    /// The tags: declared ones in order, then undeclared ones in order of first use.
    public var tags: [TagModel]
    /// Every operation, in document order.
    public var operations: [OperationModel]
    /// Every named type: component schemas, then types made for inline schemas, in the order
    /// they were met.
    public var types: [NamedType] {
        didSet { typeIndex = Self.index(types) }
    }
    /// The security schemes, in order.
    public var securitySchemes: [SecuritySchemeModel]
    /// Webhooks (3.1), as operations. Emitters may skip them.
    public var webhooks: [OperationModel]
    /// The name of the protocol that receives webhooks and callbacks (`ResendWebhooks`), when
    /// the spec has any.
    public var receiverProtocolName: String?
    /// The named type the spec uses for error bodies (the `default` and 4xx/5xx responses), if
    /// one stands out; clients offer a typed accessor for it.
    public var errorTypeName: String?
    /// Where each type is in `types`, by name: emitters look types up for every property and
    /// body, so this keeps ``type(named:)`` constant-time on large specs. Derived; not encoded.
    private var typeIndex: [String: Int]

    /// A model from its parts.
    public init(name: String, serverProtocolName: String, title: String, version: String, summary: String?,
                description: String?, termsOfService: String?, contact: ContactModel?, license: LicenseModel?,
                servers: [ServerModel], tags: [TagModel], operations: [OperationModel], types: [NamedType],
                securitySchemes: [SecuritySchemeModel], webhooks: [OperationModel], errorTypeName: String?) {
        self.name = name
        self.serverProtocolName = serverProtocolName
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
        self.termsOfService = termsOfService
        self.contact = contact
        self.license = license
        self.servers = servers
        self.tags = tags
        self.operations = operations
        self.types = types
        self.securitySchemes = securitySchemes
        self.webhooks = webhooks
        self.errorTypeName = errorTypeName
        self.typeIndex = Self.index(types)
    }

    private enum CodingKeys: String, CodingKey {
        case name, serverProtocolName, title, version, summary, description, termsOfService, contact, license,
             servers, tags, operations, types, securitySchemes, webhooks, errorTypeName, receiverProtocolName
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            serverProtocolName: try container.decode(String.self, forKey: .serverProtocolName),
            title: try container.decode(String.self, forKey: .title),
            version: try container.decode(String.self, forKey: .version),
            summary: try container.decodeIfPresent(String.self, forKey: .summary),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            termsOfService: try container.decodeIfPresent(String.self, forKey: .termsOfService),
            contact: try container.decodeIfPresent(ContactModel.self, forKey: .contact),
            license: try container.decodeIfPresent(LicenseModel.self, forKey: .license),
            servers: try container.decode([ServerModel].self, forKey: .servers),
            tags: try container.decode([TagModel].self, forKey: .tags),
            operations: try container.decode([OperationModel].self, forKey: .operations),
            types: try container.decode([NamedType].self, forKey: .types),
            securitySchemes: try container.decode([SecuritySchemeModel].self, forKey: .securitySchemes),
            webhooks: try container.decode([OperationModel].self, forKey: .webhooks),
            errorTypeName: try container.decodeIfPresent(String.self, forKey: .errorTypeName))
        receiverProtocolName = try container.decodeIfPresent(String.self, forKey: .receiverProtocolName)
    }

    /// Every webhook, then every operation's callbacks, in document order: what the
    /// receiver (``receiverProtocolName``) takes.
    public var receivers: [OperationModel] {
        webhooks + operations.flatMap { $0.callbacks.flatMap(\.operations) }
    }

    private static func index(_ types: [NamedType]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, type) in types.enumerated() where index[type.name] == nil { index[type.name] = position }
        return index
    }

    /// The operations of one tag, in document order.
    public func operations(taggedWith tag: String) -> [OperationModel] {
        operations.filter { $0.tag == tag }
    }

    /// The operations with no tag, in document order.
    public var untaggedOperations: [OperationModel] {
        operations.filter { $0.tag == nil }
    }

    /// The named type with this Swift name.
    public func type(named name: String) -> NamedType? {
        typeIndex[name].map { types[$0] }
    }

    /// The security scheme with this key.
    public func securityScheme(named name: String) -> SecuritySchemeModel? {
        securitySchemes.first { $0.name == name }
    }

    /// The ids of the operations some of whose security alternatives take HTTP Basic
    /// credentials, in document order: a client sends its Basic credentials to these.
    public var basicAuthOperations: [String] {
        let basic = Set(securitySchemes.filter(\.isBasic).map(\.name))
        guard !basic.isEmpty else { return [] }
        return operations.filter { $0.security.contains { $0.schemes.contains { basic.contains($0.scheme) } } }.map(\.operationId)
    }
}

/// Who to contact about the API.
public struct ContactModel: Sendable, Equatable, Codable {
    public var name: String?
    public var url: String?
    public var email: String?
}

/// The API's license.
public struct LicenseModel: Sendable, Equatable, Codable {
    public var name: String
    /// An SPDX identifier (3.1).
    public var identifier: String?
    public var url: String?
}

/// A server URL template and its variables.
public struct ServerModel: Sendable, Equatable, Codable {
    public var url: String
    public var description: String?
    public var variables: [ServerVariableModel]
}

/// A variable of a server URL template.
public struct ServerVariableModel: Sendable, Equatable, Codable {
    public var name: String
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?
}

/// A tag, which becomes a namespace on the client (`quay.repository`) and a chapter of the docs.
public struct TagModel: Sendable, Equatable, Codable {
    /// The tag as the spec writes it.
    public var name: String
    /// The client property (`repository`).
    public var memberName: String
    /// The namespace type (`RepositoryOperations`).
    public var typeName: String
    public var description: String?
    public var externalDocsURL: String?
    /// Vendor extensions on the tag.
    public var extensions: [ExtensionModel]
}

/// A vendor extension as it stands in the spec.
public struct ExtensionModel: Sendable, Equatable, Codable {
    public var name: String
    public var value: SpecValue

    /// Creates an extension.
    public init(name: String, value: SpecValue) {
        self.name = name
        self.value = value
    }
}
