@testable import PaymentStylesRoundTrip
import Testing

/// `apigen round-trip` of the payments-styles fixture: deepObject queries, bracket form bodies,
/// objects in a form list and unions of scalars in paths and headers, client to server stubs;
/// and the webhook its `x-webhooks` declares, to the client's receiver.
@Suite(.serialized) struct PaymentStylesRoundTripTests {
    @Test func everyExchangeAgrees() async throws {
        let outcomes = try await RoundTripMain.outcomes()
        #expect(outcomes.map(\.name) == ["listCharges", "createCharge", "getCharge", "webhook charge.succeeded"])
        for outcome in outcomes {
            #expect(outcome.verdict == .agree, "\(outcome.name): \(outcome.detail ?? "")")
        }
        #expect(outcomes.filter(\.answerCompared).map(\.name) == ["listCharges", "createCharge", "getCharge"])
    }

    /// The harness compares for real: a value that changes on the way is reported, located.
    @Test func aValueChangedOnTheWayIsADifference() {
        #expect(JSONDifference.first(["body": ["card": ["exp_month": 12]]], ["body": ["card": ["exp_month": "12"]]])
                == #"at body.card.exp_month: sent 12, got "12""#)
        #expect(JSONDifference.first(["limit": 5], [:]) == "at limit: sent 5, got null")
        #expect(JSONDifference.first(["n": 2], ["n": 2.0]) == nil)
    }
}
