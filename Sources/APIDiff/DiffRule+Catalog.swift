/// Every rule, grouped as the rules table shows them. "Request" is what the client sends (a
/// parameter, a body, the properties of the types in them); "response" is what it receives
/// (and what a webhook delivers). A type used both ways is compared both ways.
extension DiffRule {
    // MARK: Operations

    static let operationRemoved = DiffRule(
        "operation-removed", .error, .callers, "an operation is gone",
        swift: "the client method is gone and calls to it no longer compile; the server protocol loses the method",
        oasdiff: ["api-removed-without-deprecation", "api-path-removed-without-deprecation"])
    static let operationAdded = DiffRule(
        "operation-added", .warning, .none, "a new operation",
        swift: "a new client method; the server protocol gains a method whose default answers 501 until a handler implements it",
        oasdiff: ["endpoint-added"])
    static let operationRenamed = DiffRule(
        "operation-renamed", .error, .both, "the same method and path under a new operationId",
        swift: "the client method is renamed, so calls to the old name no longer compile; a handler written for the old name no longer serves the route (its default answers 501)",
        oasdiff: ["api-operation-id-removed"])
    static let methodChanged = DiffRule(
        "method-changed", .error, .none, "an operation moved to another HTTP method",
        swift: "the Swift method keeps its name and arguments; a client built before the change calls a route that is gone",
        oasdiff: ["api-removed-without-deprecation"])
    static let pathChanged = DiffRule(
        "path-changed", .error, .none, "an operation moved to another path",
        swift: "the Swift method keeps its name and arguments; a client built before the change calls a route that is gone",
        oasdiff: ["api-path-removed-without-deprecation"])
    static let operationDeprecated = DiffRule(
        "operation-deprecated", .info, .none, "an operation is now deprecated",
        swift: "calls still compile, with a deprecation warning",
        oasdiff: ["endpoint-deprecated"])
    static let docsChanged = DiffRule(
        "docs-changed", .info, .none, "a summary or description changed",
        swift: "doc comments change; no code does")

    // MARK: Parameters

    static let parameterRemoved = DiffRule(
        "parameter-removed", .error, .callers, "a parameter is gone",
        swift: "its argument label is gone: calls that pass it no longer compile",
        oasdiff: ["request-parameter-removed"])
    static let parameterAddedRequired = DiffRule(
        "parameter-added-required", .error, .callers, "a new required parameter",
        swift: "a new argument without a default: every call must pass it",
        oasdiff: ["new-required-request-parameter"])
    static let parameterAddedOptional = DiffRule(
        "parameter-added-optional", .info, .none, "a new optional parameter",
        swift: "a new argument that defaults to nil",
        oasdiff: ["new-optional-request-parameter"])
    static let parameterBecameRequired = DiffRule(
        "parameter-became-required", .error, .callers, "an optional parameter became required",
        swift: "its argument loses its default and moves among the required ones: calls that leave it out no longer compile",
        oasdiff: ["request-parameter-became-required"])
    static let parameterBecameOptional = DiffRule(
        "parameter-became-optional", .warning, .implementers, "a required parameter became optional",
        swift: "the argument defaults to nil; the server's `Input` property becomes optional, so handlers must unwrap it",
        oasdiff: ["request-parameter-became-optional"])
    static let parameterMoved = DiffRule(
        "parameter-moved", .error, .none, "a parameter moved (query to header, say)",
        swift: "the argument stays; a client built before the change sends it where the server no longer reads it",
        oasdiff: ["request-parameter-removed", "new-required-request-parameter"])
    static let argumentsReordered = DiffRule(
        "arguments-reordered", .warning, .callers, "the client method's arguments changed order",
        swift: "Swift requires arguments in order: calls written for the old order no longer compile")

    // MARK: Bodies, statuses, media types, headers

