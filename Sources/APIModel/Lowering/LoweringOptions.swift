/// Choices that shape the model: names, and which operations to keep.
public struct LoweringOptions: Sendable, Equatable {
    /// The client type's name; nil derives it from `info.title`.
    public var name: String?
    /// The server protocol's name; nil is the client's name + `API`.
    public var serverProtocolName: String?
    /// Keep only operations with one of these tags (empty: no tag filter).
    public var tags: [String]
    /// Keep only operations with one of these operationIds (empty: no operation filter).
    public var operations: [String]
    /// Keep only operations on one of these paths (empty: no path filter).
    public var paths: [String]
    /// operationId -> Swift method name.
    public var operationNames: [String: String]
    /// Schema name -> Swift type name.
    public var schemaNames: [String: String]
    /// `Schema.property` or `property` -> Swift property name.
    public var propertyNames: [String: String]

    /// No overrides, no filter.
    public init(name: String? = nil, serverProtocolName: String? = nil, tags: [String] = [], operations: [String] = [],
                paths: [String] = [], operationNames: [String: String] = [:], schemaNames: [String: String] = [:],
                propertyNames: [String: String] = [:]) {
        self.name = name
        self.serverProtocolName = serverProtocolName
        self.tags = tags
        self.operations = operations
        self.paths = paths
        self.operationNames = operationNames
        self.schemaNames = schemaNames
        self.propertyNames = propertyNames
    }

    /// Whether any filter is set.
    var filters: Bool { !tags.isEmpty || !operations.isEmpty || !paths.isEmpty }

    /// Whether an operation passes the filter: it must match every filter that is set.
    func keeps(operationId: String, tags operationTags: [String], path: String) -> Bool {
        (tags.isEmpty || operationTags.contains(where: tags.contains))
            && (operations.isEmpty || operations.contains(operationId))
            && (paths.isEmpty || paths.contains(path))
    }
}
