/// One request reaching a generated server handler: typed reads of its parameters and body,
/// each failing with a 400 ``HTTPProblem`` that names what is wrong, and the response writers.
public struct ServerCall: Sendable {
    /// The request.
    public let request: HTTPRequest
    /// The body as received (already bounded by the size limit).
    public let body: [UInt8]?
    /// The path captures the transport parsed.
    public let pathParameters: [String: Substring]
    /// The operation.
    public let operationID: String
    /// The caller, when the operation required credentials and an authorizer was set.
    public let principal: Principal?
    let errorBody: (@Sendable (HTTPProblem) -> JSONValue)?
    let fallback: ServerOptions.Fallback?
    private let queryItems: [(name: String, value: String)]

    init(request: HTTPRequest, body: [UInt8]?, pathParameters: [String: Substring], operationID: String,
         principal: Principal?, errorBody: (@Sendable (HTTPProblem) -> JSONValue)?, fallback: ServerOptions.Fallback?) throws {
        self.fallback = fallback
        self.request = request
        self.body = body
        self.pathParameters = pathParameters
        self.operationID = operationID
        self.principal = principal
        self.errorBody = errorBody
        var items: [(String, String)] = []
        if let path = request.path, let mark = path.firstIndex(of: "?") {
            for pair in path[path.index(after: mark)...].split(separator: "&") where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = PercentEncoding.decode(parts[0], plusIsSpace: true),
                      let value = PercentEncoding.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else {
                    throw HTTPProblem.badRequest("the query has a malformed escape in '\(pair)'")
                }
                items.append((name, value))
            }
        }
        self.queryItems = items
    }

    // MARK: Parameters

    /// A path parameter. A value spanning `segments` segments was registered as that many
    /// captures (`name`, `name_2`, ...) and is joined back with `/`. `rules` are the spec's
    /// (bounds, lengths, a pattern), checked on the value.
    public func path<T: ParameterDecodable>(_ name: String, segments: Int = 1, as type: T.Type, rules: ValueRules? = nil) throws -> T {
        var pieces: [String] = []
        for index in 1...max(1, segments) {
            let key = index == 1 ? name : "\(name)_\(index)"
            guard let raw = pathParameters[key] else { throw HTTPProblem.badRequest("missing path parameter '\(name)'") }
            guard let piece = PercentEncoding.decode(raw) else {
                throw HTTPProblem.badRequest("path parameter '\(name)' has a malformed escape")
            }
            pieces.append(piece)
        }
        return try convert(pieces.joined(separator: "/"), T.self, what: "path parameter '\(name)'", rules: rules)
    }

    /// A query parameter; nil when absent. `rules` are the spec's, checked on the value.
    public func query<T: ParameterDecodable>(_ name: String, as type: T.Type, rules: ValueRules? = nil) throws -> T? {
        guard let text = queryItems.last(where: { $0.name == name })?.value else { return nil }
        return try convert(text, T.self, what: "query parameter '\(name)'", rules: rules)
    }

    /// An array query parameter: repeated (`tag=a&tag=b`) when exploded, else comma-separated.
    /// `rules` are the spec's for the list (item counts).
    public func query<T: ParameterDecodable>(_ name: String, as type: [T].Type, explode: Bool = true,
                                             rules: ValueRules? = nil) throws -> [T]? {
        let values = queryItems.filter { $0.name == name }.map(\.value)
        guard !values.isEmpty else { return nil }
        let texts = explode ? values : values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return try list(texts, T.self, what: "query parameter '\(name)'", rules: rules)
    }

    /// A header; nil when absent. `rules` are the spec's, checked on the value.
    public func header<T: ParameterDecodable>(_ name: String, as type: T.Type, rules: ValueRules? = nil) throws -> T? {
        guard let field = HTTPField.Name(name), let text = request.headerFields[field] else { return nil }
        return try convert(text, T.self, what: "header '\(name)'", rules: rules)
    }

    /// A comma-separated header. `rules` are the spec's for the list (item counts).
    public func header<T: ParameterDecodable>(_ name: String, as type: [T].Type, rules: ValueRules? = nil) throws -> [T]? {
        guard let field = HTTPField.Name(name), let text = request.headerFields[field] else { return nil }
        let texts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return try list(texts, T.self, what: "header '\(name)'", rules: rules)
    }

    /// A cookie; nil when absent. `rules` are the spec's, checked on the value.
    public func cookie<T: ParameterDecodable>(_ name: String, as type: T.Type, rules: ValueRules? = nil) throws -> T? {
        guard let header = request.headerFields[.cookie] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == name else { continue }
            return try convert(PercentEncoding.decode(parts[1]) ?? String(parts[1]), T.self, what: "cookie '\(name)'", rules: rules)
        }
        return nil
    }

    /// A structured query parameter (an object, a list of objects, a union of scalars) in an
    /// OpenAPI style: deepObject's bracket fields (`card[exp_month]=12`), a delimited or
    /// repeated list, or one value read as the type wants it. Nil when absent.
    public func query<T: Decodable>(_ name: String, decoding type: T.Type, style: ParameterStyle, explode: Bool) throws -> T? {
        let what = "query parameter '\(name)'"
        if style == .deepObject {
            let fields = queryItems.filter { StyledText.tokens($0.name).first == name }
            guard !fields.isEmpty, let value = StyledText.tree(fields)[name] else { return nil }
            return try decodeText(value, T.self, what: what)
        }
        let values = queryItems.filter { $0.name == name }.map(\.value)
        guard !values.isEmpty else { return nil }
        let separator: Character? = explode && style == .form ? nil
            : style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
        let texts = separator.map { separator in
            values.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        } ?? values
        return try decodeText(texts.count == 1 ? .string(texts[0]) : .array(texts.map(JSONValue.string)), T.self, what: what)
    }

    /// An object parameter in exploded form style: its properties are query fields of their own
    /// (`name=x&age=3`), apart from those `excluding` names (the other query parameters). Nil
    /// when none of the query's fields is one of them.
    public func queryFields<T: Codable>(as type: T.Type, excluding others: Set<String> = []) throws -> T? {
        let fields = queryItems.filter { !others.contains(StyledText.tokens($0.name)[0]) }
        guard !fields.isEmpty else { return nil }
        let value = try decodeText(StyledText.tree(fields), T.self, what: "the query")
        return try JSONValue(encoding: value) == .object([:]) ? nil : value
    }

    /// A structured path parameter (a union of scalars, a list) in `simple` style.
    public func path<T: Decodable>(_ name: String, segments: Int = 1, decoding type: T.Type) throws -> T {
        let text = try path(name, segments: segments, as: String.self)
        return try decodeText(simpleValue(text), T.self, what: "path parameter '\(name)'")
    }

    /// A structured header (a union of scalars, a list) in `simple` style; nil when absent.
    public func header<T: Decodable>(_ name: String, decoding type: T.Type) throws -> T? {
        guard let text = try header(name, as: String.self) else { return nil }
        return try decodeText(simpleValue(text), T.self, what: "header '\(name)'")
    }

    /// A structured cookie (the plain value of a union of scalars); nil when absent.
    public func cookie<T: Decodable>(_ name: String, decoding type: T.Type) throws -> T? {
        guard let text = try cookie(name, as: String.self) else { return nil }
        return try decodeText(.string(text), T.self, what: "cookie '\(name)'")
    }

    /// `a,b` is a list; one value is a leaf (which a list type reads as a list of one).
    private func simpleValue(_ text: String) -> JSONValue {
        text.contains(",") ? .array(text.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
            : .string(text)
    }

    private func decodeText<T: Decodable>(_ tree: JSONValue, _ type: T.Type, what: String) throws -> T {
        do {
            return try TextTreeDecoder(rejectsUnknownValues: true).decode(T.self, from: tree)
        } catch let error as DecodingError {
            throw HTTPProblem.badRequest("\(what): \(StrictDecoding.describe(error))")
        }
    }

    /// A parameter the spec requires: a 400 names it when it is missing.
    public func required<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw HTTPProblem.badRequest("missing required \(what)") }
        return value
    }

    /// A parameter sent as JSON text (`content` parameters and objects).
    public func json<T: Decodable>(_ text: String?, as type: T.Type, what: String) throws -> T? {
        guard let text else { return nil }
        do {
            return try StrictDecoding.decode(T.self, from: Array(text.utf8))
        } catch let error as DecodingError {
            throw HTTPProblem.badRequest("\(what): \(StrictDecoding.describe(error))")
        }
    }

    private func convert<T: ParameterDecodable>(_ text: String, _ type: T.Type, what: String, rules: ValueRules? = nil) throws -> T {
        guard let value = T(parameterText: text) else {
            throw HTTPProblem.badRequest("\(what) must be \(ParameterKind.describe(T.self, text: text)), not '\(text)'")
        }
        if let open = value as? any OpenEnum, !open.isKnown {
            throw HTTPProblem.badRequest("\(what) must be one of \(open.knownValues.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'")
        }
        if let problem = rules?.problem(parameterText: text) { throw HTTPProblem.badRequest("\(what) \(problem)") }
        return value
    }

    /// The items of a list parameter, each converted, and the list's rules (item counts) checked.
    private func list<T: ParameterDecodable>(_ texts: [String], _ type: T.Type, what: String, rules: ValueRules?) throws -> [T] {
        if let problem = rules?.problem(count: texts.count) { throw HTTPProblem.badRequest("\(what) \(problem)") }
        if rules?.uniqueItems == true, Set(texts).count != texts.count {
            throw HTTPProblem.badRequest("\(what) must not repeat an item")
        }
        return try texts.map { try convert($0, T.self, what: what) }
    }

    // MARK: Bodies

    /// The body's media type without parameters, lowercased.
    public var contentType: String? {
        request.headerFields[.contentType].map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces).lowercased() }
    }

    private var hasBody: Bool { !(body ?? []).isEmpty }

    /// Whether the request has a body whose media type is one of these (wildcards and
    /// `+json` suffixes allowed).
    public func bodyMatches(_ mediaTypes: [String]) -> Bool {
        guard hasBody, let type = contentType else { return false }
        return mediaTypes.contains { MediaTypeMatch.matches(type, $0) }
    }

    /// Checks the body is present when required and of an accepted media type (415 when not).
    public func checkBody(required: Bool, accepted mediaTypes: [String]) throws -> Bool {
        guard hasBody else {
            if required { throw HTTPProblem.badRequest("the request body is required") }
            return false
        }
        guard bodyMatches(mediaTypes) else { throw HTTPProblem.unsupportedMediaType(contentType, accepted: mediaTypes) }
        return true
    }

    /// The JSON body checked against its shape (`null` where the spec does not allow it, and
    /// each field's rules), then decoded strictly: each problem is a 400 naming the field.
    public func jsonBody<T: Decodable>(_ type: T.Type, shape: BodyShape) throws -> T {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body ?? [])
        } catch {
            throw HTTPProblem.badRequest("body: malformed JSON")
        }
        if let problem = shape.problem(in: value) { throw HTTPProblem.badRequest("body: \(problem)") }
        return try jsonBody(type)
    }

    /// The JSON body decoded strictly: unknown enum values, missing required fields and wrong
    /// types are 400s naming the field.
    public func jsonBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try StrictDecoding.decode(T.self, from: body ?? [])
        } catch let error as DecodingError {
            throw HTTPProblem.badRequest("body: \(StrictDecoding.describe(error))")
        }
    }

    /// A form-urlencoded body.
    public func formBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try FormEncoding.decode(T.self, from: String(decoding: body ?? [], as: UTF8.self), rejectingUnknownValues: true)
        } catch let error as DecodingError {
            throw HTTPProblem.badRequest("form body: \(StrictDecoding.describe(error))")
        }
    }

    /// A multipart body: text parts become fields, file parts bytes.
    public func multipartBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard let header = request.headerFields[.contentType],
              let boundary = header.split(separator: ";").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("boundary=") })
                .map({ $0.trimmingCharacters(in: .whitespaces).dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }),
              let parts = MultipartForm.parse(body ?? [], boundary: boundary) else {
            throw HTTPProblem.badRequest("the multipart body is malformed")
        }
        var members: [String: JSONValue] = [:]
        for part in parts {
            if part.filename != nil || (part.contentType.map { !$0.hasPrefix("text/") && $0 != "application/json" } ?? false) {
                members[part.name] = .string(Data(part.bytes).base64EncodedString())
            } else if part.contentType == "application/json", let value = try? JSONValue(parsing: part.bytes) {
                members[part.name] = value
            } else {
                members[part.name] = .string(String(decoding: part.bytes, as: UTF8.self))
            }
        }
        do {
            return try TextTreeDecoder(rejectsUnknownValues: true).decode(T.self, from: .object(members))
        } catch let error as DecodingError {
            throw HTTPProblem.badRequest("multipart body: \(StrictDecoding.describe(error))")
        }
    }

    /// The raw body.
    public func bytesBody() -> Data { Data(body ?? []) }

    /// The body as text.
    public func textBody() -> String { String(decoding: body ?? [], as: UTF8.self) }

    // MARK: Responses

    /// A JSON response.
    public func json(_ status: Int, _ value: some Encodable, contentType: String = "application/json",
                     headers: HTTPFields = HTTPFields()) throws -> (HTTPResponse, HTTPBody?) {
        respond(status, bytes: Array(try JSONCoding.encoder().encode(value)), contentType: contentType, headers: headers)
    }

    /// A response with no body.
    public func empty(_ status: Int, headers: HTTPFields = HTTPFields()) -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: .init(code: status), headerFields: headers), nil)
    }

    /// A response of raw bytes.
    public func bytes(_ status: Int, _ data: Data, contentType: String, headers: HTTPFields = HTTPFields()) -> (HTTPResponse, HTTPBody?) {
        respond(status, bytes: Array(data), contentType: contentType, headers: headers)
    }

    /// A text response.
    public func text(_ status: Int, _ text: String, contentType: String = "text/plain", headers: HTTPFields = HTTPFields()) -> (HTTPResponse, HTTPBody?) {
        respond(status, bytes: Array(text.utf8), contentType: contentType, headers: headers)
    }

    /// A `text/event-stream` response: each event is written as the handler's stream yields it,
    /// and the response ends when the stream does.
    public func events<Payload: Encodable>(_ status: Int, _ events: ServerSentEvents<Payload>,
                                           headers: HTTPFields = HTTPFields()) -> (HTTPResponse, HTTPBody?) {
        var fields = headers
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-cache"
        return (HTTPResponse(status: .init(code: status), headerFields: fields), events.httpBody())
    }

    /// Any JSON value, or no body.
    public func any(_ status: Int, _ value: JSONValue?, headers: HTTPFields = HTTPFields()) throws -> (HTTPResponse, HTTPBody?) {
        guard let value else { return empty(status, headers: headers) }
        return try json(status, value, headers: headers)
    }

    /// The response for a problem: its status, and the spec's error body.
    public func problem(_ problem: HTTPProblem) -> (HTTPResponse, HTTPBody?) {
        ServerRouting.response(for: problem, errorBody: errorBody)
    }

    private func respond(_ status: Int, bytes: [UInt8], contentType: String, headers: HTTPFields) -> (HTTPResponse, HTTPBody?) {
        var fields = headers
        fields[.contentType] = contentType
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(bytes))
    }
}

