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

    /// The arguments of an operation's method, in the model's call order (``OperationModel/arguments``).
    static func ordered(_ operation: OperationModel) -> [ClientArgument] {
        operation.arguments.map { argument in
            switch argument {
            case .parameter(let parameter):
                return ClientArgument(label: parameter.swiftName, type: parameter.type, parameter: parameter, isOptional: !parameter.required)
            case .body(let requestBody):
                let content = preferred(requestBody.contents)
                return ClientArgument(label: "body", type: content?.kind == .binary ? .string(format: "binary") : content?.type ?? .json,
                                      parameter: nil, isOptional: !requestBody.required)
            }
        }
    }

    /// The media type a client sends first: JSON, form, multipart, text, bytes.
    static func preferred(_ contents: [ContentModel]) -> ContentModel? {
        let order: [MediaKind] = [.json, .form, .multipart, .text, .binary]
        return order.lazy.compactMap { kind in contents.first { $0.kind == kind } }.first
    }
}
