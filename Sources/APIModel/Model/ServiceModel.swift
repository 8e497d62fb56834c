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
    public var types: [NamedType]
    /// The security schemes, in order.
    public var securitySchemes: [SecuritySchemeModel]
    /// Webhooks (3.1), as operations. Emitters may skip them.
    public var webhooks: [OperationModel]
    /// The named type the spec uses for error bodies (the `default` and 4xx/5xx responses), if
    /// one stands out; clients offer a typed accessor for it.
    public var errorTypeName: String?

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
        types.first { $0.name == name }
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
