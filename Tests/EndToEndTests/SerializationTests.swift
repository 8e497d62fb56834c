import APIRuntime
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIURLSession
import PaymentStylesClient
import PaymentStylesServer
import Synchronization
import Testing

/// Serialization as payment APIs use it (the payments-styles fixture, Stripe's conventions),
/// from the generated client over HTTP to the generated server stubs: what goes on the wire,
/// and that the stubs read back exactly the values sent.
@Suite(.serialized) struct SerializationTests {
    /// The stubs, answering from recorded inputs: every operation keeps its input as JSON.
    struct Payments: PaymentStylesAPI {
        let inputs: Locked<[String: JSONValue]>

        func listCharges(_ input: ListCharges.Input) async throws -> ListCharges.Output {
            try record("listCharges", input)
            return .ok([])
        }

        func createCharge(_ input: CreateCharge.Input) async throws -> CreateCharge.Output {
            try record("createCharge", input)
            return .ok(PaymentStylesServer.Charge(id: "ch_1", amount: input.body.amount))
        }

        func getCharge(_ input: GetCharge.Input) async throws -> GetCharge.Output {
            try record("getCharge", input)
            return .ok(PaymentStylesServer.Charge(id: "ch_1", amount: 1))
        }

        func record(_ operation: String, _ input: some Encodable) throws {
            let value = try JSONValue(encoding: input)
            inputs.withLock { $0[operation] = value }
        }
    }

    /// Keeps the path, query and body of every request the client sends.
    struct Wire: ClientMiddleware {
        let sent: Locked<[(target: String, body: String)]>

        func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                       next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
            async throws -> (HTTPResponse, HTTPBody?) {
            var bytes: [UInt8] = []
            if let body { bytes = try await [UInt8](collecting: body, upTo: 1 << 20) }
            let text = String(decoding: bytes, as: UTF8.self)
            sent.withLock { $0.append(((request.path ?? "").removingPercentEncoding ?? "", text.removingPercentEncoding ?? text)) }
            return try await next(request, bytes.isEmpty ? nil : HTTPBody(bytes), baseURL)
        }
    }

    private func roundTrip(_ calls: @Sendable (PaymentStyles) async throws -> Void) async throws
        -> (inputs: [String: JSONValue], wire: [(target: String, body: String)]) {
        let server = Payments(inputs: Locked([:]))
        let wire = Wire(sent: Locked([]))
        try await withRouter({ router in
            try server.registerHandlers(on: router, serverURL: URL(string: "/")!)
        }) { url in
            try await calls(PaymentStyles(serverURL: url, transport: URLSessionTransport(), middlewares: [wire]))
        }
        return (server.inputs.value, wire.sent.value)
    }

    @Test func deepObjectFormAndScalarUnionQueriesRoundTrip() async throws {
        let (inputs, wire) = try await roundTrip { payments in
            _ = try await payments.listCharges(expand: ["customer", "invoice"], created: .init(gt: 10, lte: 20),
                                               filter: .init(status: "paid"), limit: .integer(5),
                                               idempotencyKey: "k-1", xPageSize: .option2(.all))
        }
        #expect(wire[0].target == "/charges?expand[]=customer&expand[]=invoice&created[gt]=10&created[lte]=20&status=paid&limit=5")
        #expect(inputs["listCharges"] == [
            "expand": ["customer", "invoice"], "created": ["gt": 10, "lte": 20], "filter": ["status": "paid"],
            "limit": 5, "idempotencyKey": "k-1", "xPageSize": "all",
        ])
    }

    /// Form style has no notation for objects in a list: each goes as its JSON text, and the
    /// server reads it back (Box's `mdfilters`).
    @Test func objectsInAFormListTravelAsJSONText() async throws {
        let (inputs, wire) = try await roundTrip { payments in
            _ = try await payments.listCharges(filters: [.init(status: "paid", currency: "eur"), .init(status: "refunded")])
        }
        #expect(wire[0].target == #"/charges?filters={"currency":"eur","status":"paid"}&filters={"status":"refunded"}"#)
        #expect(inputs["listCharges"] == ["filters": [["status": "paid", "currency": "eur"], ["status": "refunded"]]])
    }

    /// A union's date and bytes cases are written as the JSON coders write dates and bytes, not
    /// as `Date`'s and `Data`'s own numbers and arrays, and read back the same.
    @Test func datesAndBytesInUnionsUseTheCodersStrategies() throws {
        let date = try #require(ISO8601.date(from: "2024-05-01T12:00:00.250Z"))
        let charge = PaymentStylesClient.Charge(id: "ch_1", amount: 5, captured: .dateTime(date), receipt: .byte(Data([1, 2, 3])))
        let json = String(decoding: try JSONCoding.encoder(sortedKeys: true).encode(charge), as: UTF8.self)
        #expect(json == #"{"amount":5,"captured":"2024-05-01T12:00:00.250Z","id":"ch_1","receipt":"AQID"}"#)
        #expect(try JSONCoding.decoder().decode(PaymentStylesClient.Charge.self, from: Data(json.utf8)) == charge)
        let uncaptured = try JSONCoding.decoder().decode(PaymentStylesClient.Charge.self, from: Data(#"{"id":"ch_2","amount":1,"captured":false}"#.utf8))
        #expect(uncaptured.captured == .boolean(false))
    }

    /// A union of a list and a single value in a query: one value is the single one, several the list.
    @Test func oneValueIsTheSingleCaseOfAListOrValueUnion() async throws {
        let (single, _) = try await roundTrip { payments in _ = try await payments.listCharges(tag: .string("vip")) }
        #expect(single["listCharges"] == ["tag": "vip"])
        let (several, wire) = try await roundTrip { payments in _ = try await payments.listCharges(tag: .array(["vip", "new"])) }
        #expect(wire[0].target == "/charges?tag=vip&tag=new")
        #expect(several["listCharges"] == ["tag": ["vip", "new"]])
    }

    @Test func formBodiesNestInBracketsAndDigitsStayText() async throws {
        let (inputs, wire) = try await roundTrip { payments in
            let charge = try await payments.createCharge(body: .init(
                amount: 2000, currency: "eur", capture: false,
                card: .init(number: "4242424242424242", expMonth: 12, expYear: 2030),
                metadata: ["order": "1234"], expand: ["customer"],
                items: [.init(price: "price_1", quantity: 2), .init(price: "price_2")]))
            #expect(charge.amount == 2000)
        }
        #expect(wire[0].body.split(separator: "&") == [
            "amount=2000", "capture=false", "card[exp_month]=12", "card[exp_year]=2030", "card[number]=4242424242424242",
            "currency=eur", "expand[]=customer", "items[0][price]=price_1", "items[0][quantity]=2", "items[1][price]=price_2",
            "metadata[order]=1234",
        ])
        #expect(inputs["createCharge"] == ["body": [
            "amount": 2000, "currency": "eur", "capture": false,
            "card": ["number": "4242424242424242", "exp_month": 12, "exp_year": 2030],
            "metadata": ["order": "1234"], "expand": ["customer"],
            "items": [["price": "price_1", "quantity": 2], ["price": "price_2"]],
        ]])
    }

    @Test func aScalarUnionInThePathIsItsPlainValue() async throws {
        let (inputs, wire) = try await roundTrip { payments in
            _ = try await payments.getCharge(charge: .integer(42))
            _ = try await payments.getCharge(charge: .string("ch_3Kx/9"))
        }
        #expect(wire.map(\.target) == ["/charges/42", "/charges/ch_3Kx/9"])
        #expect(inputs["getCharge"] == ["charge": "ch_3Kx/9"])
    }
}
