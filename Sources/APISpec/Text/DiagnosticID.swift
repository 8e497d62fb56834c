/// The identifiers of every diagnostic apigen reports, in one place.
///
/// Each appears in brackets after the message (`[unknown-ref]`), so users can search for it and
/// tests can assert it.
public enum DiagnosticID {
    // Reading files
    /// The file could not be read.
    public static let fileUnreadable = "file-unreadable"
    /// The file is empty, or holds only comments.
    public static let emptyDocument = "empty-document"
    /// The file is not UTF-8 text (a binary file, or another encoding).
    public static let notText = "not-text"
    /// YAML that libyaml rejects.
    public static let yamlSyntax = "yaml-syntax"
    /// JSON that is not well formed.
    public static let jsonSyntax = "json-syntax"
    /// The same key twice in one mapping.
    public static let duplicateKey = "duplicate-key"
    /// Nesting deeper than apigen follows.
    public static let tooDeep = "too-deep"
    /// A YAML alias that would expand into too many nodes.
    public static let aliasExpansion = "alias-expansion"

    // The OpenAPI document
    /// Not an OpenAPI 3.0 or 3.1 document.
    public static let notOpenAPI = "not-openapi"
    /// A value of the wrong kind: a sequence where a string belongs, say.
    public static let wrongType = "wrong-type"
    /// A field the specification requires is missing.
    public static let missingField = "missing-field"
    /// A value outside what the specification allows.
    public static let invalidValue = "invalid-value"
    /// A `$ref` that points at nothing.
    public static let unknownRef = "unknown-ref"
    /// `$ref`s that only point at each other.
    public static let refCycle = "ref-cycle"
    /// Two operations with one operationId.
    public static let duplicateOperationID = "duplicate-operation-id"
    /// A `{name}` in a path with no path parameter for it.
    public static let undeclaredPathParameter = "undeclared-path-parameter"
    /// A path parameter whose name is not in the path template.
    public static let unusedPathParameter = "unused-path-parameter"
    /// A security requirement naming a scheme the document does not define.
    public static let unknownSecurityScheme = "unknown-security-scheme"
    /// A `$ref` where OpenAPI does not allow one (an Operation, a description), followed.
    public static let refInPlace = "ref-in-place"
    /// `null` where a list or mapping belongs (`parameters: null`), read as empty.
    public static let nullValue = "null-value"
    /// A schema `type` that is not a JSON Schema type (`arrary`), read as any JSON.
    public static let unknownType = "unknown-type"
    /// A response status written in another form than OpenAPI's (`4xx`, an unquoted `200`).
    public static let statusForm = "status-form"
    /// A `default` that does not match its schema, ignored.
    public static let defaultMismatch = "default-mismatch"
    /// A value an `enum` lists twice, read once.
    public static let duplicateValue = "duplicate-value"
    /// Something apigen parses but does not generate code for.
    /// A path with a `#` part, which a URL never sends (`/files/{id}#get_shared_link`).
    public static let pathFragment = "path-fragment"
    /// A path with a `?` part (`/responses?beta=true`): read as a path and a fixed query.
    public static let pathQuery = "path-query"
    /// Two operations with the same method and path on the wire, which a server cannot tell apart.
    public static let duplicateRoute = "duplicate-route"
    /// A header parameter HTTP itself carries (`Content-Length`, `Authorization`), left out.
    public static let ignoredHeader = "ignored-header"
    public static let unsupported = "unsupported"
    /// A malformed apigen vendor extension (`x-apigen-...`).
    public static let invalidExtension = "invalid-extension"

    /// The rules apigen relaxes: where a real-world document breaks them and its intent is
    /// clear, it warns and generates anyway. `apigen lint --strict` makes them errors.
    public static let relaxed: Set<String> = [
        undeclaredPathParameter, unusedPathParameter, duplicateOperationID, refInPlace, nullValue, unknownType,
        statusForm, defaultMismatch, duplicateValue, unknownSecurityScheme, pathFragment, pathQuery, duplicateRoute,
    ]

    // Configuration
    /// A key apigen.yaml does not know.
    public static let unknownKey = "unknown-key"
}
