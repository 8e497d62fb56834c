/// One argument of an operation's client method.
public enum OperationArgument: Sendable, Equatable {
    /// A parameter, labelled with its Swift name.
    case parameter(ParameterModel)
    /// The request body, labelled `body`.
    case body(RequestBodyModel)

    /// The argument label, unescaped.
    public var label: String {
        switch self {
        case .parameter(let parameter): return parameter.swiftName
        case .body: return "body"
        }
    }

    /// Whether a call must pass it (an optional one defaults to nil).
    public var isRequired: Bool {
        switch self {
        case .parameter(let parameter): return parameter.required
        case .body(let body): return body.required
        }
    }
}

extension OperationModel {
    /// The client method's arguments in call order: required parameters (path first), a
    /// required body, then optional parameters, then an optional body. The one order the
    /// client emitter declares and `apigen diff` names methods by.
    public var arguments: [OperationArgument] {
        let parameters = parameters.map(OperationArgument.parameter)
        let body = requestBody.flatMap { $0.contents.isEmpty ? nil : OperationArgument.body($0) }
        let required = parameters.filter(\.isRequired) + (body.map { $0.isRequired ? [$0] : [] } ?? [])
        let optional = parameters.filter { !$0.isRequired } + (body.map { $0.isRequired ? [] : [$0] } ?? [])
        return required + optional
    }
}

extension OperationModel {
    /// Whether the spec marks it safe to repeat whatever its method (`x-apigen-idempotent: true`):
    /// clients retry it like a GET.
    public var isMarkedIdempotent: Bool {
        extensions.contains { $0.name == "x-apigen-idempotent" && $0.value == .bool(true) }
    }
}
