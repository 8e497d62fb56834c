@testable import RelayEventsRoundTrip
import Testing

/// `apigen round-trip` of the events-31 fixture: every operation from the generated client to
/// the generated server stubs over loopback, and every webhook and callback to the client's
/// receiver, each side decoding what the other sent.
@Suite(.serialized) struct RelayEventsRoundTripTests {
    @Test func everyExchangeAgrees() async throws {
        let outcomes = try await RoundTripMain.outcomes()
        #expect(outcomes.count == 15)  // 12 operations, 3 webhooks and callbacks
        for outcome in outcomes {
            #expect(outcome.verdict == .agree, "\(outcome.name): \(outcome.detail ?? "")")
        }
        #expect(outcomes.filter { $0.name.hasPrefix("webhook ") }.map(\.name)
                == ["webhook eventPublished", "webhook subscriptionDisabled", "webhook verifySubscriptionTarget"])
        #expect(RoundTripReport(title: "Relay Events", outcomes: outcomes).passed)
    }
}