    static let requestBodyBecameRequired = DiffRule(
        "request-body-became-required", .error, .callers, "a request body became required, or a required one was added",
        swift: "the `body:` argument loses its default (or is new): calls without it no longer compile",
        oasdiff: ["request-body-became-required", "request-body-added-required"])
    static let requestBodyBecameOptional = DiffRule(
        "request-body-became-optional", .warning, .implementers, "a required request body became optional",
        swift: "`body:` defaults to nil; the server's `Input.body` becomes optional",
        oasdiff: ["request-body-became-optional"])
    static let requestBodyRemoved = DiffRule(
        "request-body-removed", .warning, .callers, "an operation no longer takes a body",
        swift: "the `body:` argument is gone: calls that pass it no longer compile",
        oasdiff: ["request-body-removed"])
    static let requestBodyAdded = DiffRule(
        "request-body-added", .info, .none, "an operation takes a new optional body",
        swift: "a new `body:` argument that defaults to nil",
        oasdiff: ["request-body-added-optional"])
    static let requestMediaTypeRemoved = DiffRule(
        "request-media-type-removed", .error, .none, "a request body's media type is gone",
        swift: "clients that sent it are refused; the `body:` argument's type changes when it was the one the client sends",
        oasdiff: ["request-body-media-type-removed"])
    static let requestMediaTypeAdded = DiffRule(
        "request-media-type-added", .info, .none, "a request body accepts a new media type",
        swift: "the server stubs read it too; the client sends JSON first, then form, multipart, text, bytes",
        oasdiff: ["request-body-media-type-added"])
    static let successStatusRemoved = DiffRule(
        "success-status-removed", .error, .implementers, "a success status is gone",
        swift: "clients built before the change no longer get that status; the server's `Output` case for it is gone",
        oasdiff: ["response-success-status-removed"])
    static let errorStatusRemoved = DiffRule(
        "error-status-removed", .info, .implementers, "an error status is gone",
        swift: "the server's `Output` case for it is gone: handlers that return it no longer compile",
        oasdiff: ["response-non-success-status-removed"])
    static let statusAdded = DiffRule(
        "status-added", .info, .none, "a new response status",
        swift: "the server's `Output` gains a case; the client decodes it",
        oasdiff: ["response-success-status-added", "response-non-success-status-added"])
    static let responseMediaTypeRemoved = DiffRule(
        "response-media-type-removed", .error, .none, "a response's media type is gone",
        swift: "clients that asked for it get something else; the method's result type changes when it was the one the client reads",
        oasdiff: ["response-media-type-removed"])
    static let responseMediaTypeAdded = DiffRule(
        "response-media-type-added", .info, .none, "a response has a new media type",
        swift: "no change for callers; the server stubs may answer it",
        oasdiff: ["response-media-type-added"])
    static let responseHeaderRemoved = DiffRule(
        "response-header-removed", .error, .callers, "a response header is gone",
        swift: "its typed accessor is gone from the raw response",
        oasdiff: ["required-response-header-removed", "optional-response-header-removed"])
    static let responseHeaderBecameOptional = DiffRule(
        "response-header-became-optional", .error, .callers, "a required response header became optional",
        swift: "its accessor's type becomes optional",
        oasdiff: ["response-header-became-optional"])
    static let responseHeaderAdded = DiffRule(
        "response-header-added", .info, .none, "a new response header",
        swift: "a new typed accessor on the raw response",
        oasdiff: ["response-header-added"])

    // MARK: Types in requests

    static let requestTypeChanged = DiffRule(
        "request-type-changed", .error, .both, "a type the client sends accepts less, or another kind of value",
        swift: "the Swift type changes (`String` to `Int`, `String` to `Date`, `T?` to `T`): code that builds or reads the value no longer compiles",
        oasdiff: ["request-parameter-type-changed", "request-property-type-changed", "request-body-type-changed", "request-parameter-became-not-nullable", "request-property-became-not-nullable"])
    static let requestTypeWidened = DiffRule(
        "request-type-widened", .info, .both, "a type the client sends accepts more",
        swift: "compatible on the wire; where the Swift type changes (`Int32` to `Int64`), code that names it must follow",
        oasdiff: ["request-parameter-type-generalized", "request-property-type-generalized", "request-property-became-nullable"])
    static let requestEnumValueRemoved = DiffRule(
        "request-enum-value-removed", .error, .callers, "a value the client may send is gone from an enum",
        swift: "the enum case is gone: code that names it no longer compiles",
        oasdiff: ["request-parameter-enum-value-removed", "request-property-enum-value-removed"])
    static let requestEnumValueAdded = DiffRule(
        "request-enum-value-added", .warning, .implementers, "a new value the client may send",
        swift: "a new enum case: handlers that `switch` over the enum without `default` no longer compile",
        oasdiff: ["request-parameter-enum-value-added", "request-property-enum-value-added"])
    static let requestVariantRemoved = DiffRule(
        "request-variant-removed", .error, .callers, "a union the client sends lost a variant",
        swift: "the union's case is gone: code that builds it no longer compiles",
        oasdiff: ["request-body-one-of-removed", "request-property-one-of-removed", "request-property-any-of-removed"])
    static let requestVariantAdded = DiffRule(
        "request-variant-added", .warning, .implementers, "a union the client sends has a new variant",
        swift: "a new case: handlers that `switch` over the union no longer compile",
        oasdiff: ["request-body-one-of-added", "request-property-one-of-added", "request-property-any-of-added"])
    static let requestConstraintTightened = DiffRule(
        "request-constraint-tightened", .error, .none, "a limit on what the client sends is stricter",
        swift: "no Swift change; values the server accepted are refused",
        oasdiff: ["request-parameter-max-length-decreased", "request-property-max-decreased", "request-parameter-pattern-added"])
    static let requestConstraintLoosened = DiffRule(
        "request-constraint-loosened", .info, .none, "a limit on what the client sends is looser",
        swift: "no Swift change",
        oasdiff: ["request-parameter-max-length-increased", "request-property-max-increased"])
    static let requestPropertyRemoved = DiffRule(
        "request-property-removed", .warning, .callers, "a property the client sends is gone",
        swift: "the property and its initializer argument are gone: code that sets it no longer compiles",
        oasdiff: ["request-property-removed"])
    static let requestPropertyAddedRequired = DiffRule(
        "request-property-added-required", .error, .callers, "a new required property in what the client sends",
        swift: "the initializer gains an argument without a default: code that builds the value must pass it",
        oasdiff: ["new-required-request-property"])
    static let requestPropertyAddedOptional = DiffRule(
        "request-property-added-optional", .info, .none, "a new optional property in what the client sends",
        swift: "a new initializer argument that defaults to nil",
        oasdiff: ["new-optional-request-property"])
    static let requestPropertyBecameRequired = DiffRule(
        "request-property-became-required", .error, .callers, "an optional property the client sends became required",
        swift: "the property becomes non-optional and its initializer argument loses its default",
        oasdiff: ["request-property-became-required"])
    static let requestPropertyBecameOptional = DiffRule(
        "request-property-became-optional", .warning, .implementers, "a required property the client sends became optional",
        swift: "the property becomes optional: handlers that read it must unwrap it",
        oasdiff: ["request-property-became-optional"])

