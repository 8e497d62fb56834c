/// A request being built by a generated client method: the path piece by piece, then query,
/// headers, cookies and body. Every value is percent-encoded here, in one place.
public struct APIRequest: Sendable {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The operation's id, passed to middlewares and transports.
    public var operationID: String
    /// The path so far, percent-encoded.
    public private(set) var encodedPath = ""
    /// The query so far: encoded `name=value` pairs.
    public private(set) var queryItems: [String] = []
    /// Header fields.
    public var headerFields = HTTPFields()
    /// The body, if any, when it is all in memory.
    public private(set) var body: [UInt8]?
    /// The body, when it is streamed (``stream(_:contentType:)``) instead.
    public private(set) var bodyStream: HTTPBody?
    private var cookies: [String] = []

    /// Starts a request.
    public init(_ method: HTTPRequest.Method, operationID: String) {
        self.method = method
        self.operationID = operationID
    }

    // MARK: Path

    /// Appends literal path text from the spec, as it is.
    public mutating func path(_ literal: String) {
        encodedPath += literal
    }

    /// Appends a path parameter, percent-encoded. A value spanning `segments` segments
    /// (`x-apigen-segments`) keeps its first `segments - 1` slashes unescaped, each piece
    /// still percent-encoded, so `quayadmin/busybox` goes out as two segments.
    public mutating func pathParameter(_ value: some ParameterValue, segments: Int = 1) {
        let text = value.parameterText
        if segments > 1 {
            let pieces = text.split(separator: "/", maxSplits: segments - 1, omittingEmptySubsequences: false)
            encodedPath += pieces.map { PercentEncoding.encode(String($0)) }.joined(separator: "/")
        } else {
            encodedPath += PercentEncoding.encode(text)
        }
    }

    // MARK: Query

    /// Adds `name=value`; nil adds nothing.
    public mutating func query(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        queryItems.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value.parameterText))
    }

    /// Adds an array in form style: `name=a&name=b` when exploded, `name=a,b` when not.
    public mutating func query(_ name: String, _ values: [some ParameterValue]?, explode: Bool = true) {
        guard let values else { return }
        if explode {
            for value in values { query(name, value) }
        } else {
            queryItems.append(PercentEncoding.encode(name) + "="
                              + values.map { PercentEncoding.encode($0.parameterText) }.joined(separator: ","))
        }
    }

    /// Adds a structured value (an object, an array of objects, a union of scalars) in an
    /// OpenAPI style: `card[exp_month]=12` for deepObject, its fields for an exploded form
    /// object, the plain value for a scalar. Nil adds nothing.
    public mutating func query(_ name: String, encoding value: (some Encodable)?, style: ParameterStyle,
                               explode: Bool) throws {
        guard let value else { return }
        for (key, text) in StyledText.pairs(name, try JSONValue(encoding: value), style: style, explode: explode) {
            queryItems.append(PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text))
        }
    }

    /// Appends a structured path parameter (a union of scalars, an array) in `simple` style:
    /// the plain value, or `a,b`; percent-encoded.
    public mutating func pathParameter(encoding value: some Encodable, explode: Bool = false) throws {
        encodedPath += PercentEncoding.encode(StyledText.simple(try JSONValue(encoding: value), explode: explode))
    }

    // MARK: Headers and cookies

    /// Sets a header to a structured value in `simple` style; nil sets nothing.
    public mutating func header(_ name: String, encoding value: (some Encodable)?, explode: Bool = false) throws {
        guard let value else { return }
        header(name, StyledText.simple(try JSONValue(encoding: value), explode: explode))
    }

    /// Adds a cookie of a structured value (the plain value of a union of scalars); nil adds nothing.
    public mutating func cookie(_ name: String, encoding value: (some Encodable)?) throws {
        guard let value else { return }
        cookie(name, StyledText.simple(try JSONValue(encoding: value), explode: false))
    }


    /// Sets a header; nil sets nothing. Invalid header names are skipped.
    public mutating func header(_ name: String, _ value: (some ParameterValue)?) {
        guard let value, let field = HTTPField.Name(name) else { return }
        headerFields[field] = value.parameterText
    }

    /// Sets a header to a comma-separated list; nil sets nothing.
    public mutating func header(_ name: String, _ values: [some ParameterValue]?) {
        guard let values else { return }
        header(name, values.map(\.parameterText).joined(separator: ","))
    }

    /// Adds a cookie; nil adds nothing.
    public mutating func cookie(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        cookies.append(name + "=" + PercentEncoding.encode(value.parameterText))
        headerFields[.cookie] = cookies.joined(separator: "; ")
    }

    // MARK: Body

    /// A JSON body with the spec's property names.
    public mutating func json(_ value: some Encodable, contentType: String = "application/json") throws {
        setBody(Array(try JSONCoding.encoder().encode(value)), contentType: contentType)
    }

    /// An `application/x-www-form-urlencoded` body. The properties named in `deepObject`
    /// (encoded `style: deepObject` in the spec) write their arrays as `name[]`.
    public mutating func form(_ value: some Encodable, deepObject: Set<String> = []) throws {
        setBody(Array(try FormEncoding.encode(value, deepObject: deepObject).utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// A `multipart/form-data` body.
    public mutating func multipart(_ form: MultipartForm) {
        setBody(form.bytes, contentType: form.contentType)
    }

    /// A body read as it is sent: a file, a pipe, bytes being produced. One that can be read
    /// only once (``HTTPBody/iterationBehavior`` `.single`) is never retried.
    public mutating func stream(_ body: HTTPBody, contentType: String = "application/octet-stream") {
        self.body = nil
        bodyStream = body
        headerFields[.contentType] = contentType
    }

    /// Text.
    public mutating func text(_ text: String, contentType: String = "text/plain") {
        setBody(Array(text.utf8), contentType: contentType)
    }

    private mutating func setBody(_ bytes: [UInt8], contentType: String) {
        body = bytes
        bodyStream = nil
        headerFields[.contentType] = contentType
    }

    /// Asks for a media type in the response.
    public mutating func accept(_ mediaTypes: String) {
        headerFields[.accept] = mediaTypes
    }

    // MARK: Result

    /// The HTTP request: path and query relative to the server URL.
    public var httpRequest: HTTPRequest {
        let target = queryItems.isEmpty ? encodedPath : encodedPath + "?" + queryItems.joined(separator: "&")
        return HTTPRequest(method: method, scheme: nil, authority: nil, path: target, headerFields: headerFields)
    }
}
