/// The JSON encoders and decoders generated code uses: ISO 8601 dates (with or without
/// fractional seconds), slashes unescaped.
public enum JSONCoding {
    /// A decoder for response and request bodies.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    /// An encoder for request and response bodies.
    public static func encoder(sortedKeys: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.withoutEscapingSlashes, .sortedKeys] : [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(from: date))
        }
        return encoder
    }
}

/// ISO 8601 date-times, as OpenAPI's `date-time` format means them (RFC 3339).
public enum ISO8601 {
    /// Parses `2024-05-01T12:00:00Z`, with or without fractional seconds, any offset.
    public static func date(from text: String) -> Date? {
        let plain = Date.ISO8601FormatStyle()
        if let date = try? plain.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    /// Formats in UTC, with fractional seconds only when the date has them: milliseconds, or
    /// microseconds when it has those, rounded to the nearest, so that text parsed from either
    /// form is written back as it was (`Date` holds seconds as a binary fraction: formatting
    /// that truncates writes `.981` back as `.980`).
    public static func string(from date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micros / 1_000_000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        let fraction = Int(micros - seconds * 1_000_000)
        guard fraction > 0, whole.hasSuffix("Z") else { return whole }
        let digits = fraction % 1000 == 0 ? String(fraction / 1000) : String(fraction)
        let padded = String(repeating: "0", count: (fraction % 1000 == 0 ? 3 : 6) - digits.count) + digits
        return whole.dropLast() + "." + padded + "Z"
    }
}
