import APIRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import OpenAPIHummingbird
import RelayEventsClient
import Testing

/// The webhook receiver of a generated client (the events-31 fixture: two webhooks and a
/// callback), mounted on Hummingbird: deliveries over HTTP reach the method of the webhook
/// they are, decoded.
@Suite(.serialized) struct WebhookTests {
    struct Receiver: RelayEventsWebhooks {
        let seen: Locked<[String]>

        func eventPublished(_ payload: Event) async throws {
            let signature = try ServerCall.current?.header("Relay-Signature", as: String.self) ?? "unsigned"
            seen.withLock { $0.append("event \(payload.id) \(payload.type) from \(payload.source.service), \(signature)") }
        }

        func subscriptionDisabled(_ payload: SubscriptionDisabledRequest) async throws {
            seen.withLock { $0.append("disabled \(payload.subscriptionID) \(payload.reason.rawValue)") }
        }

        func verifySubscriptionTarget(_ payload: VerifySubscriptionTargetRequest) async throws -> String {
            payload.challenge
        }
    }

    private func deliver(_ json: String, to url: URL, signature: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: url.appendingPathComponent("hooks/relay"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(signature, forHTTPHeaderField: "Relay-Signature")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func deliveriesReachTheirWebhookDecoded() async throws {
        let receiver = Receiver(seen: Locked([]))
        try await withRouter({ router in
            try receiver.registerWebhooks(on: router, serverURL: URL(string: "/")!, path: "/hooks/relay")
        }) { url in
            let event = #"""
                {"type": "order.paid", "source": {"service": "billing", "region": "eu"}, "object": "event", "id": "ev_1",
                 "spec_version": "1.0", "published_at": "2026-12-01T10:00:00Z"}
                """#
            let published = try await deliver(event, to: url, signature: "t=1,v1=ab")
            #expect(published.0 == 200)
            let disabled = try await deliver(#"{"subscription_id": "sub_9", "reason": "too_many_failures", "disabled_at": "2026-12-01T10:00:00Z"}"#, to: url)
            #expect(disabled.0 == 200)
            let verification = try await deliver(#"{"challenge": "c-123"}"#, to: url)
            #expect(verification == (200, "c-123"))
            let stranger = try await deliver(#"{"hello": "world"}"#, to: url)
            #expect(stranger.0 == 400)
            #expect(stranger.1.contains("none of the webhooks /hooks/relay receives: eventPublished, subscriptionDisabled, verifySubscriptionTarget"))
        }
        #expect(receiver.seen.value == ["event ev_1 order.paid from billing, t=1,v1=ab", "disabled sub_9 too_many_failures"])
    }
}
