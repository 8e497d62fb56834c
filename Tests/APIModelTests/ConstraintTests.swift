import APIModel
import Testing

/// Constraints as the server stubs check them, and the samples made to keep them.
@Suite struct ConstraintTests {
    func constraints(_ build: (inout Constraints) -> Void) -> Constraints {
        var constraints = Constraints()
        build(&constraints)
        return constraints
    }

    @Test(arguments: [
        // Real patterns from spec/quay.yaml and the corpus.
        "^(like|eq):",
        "^[^/]+/[^/]+$",
        "^evt_[a-z0-9]{24}$",
        #"^([a-z0-9]+(?:[._-][a-z0-9]+)*)$"#,
        #"^[a-z0-9][\.a-z0-9_-]{0,254}$"#,
        #"^sha256:[a-f0-9]{64}$"#,
        #"^\d{4}-\d{2}-\d{2}$"#,
        #"^[A-Z]{3}$"#,
        #"^(?<scheme>https?)://[^\s]+$"#,
        "^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$",
        #"^(\+|-)?\d+(\.\d+)?$"#,
        "[a-z]{2,}",
        "^a{2}b?c*$",
    ])
    func aSampleMatchesThePattern(_ pattern: String) throws {
        let fitted = constraints { $0.pattern = pattern }.fitted(.string("p value/é?#%"))
        let text = try #require(fitted.stringValue)
        #expect(text.firstMatch(of: try Regex(pattern)) != nil, "\(text) for \(pattern)")
    }

    @Test func aSampleThatAlreadyFitsIsKept() {
        let repository = constraints { $0.pattern = "^[^/]+/[^/]+$" }
        #expect(repository.fitted(.string("quay admin/bü sy?box")) == .string("quay admin/bü sy?box"))
    }

    @Test func patternsAndLengthsTogether() throws {
        let name = constraints {
            $0.pattern = #"^([a-z0-9]+(?:[._-][a-z0-9]+)*)$"#
            $0.minLength = 2
            $0.maxLength = 255
        }
        let text = try #require(name.fitted(.string("s-name é&=?")).stringValue)
        #expect(name.admits(.string(text)))
        #expect(text.count >= 2)
    }

    @Test func whatCannotBeReadIsLeftAlone() {
        // A back-reference: the sample stays, and the round trip reports the refusal.
        let backReference = constraints { $0.pattern = #"^(a)\1$"# }
        #expect(backReference.fitted(.string("x")) == .string("x"))
    }

    @Test func numbersMoveInsideTheBounds() {
        #expect(constraints { $0.minimum = 300 }.fitted(.int(42)) == .int(300))
        #expect(constraints { $0.maximum = 10 }.fitted(.int(42)) == .int(10))
        #expect(constraints { $0.exclusiveMinimum = 100 }.fitted(.int(42)) == .int(101))
        #expect(constraints { $0.minimum = 1; $0.maximum = 100 }.fitted(.int(42)) == .int(42))
        #expect(constraints { $0.multipleOf = 5 }.fitted(.int(42)) == .int(45))
        #expect(constraints { $0.exclusiveMaximum = 1 }.fitted(.double(1.5)) == .double(0.5))
        #expect(constraints { $0.minimum = 5; $0.maximum = 4 }.fitted(.int(42)) == .int(42), "no value fits")
    }

    @Test func textsAndListsFitTheirLengths() {
        #expect(constraints { $0.maxLength = 3 }.fitted(.string("abcdef")) == .string("abc"))
        #expect(constraints { $0.minLength = 4 }.fitted(.string("ab")) == .string("abxx"))
        #expect(constraints { $0.minItems = 3; $0.uniqueItems = true }.fitted(.array([.string("a")]))
                == .array([.string("a"), .string("a1"), .string("a2")]))
        #expect(constraints { $0.maxItems = 1 }.fitted(.array([.int(1), .int(2)])) == .array([.int(1)]))
    }

    @Test func admitsAsTheStubsCheck() {
        let bounds = constraints { $0.minimum = 1; $0.maximum = 100 }
        #expect(bounds.admits(.int(100)))
        #expect(!bounds.admits(.int(101)))
        #expect(bounds.admits(.string("text")), "a bound does not apply to text")
        #expect(!constraints { $0.pattern = "^a" }.admits(.string("ba")))
        #expect(constraints { $0.pattern = "a" }.admits(.string("ba")), "a pattern is searched for, not matched whole")
        #expect(constraints { $0.pattern = "[" }.admits(.string("x")), "a pattern that does not compile is kept")
    }
}
