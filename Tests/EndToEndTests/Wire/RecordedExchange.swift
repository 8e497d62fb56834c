import APIRuntime
import Foundation
import QuayClient

/// One recorded exchange with the real Quay (`Tests/QuayRecordings/exchanges/*.json`; see the
/// README there for where they come from): the request as sent and the response as received.
struct RecordedExchange: Decodable, Sendable {
    var file: String
    var operationId: String
    /// `primary`, `real`, `error` or `setup`.
    var kind: String
    var request: RecordedRequest
    var response: RecordedResponse

    /// The folder the recordings are in.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("QuayRecordings/exchanges")

    /// Every recording, in call order.
    static func all() throws -> [RecordedExchange] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            try JSONDecoder().decode(RecordedExchange.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }
}

/// A recorded request, and the typed arguments a client call reads from it (``WireCalls``).
struct RecordedRequest: Decodable, Sendable {
    struct Pair: Decodable, Sendable, Equatable {
        var name: String
        var value: String
    }

    struct Token: Decodable, Sendable {
        var alias: String
        var scopes: [String]
    }

    var method: String
    /// The concrete path as sent, without the query.
    var path: String
    /// Path parameters as recorded: text, or numbers (a quota's id).
    var pathParams: [String: JSONValue]
    var query: [Pair]
    var contentType: String?
    /// The JSON body sent, if any.
    var json: JSONValue?
    var token: Token?

    enum CodingKeys: String, CodingKey {
        case method, path, query, token
        case json = "body"
        case pathParams = "path_params"
        case contentType = "content_type"
    }

    /// Why an argument could not be read.
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// A path parameter, typed as the argument is.
    func path<T: Decodable>(_ name: String) throws -> T {
        guard let value = pathParams[name] else { throw Missing(description: "the recording has no path parameter '\(name)'") }
        return try Self.convert(value.stringValue ?? value.description, name)
    }

    /// A query parameter, or nil when the request did not send it.
    func query<T: Decodable>(_ name: String) throws -> T? {
        try query.first { $0.name == name }.map { try Self.convert($0.value, name) }
    }

    /// Every value of a repeated query parameter, in order; nil when none was sent.
    func queryValues<Element: Decodable>(_ name: String) throws -> [Element]? {
        let values = query.filter { $0.name == name }
        return values.isEmpty ? nil : try values.map { try Self.convert($0.value, name) }
    }

    /// Header parameters: the recordings keep no request headers but the content type.
    func header<T: Decodable>(_ name: String) throws -> T? { nil }

    /// A value the operation requires.
    func required<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw Missing(description: "the recording lacks the required parameter '\(name)'") }
        return value
    }

    /// The JSON body, decoded as the operation's body type.
    func body<T: Decodable>() throws -> T {
        guard let json else { throw Missing(description: "the recording has no request body") }
        return try json.decode(as: T.self)
    }

    /// The JSON body if one was sent.
    func optionalBody<T: Decodable>() throws -> T? {
        try json.map { try $0.decode(as: T.self) }
    }

    /// Query and path values are text: `5` is an integer to an `Int` argument and text to a
    /// `String` one; `image` is an enum's raw value.
    private static func convert<T: Decodable>(_ text: String, _ name: String) throws -> T {
        if let parsed = try? JSONValue(parsing: Array(text.utf8)), let value = try? parsed.decode(as: T.self) { return value }
        do {
            return try JSONValue.string(text).decode(as: T.self)
        } catch {
            throw Missing(description: "'\(name)' = '\(text)' is not a \(T.self): \(error)")
        }
    }
}

/// A recorded response.
struct RecordedResponse: Decodable, Sendable {
    /// 0 when the server dropped the connection without answering.
    var status: Int
    var headers: [String: String]
    var bodyIsJSON: Bool
    var body: JSONValue?
    /// Set when the body was cut (JSON text past 64 KB, or arrays trimmed).
    var bodyTruncated: String?

    enum CodingKeys: String, CodingKey {
        case status, headers, body
        case bodyIsJSON = "body_is_json"
        case bodyTruncated = "body_truncated"
    }

    /// The body's bytes as Quay sent them (JSON re-serialized; text, and JSON text cut short,
    /// as it was).
    var bytes: [UInt8] {
        guard let body else { return [] }
        if isWholeJSON { return Array((try? JSONCoding.encoder().encode(body)) ?? Data()) }
        return Array((body.stringValue ?? "").utf8)
    }

    /// Whether the body is JSON text cut short (discovery's 255 KB document), which no
    /// schema can decode.
    var isCutText: Bool { bodyTruncated != nil && body?.stringValue != nil }

    /// Whether the body is JSON that can be decoded whole.
    var isWholeJSON: Bool { bodyIsJSON && body != nil && !isCutText }
}

/// What a client call returned, reduced to what the wire tests compare.
struct WireResult: Sendable {
    var status: Int
    /// The success body decoded as the spec's type and encoded again, nil for a call that
    /// returns nothing.
    var reencoded: JSONValue?
    /// Why the success body did not decode, when it did not.
    var decodingFailure: String?
    /// Whether an error response's body decoded as Quay's `ApiError`.
    var errorDecoded: Bool

    init<Body: Encodable & Sendable>(_ response: APIResponse<Body>) {
        status = response.status.code
        errorDecoded = false
        guard response.isSuccess else {
            errorDecoded = Self.isApiError(response.bytes)
            return
        }
        do {
            reencoded = try JSONValue(encoding: response.body())
        } catch {
            decodingFailure = String(describing: error)
        }
    }

    init(_ response: APIResponse<Void>) {
        status = response.status.code
        errorDecoded = response.isSuccess ? false : Self.isApiError(response.bytes)
        if response.isSuccess {
            do { try response.body() } catch { decodingFailure = String(describing: error) }
        }
    }

    /// Whether an error body decodes as Quay's `ApiError`, as `ResponseError.apiError` does it.
    private static func isApiError(_ bytes: [UInt8]) -> Bool {
        (try? JSONCoding.decoder().decode(ApiError.self, from: Data(bytes))) != nil
    }
}

extension JSONValue {
    /// The value with members that are null left out and whole doubles read as integers, so a
    /// value decoded and encoded again (where nil is omitted) compares equal to what was sent.
    var normalized: JSONValue {
        switch self {
        case .object(let members):
            return .object(members.filter { !$0.value.isNull }.mapValues(\.normalized))
        case .array(let items):
            return .array(items.map(\.normalized))
        case .double(let number) where number.rounded() == number && abs(number) < 1e15:
            return .int(Int(number))
        default:
            return self
        }
    }

    /// Where two values differ first, as a JSON pointer and both values, or nil when equal.
    func firstDifference(from other: JSONValue, at pointer: String = "") -> String? {
        switch (self, other) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let l = left[key] else { return "\(pointer)/\(key): missing after decoding (was \(right[key]!))" }
                guard let r = right[key] else { return "\(pointer)/\(key): \(l) appeared after decoding" }
                if let difference = l.firstDifference(from: r, at: pointer + "/" + key) { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return "\(pointer): \(left.count) items after decoding, \(right.count) sent" }
            for (index, pair) in zip(left, right).enumerated() {
                if let difference = pair.0.firstDifference(from: pair.1, at: "\(pointer)/\(index)") { return difference }
            }
            return nil
        default:
            return self == other ? nil : "\(pointer.isEmpty ? "/" : pointer): \(self) after decoding, \(other) sent"
        }
    }
}
