import APIModel

/// A client method's arguments, in call order: required parameters (path first), a required
/// body, then optional parameters defaulting to nil, then an optional body.
struct OperationSignature {
    /// One argument.
    struct Argument {
        /// The label, unescaped.
        var label: String
        /// The Swift type as written in the declaration (with `?` when optional).
        var type: String
        /// Whether it defaults to nil.
        var isOptional: Bool
        /// The parameter it carries, or nil for the body.
        var parameter: ParameterModel?
        /// The doc line for it.
        var doc: String
    }

    /// Which end of the call the arguments are for: a client sends a binary body from a stream
    /// (`HTTPBody`); a server stub's handler gets it whole (`Data`).
    enum Side {
        case client, server
    }

    let operation: OperationModel
    let arguments: [Argument]
    /// The request body content the client sends (JSON first), when there is a body.
    let body: ContentModel?

    init(_ operation: OperationModel, side: Side) {
        self.operation = operation
        let body = operation.requestBody.flatMap { ContentModel.preferred($0.contents) }
        self.body = body
        arguments = operation.arguments.map { argument in
            switch argument {
            case .parameter(let parameter):
                let type = SwiftTypes.name(parameter.type.nonNullable)
                return Argument(label: parameter.swiftName, type: parameter.required ? type : type + "?",
                                isOptional: !parameter.required, parameter: parameter, doc: Self.doc(parameter))
            case .body(let requestBody):
                // `arguments` lists a body only when it has contents, so `preferred` found one.
                let type = body.map { side == .client && $0.kind == .binary ? "HTTPBody" : Self.bodyType($0) } ?? "JSONValue"
                let doc = DocComment.firstLine(requestBody.description) ?? "The request body."
                return Argument(label: "body", type: requestBody.required ? type : type + "?",
                                isOptional: !requestBody.required, parameter: nil, doc: doc)
            }
        }
    }

    /// `repository: String, onlyActiveTags: Bool? = nil`
    var declaration: String {
        Self.declaration(arguments)
    }

    /// The declaration of some arguments.
    static func declaration(_ arguments: [Argument]) -> String {
        arguments.map { "\(SwiftName.escapedLabel($0.label)): \($0.type)\($0.isOptional ? " = nil" : "")" }
            .joined(separator: ", ")
    }

    /// `repository: repository, onlyActiveTags: onlyActiveTags`, replacing some arguments.
    func forwarding(replacing replacements: [String: String] = [:]) -> String {
        arguments.map { argument in
            "\(SwiftName.escapedLabel(argument.label)): \(replacements[argument.label] ?? SwiftName.escaped(argument.label))"
        }.joined(separator: ", ")
    }

    /// The Swift type of a body a server reads or writes whole (a client's streamed binary
    /// body is `HTTPBody`): `Data` for bytes, `String` for text, `ServerSentEvents<Payload>` for
    /// an event stream.
    static func bodyType(_ content: ContentModel, namespace: String? = nil) -> String {
        switch content.kind {
        case .binary: return "Data"
        case .text: return "String"
        case .eventStream: return "ServerSentEvents<\(eventPayload(content.type, namespace: namespace))>"
        default: return content.type.map { SwiftTypes.name($0, namespace: namespace) } ?? "JSONValue"
        }
    }

    /// The type of one event's data: the text itself for a string schema or none, else the
    /// schema's type, decoded from JSON.
    static func eventPayload(_ type: TypeRef?, namespace: String? = nil) -> String {
        guard let type, type.nonNullable != .string(format: nil) else { return "String" }
        return SwiftTypes.name(type.nonNullable, namespace: namespace)
    }

    private static func doc(_ parameter: ParameterModel) -> String {
        var text = parameter.description.map { DocComment.clean($0).replacing("\n", with: " ") } ?? "`\(parameter.name)`"
        if parameter.location != .query || parameter.swiftName != parameter.name {
            text += " (\(parameter.location.rawValue) `\(parameter.name)`)"
        }
        if parameter.segments > 1 { text += " Spans \(parameter.segments) path segments, such as `namespace/name`." }
        if let value = parameter.defaultValue, !text.lowercased().contains("default") { text += " Default: `\(value.jsonText)`." }
        return text
    }
}
