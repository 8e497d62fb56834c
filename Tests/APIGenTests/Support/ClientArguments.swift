import APIModel

/// A generated client method's arguments in call order, as the Swift emitter writes them:
/// required parameters, a required body, optional parameters, an optional body. The test-data
/// writers (``CallExerciser``, ``WireCallWriter``) call the methods with them.
struct ClientArgument {
    /// The label: the parameter's Swift name, or `body`.
    var label: String
    /// The value's type: the parameter's, or the body's.
    var type: TypeRef
    /// The parameter, or nil for the body.
    var parameter: ParameterModel?
    /// Whether the method lets it default to nil.
    var isOptional: Bool

    /// The arguments of an operation's method, in order.
    static func ordered(_ operation: OperationModel) -> [ClientArgument] {
        let required = operation.parameters.filter(\.required).map {
            ClientArgument(label: $0.swiftName, type: $0.type, parameter: $0, isOptional: false)
        }
        let optional = operation.parameters.filter { !$0.required }.map {
            ClientArgument(label: $0.swiftName, type: $0.type, parameter: $0, isOptional: true)
        }
        guard let requestBody = operation.requestBody, let content = preferred(requestBody.contents) else {
            return required + optional
        }
        let body = ClientArgument(label: "body", type: content.kind == .binary ? .string(format: "binary") : content.type ?? .json,
                                  parameter: nil, isOptional: !requestBody.required)
        return requestBody.required ? required + [body] + optional : required + optional + [body]
    }

    /// The media type a client sends first: JSON, form, multipart, text, bytes.
    static func preferred(_ contents: [ContentModel]) -> ContentModel? {
        let order: [MediaKind] = [.json, .form, .multipart, .text, .binary]
        return order.lazy.compactMap { kind in contents.first { $0.kind == kind } }.first
    }
}