/// Media type ranges: `application/json` matches itself, `*/*`, `application/*`, and
/// `application/*+json` style suffixes.
enum MediaTypeMatch {
    static func matches(_ given: String, _ accepted: String) -> Bool {
        let accepted = accepted.lowercased().split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        if accepted == "*/*" || accepted == given { return true }
        let acceptedParts = accepted.split(separator: "/"), givenParts = given.split(separator: "/")
        guard acceptedParts.count == 2, givenParts.count == 2, acceptedParts[0] == givenParts[0] else { return false }
        return acceptedParts[1] == "*"
    }
}

/// What kind of text a parameter type wants, for messages.
enum ParameterKind {
    /// `an integer`; for digits too many for the type, the range it holds.
    static func describe(_ type: Any.Type, text: String) -> String {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return describe(type) }
        switch type {
        case is Int.Type, is Int64.Type: return "an integer from \(Int64.min) to \(Int64.max)"
        case is Int32.Type: return "an integer from \(Int32.min) to \(Int32.max)"
        default: return describe(type)
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int32.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "an ISO 8601 date-time"
        case is Data.Type: return "base64"
        default: return "a valid value"
        }
    }
}

/// Generated enums: `unknown(...)` marks a value the spec does not list.
public protocol OpenEnum: Sendable {
    /// Whether the spec lists this value.
    var isKnown: Bool { get }
    /// The values the spec lists, as text, for messages.
    var knownValues: [String] { get }
}
