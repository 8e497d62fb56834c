import APIRuntime
import Testing

/// What the server stubs check beyond decoding, with the exact words of each refusal.
@Suite struct BodyShapeTests {
    static let limit: BodyShape = .object([
        "type": .value,
        "threshold_percent": .integer(ValueRules(minimum: 1, maximum: 100)),
        "note": .nullable(.checked(ValueRules(maxLength: 5))),
        "labels": .list(.checked(ValueRules(pattern: "^[a-z]+$")), ValueRules(maxItems: 2, uniqueItems: true)),
        "extra": .any,
        "child": .type { limit },
    ])

    func problem(_ json: String) throws -> String? {
        Self.limit.problem(in: try JSONValue(parsing: Array(json.utf8)))
    }

    @Test(arguments: [
        (#"{"type": "Warning", "threshold_percent": 50}"#, nil),
        (#"{"type": "Warning", "threshold_percent": 50.0, "note": null, "extra": null}"#, nil),
        (#"{"unknown": null}"#, nil),
        (#"{"type": null}"#, "'type' must not be null"),
        (#"{"threshold_percent": null}"#, "'threshold_percent' must not be null"),
        (#"{"threshold_percent": 0}"#, "'threshold_percent' must be at least 1, not 0"),
        (#"{"threshold_percent": 101}"#, "'threshold_percent' must be at most 100, not 101"),
        (#"{"threshold_percent": 1.5}"#, "'threshold_percent' must be a whole number from -9223372036854775808 to 9223372036854775807, not 1.5"),
        (#"{"threshold_percent": -276441347117756312453120}"#,
         "'threshold_percent' must be a whole number from -9223372036854775808 to 9223372036854775807, not -2.764413471177563e+23"),
        (#"{"note": "too long"}"#, "'note' must be at most 5 characters long, not 8"),
        (#"{"note": "ümläu"}"#, nil),
        (#"{"labels": ["a", "B"]}"#, "'labels[1]' must match the pattern ^[a-z]+$, not 'B'"),
        (#"{"labels": ["a", "b", "c"]}"#, "'labels' must have at most 2 items, not 3"),
        (#"{"labels": ["a", "a"]}"#, "'labels' must not repeat an item"),
        (#"{"child": {"child": {"type": null}}}"#, "'child.child.type' must not be null"),
        (#"{"threshold_percent": "fifty"}"#, nil),
        (#"{"type": null, "threshold_percent": 0}"#, "'threshold_percent' must be at least 1, not 0"),
    ] as [(String, String?)])
    func checksWhatDecodingCannot(_ json: String, _ expected: String?) throws {
        #expect(try problem(json) == expected)
    }

    @Test func theBodyItselfIsNamed() throws {
        let list: BodyShape = .list(.value, ValueRules(minItems: 1))
        #expect(list.problem(in: .array([])) == "the body must have at least 1 item, not 0")
        #expect(BodyShape.value.problem(in: .null) == "the body must not be null")
        #expect(BodyShape.map(.integer(ValueRules(exclusiveMinimum: 0))).problem(in: .object(["b": .int(0), "a": .int(1)]))
                == "'b' must be more than 0, not 0")
    }

    @Test func rulesForParameterText() {
        let rules = ValueRules(minimum: 1, maximum: 100)
        #expect(rules.problem(number: 0.5) == "must be at least 1, not 0.5")
        #expect(ValueRules(multipleOf: 5).problem(number: 7) == "must be a multiple of 5, not 7")
        #expect(ValueRules(exclusiveMaximum: 10).problem(number: 10) == "must be less than 10, not 10")
        #expect(ValueRules(minLength: 2).problem(text: "a") == "must be at least 2 characters long, not 1")
        #expect(ValueRules(maxLength: 1).problem(text: "ab") == "must be at most 1 character long, not 2")
        #expect(ValueRules(pattern: "^(like|eq):").problem(text: "like:x") == nil)
        #expect(ValueRules(pattern: "[").problem(text: "anything") == nil, "a pattern that does not compile is not enforced")
        #expect(ValueRules(minItems: 1).problem(count: 0) == "must have at least 1 item, not 0")
    }
}
