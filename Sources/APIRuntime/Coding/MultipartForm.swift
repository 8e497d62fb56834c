/// A `multipart/form-data` body, built part by part.
///
/// ```swift
/// var form = MultipartForm()
/// form.append("name", text: "rex")
/// form.append("photo", data: jpeg, contentType: "image/jpeg", filename: "rex.jpg")
/// ```
public struct MultipartForm: Sendable {
    /// One part.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var bytes: [UInt8]
    }

    /// The parts, in order.
    public private(set) var parts: [Part] = []
    /// The boundary between parts.
    public let boundary: String

    /// An empty form with a random boundary.
    public init(boundary: String = "apigen-" + UUID().uuidString.lowercased()) {
        self.boundary = boundary
    }

    /// Adds a text field; nil adds nothing.
    public mutating func append(_ name: String, text: (some ParameterValue)?) {
        guard let text else { return }
        parts.append(Part(name: name, filename: nil, contentType: nil, bytes: Array(text.parameterText.utf8)))
    }

    /// Adds bytes, as a file when a filename is given; nil adds nothing.
    public mutating func append(_ name: String, data: Data?, contentType: String = "application/octet-stream",
                                filename: String? = nil) {
        guard let data else { return }
        parts.append(Part(name: name, filename: filename ?? name, contentType: contentType, bytes: Array(data)))
    }

    /// Adds a value as a JSON part; nil adds nothing.
    public mutating func append(_ name: String, json: (some Encodable)?) throws {
        guard let json else { return }
        parts.append(Part(name: name, filename: nil, contentType: "application/json",
                          bytes: Array(try JSONCoding.encoder().encode(json))))
    }

    /// The `Content-Type` header value.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.quoted(filename))\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            head += "\r\n"
            out += Array(head.utf8) + part.bytes + Array("\r\n".utf8)
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    /// Parses a body made with the given boundary (what a server receives).
    public static func parse(_ bytes: [UInt8], boundary: String) -> [Part]? {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var sections: [ArraySlice<UInt8>] = []
        var rest = bytes[...]
        guard let first = rest.firstRange(of: delimiter) else { return nil }
        rest = rest[first.upperBound...]
        while let next = rest.firstRange(of: delimiter) {
            sections.append(rest[..<next.lowerBound])
            rest = rest[next.upperBound...]
        }
        for section in sections {
            var body = section
            if body.starts(with: [13, 10]) { body = body.dropFirst(2) }
            if body.reversed().starts(with: [10, 13]) { body = body.dropLast(2) }
            guard let split = body.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: body[..<split.lowerBound], as: UTF8.self)
            var part = Part(name: "", filename: nil, contentType: nil, bytes: Array(body[split.upperBound...]))
            for line in head.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = attribute("name", in: String(line)) ?? ""
                    part.filename = attribute("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        return parts
    }

    private static func attribute(_ name: String, in line: String) -> String? {
        guard let range = line.range(of: "; \(name)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
