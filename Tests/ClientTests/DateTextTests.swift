import APIRuntime
import Foundation
import Testing

/// `date-time` text read and written back: the same text, whatever fraction of a second it has.
@Suite struct DateTextTests {
    @Test(arguments: [
        "2021-04-26T08:12:13Z", "2021-04-26T08:12:13.981Z", "2021-04-26T08:12:13.001Z", "2021-04-26T08:12:13.123456Z",
        "2021-04-26T08:12:13.000001Z", "1969-12-31T23:59:59.250Z", "2262-01-01T00:00:00.999Z",
    ])
    func textComesBackAsItWas(_ text: String) throws {
        let date = try #require(ISO8601.date(from: text))
        #expect(ISO8601.string(from: date) == text)
    }

    @Test func fractionsAreWrittenInMillisecondsOrMicroseconds() throws {
        #expect(ISO8601.string(from: try #require(ISO8601.date(from: "2024-05-01T12:00:00.5Z"))) == "2024-05-01T12:00:00.500Z")
        #expect(ISO8601.string(from: try #require(ISO8601.date(from: "2024-05-01T14:00:00+02:00"))) == "2024-05-01T12:00:00Z")
    }

    /// What a client sends in a body and a server decodes: the same instant, to the microsecond.
    @Test func jsonCodingKeepsTheInstant() throws {
        let date = try #require(ISO8601.date(from: "2021-04-26T08:12:13.981Z"))
        let data = try JSONCoding.encoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2021-04-26T08:12:13.981Z"]"#)
        #expect(try JSONCoding.decoder().decode([Date].self, from: data) == [date])
    }
}