    // MARK: Types in responses

    static let responseTypeChanged = DiffRule(
        "response-type-changed", .error, .both, "a type the client receives may hold more, or another kind of value",
        swift: "the Swift type changes (`Int` to `Double`, `T` to `T?`): code that reads the value no longer compiles",
        oasdiff: ["response-property-type-changed", "response-body-type-changed", "response-property-became-nullable", "response-body-became-nullable"])
    static let responseTypeNarrowed = DiffRule(
        "response-type-narrowed", .info, .both, "a type the client receives holds less",
        swift: "compatible on the wire; where the Swift type changes (`T?` to `T`), code that names or unwraps it must follow",
        oasdiff: ["response-property-type-specialized", "response-property-became-not-nullable"])
    static let responseEnumValueAdded = DiffRule(
        "response-enum-value-added", .warning, .callers, "a new value the client may receive",
        swift: "clients built before the change decode it as `.unknown(...)`; a new enum case breaks `switch` statements without `default`",
        oasdiff: ["response-property-enum-value-added"])
    static let responseEnumValueRemoved = DiffRule(
        "response-enum-value-removed", .info, .callers, "a value the client receives is gone from an enum",
        swift: "the enum case is gone: code that names it no longer compiles",
        oasdiff: ["response-property-enum-value-removed"])
    static let responseVariantAdded = DiffRule(
        "response-variant-added", .error, .callers, "a union the client receives has a new variant",
        swift: "clients built before the change cannot decode it; a new case breaks `switch` statements over the union",
        oasdiff: ["response-body-one-of-added", "response-property-one-of-added", "response-property-any-of-added"])
    static let responseVariantRemoved = DiffRule(
        "response-variant-removed", .info, .callers, "a union the client receives lost a variant",
        swift: "the union's case is gone: code that matches it no longer compiles",
        oasdiff: ["response-body-one-of-removed", "response-property-one-of-removed", "response-property-any-of-removed"])
    static let responseConstraintLoosened = DiffRule(
        "response-constraint-loosened", .warning, .none, "a limit on what the client receives is looser",
        swift: "no Swift change; values may exceed what clients were promised",
        oasdiff: ["response-property-max-length-increased", "response-property-max-increased"])
    static let responseConstraintTightened = DiffRule(
        "response-constraint-tightened", .info, .none, "a limit on what the client receives is stricter",
        swift: "no Swift change")
    static let responsePropertyRemoved = DiffRule(
        "response-property-removed", .error, .both, "a property the client receives is gone",
        swift: "the property is gone: code that reads it no longer compiles; handlers that pass it to the initializer neither",
        oasdiff: ["response-required-property-removed", "response-optional-property-removed"])
    static let responsePropertyAddedRequired = DiffRule(
        "response-property-added-required", .warning, .implementers, "a new required property in what the client receives",
        swift: "the initializer gains an argument without a default: handlers must fill it",
        oasdiff: ["response-required-property-added"])
    static let responsePropertyAddedOptional = DiffRule(
        "response-property-added-optional", .info, .none, "a new optional property in what the client receives",
        swift: "a new optional property, and an initializer argument that defaults to nil",
        oasdiff: ["response-optional-property-added"])
    static let responsePropertyBecameOptional = DiffRule(
        "response-property-became-optional", .error, .callers, "a required property the client receives became optional",
        swift: "the property becomes optional: code that reads it must unwrap it",
        oasdiff: ["response-property-became-optional"])
    static let responsePropertyBecameRequired = DiffRule(
        "response-property-became-required", .info, .both, "an optional property the client receives became required",
        swift: "the property becomes non-optional: `if let` and `?.` on it no longer compile; handlers must pass it to the initializer",
        oasdiff: ["response-property-became-required"])

    // MARK: Types, security, servers, webhooks

    static let typeRemoved = DiffRule(
        "type-removed", .error, .callers, "a component schema is gone",
        swift: "the Swift type is gone: code that names it no longer compiles",
        oasdiff: ["api-schema-removed"])
    static let typeAdded = DiffRule(
        "type-added", .info, .none, "a new component schema",
        swift: "a new Swift type")
    static let typeRenamed = DiffRule(
        "type-renamed", .warning, .both, "a value's type has a new name",
        swift: "the Swift type is renamed: code that names the old one no longer compiles")
    static let securityStricter = DiffRule(
        "security-stricter", .error, .none, "an operation asks for more: credentials where none were needed, or more scopes",
        swift: "no Swift change; calls made with the old credentials are refused",
        oasdiff: ["api-security-added", "api-security-scope-added", "api-global-security-added"])
    static let securityRelaxed = DiffRule(
        "security-relaxed", .info, .none, "an operation asks for less",
        swift: "no Swift change",
        oasdiff: ["api-security-removed", "api-security-scope-removed"])
    static let serverRemoved = DiffRule(
        "server-removed", .error, .none, "a server URL is gone",
        swift: "no Swift change; clients configured with that URL reach nothing")
    static let serverAdded = DiffRule(
        "server-added", .info, .none, "a new server URL",
        swift: "no Swift change")
    static let webhookRemoved = DiffRule(
        "webhook-removed", .warning, .none, "a webhook is gone",
        swift: "the receiver protocol loses the method; an implementation of it still compiles but is no longer called",
        oasdiff: ["webhook-removed"])
    static let webhookAdded = DiffRule(
        "webhook-added", .info, .none, "a new webhook",
        swift: "the receiver protocol gains a method whose default accepts the delivery and does nothing",
        oasdiff: ["webhook-added"])

    /// Every rule, in the order of the rules table.
    public static let all: [DiffRule] = [
        operationRemoved, operationAdded, operationRenamed, methodChanged, pathChanged, operationDeprecated, docsChanged,
        parameterRemoved, parameterAddedRequired, parameterAddedOptional, parameterBecameRequired, parameterBecameOptional,
        parameterMoved, argumentsReordered,
        requestBodyBecameRequired, requestBodyBecameOptional, requestBodyRemoved, requestBodyAdded,
        requestMediaTypeRemoved, requestMediaTypeAdded, successStatusRemoved, errorStatusRemoved, statusAdded,
        responseMediaTypeRemoved, responseMediaTypeAdded, responseHeaderRemoved, responseHeaderBecameOptional, responseHeaderAdded,
        requestTypeChanged, requestTypeWidened, requestEnumValueRemoved, requestEnumValueAdded,
        requestVariantRemoved, requestVariantAdded, requestConstraintTightened, requestConstraintLoosened,
        requestPropertyRemoved, requestPropertyAddedRequired, requestPropertyAddedOptional,
        requestPropertyBecameRequired, requestPropertyBecameOptional,
        responseTypeChanged, responseTypeNarrowed, responseEnumValueAdded, responseEnumValueRemoved,
        responseVariantAdded, responseVariantRemoved, responseConstraintLoosened, responseConstraintTightened,
        responsePropertyRemoved, responsePropertyAddedRequired, responsePropertyAddedOptional,
        responsePropertyBecameOptional, responsePropertyBecameRequired,
        typeRemoved, typeAdded, typeRenamed, securityStricter, securityRelaxed, serverRemoved, serverAdded,
        webhookRemoved, webhookAdded,
    ]
}
