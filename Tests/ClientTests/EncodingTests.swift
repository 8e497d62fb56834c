import APIRuntime
import PawprintClinicClient
import RelayEventsClient
import Testing

/// The generated clients of two fixtures: headers, cookies, arrays, dates, form, multipart,
/// bytes and text, unions, nullable keys, extra properties and recursion.
@Suite struct EncodingTests {
    @Test func queryArraysHeadersAndDatesGoOutInFormStyle() async throws {
        let transport = MemoryTransport { _ in .json("[]") }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        let since = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try await clinic.pets.listPets(species: [.dog, .cat], tag: ["a b", "c&d"], status: .active, limit: 20,
                                           includeArchived: false, updatedSince: since, xRequestID: "req-1")
        let sent = try #require(transport.sent.first)
        #expect(sent.path == "/pets")
        #expect(sent.query == "species=dog,cat&tag=a%20b&tag=c%26d&status=active&limit=20&includeArchived=false&updatedSince=2023-11-14T22%3A13%3A20Z")
        #expect(sent.header("X-Request-ID") == "req-1")
    }

    @Test func cookiesAndPathLevelHeaders() async throws {
        let transport = MemoryTransport { sent in sent.path == "/appointments" ? .json("[]") : MemoryTransport.Answer(status: .noContent) }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        _ = try await clinic.appointments.listAppointments(from: "2024-05-01", preferredClinic: "north side")
        try await clinic.pets.deletePet(petId: "p/1", xClinicBranch: "B7")
        #expect(transport.sent[0].header("Cookie") == "preferred_clinic=north%20side")
        #expect(transport.sent[0].query == "from=2024-05-01")
        #expect(transport.sent[1].path == "/pets/p%2F1")
        #expect(transport.sent[1].header("X-Clinic-Branch") == "B7")
    }

    @Test func formBodiesAreURLEncoded() async throws {
        let transport = MemoryTransport { _ in .json(#"{"token": "abc", "expiresAt": "2024-05-01T10:00:00.250Z"}"#) }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        let session = try await clinic.owners.loginOwner(body: .init(email: "ana@example.com", password: "p&ss w=rd", rememberMe: true))
        let sent = try #require(transport.sent.first)
        #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(sent.bodyText == "email=ana%40example.com&password=p%26ss%20w%3Drd&rememberMe=true")
        #expect(session.token == "abc")
        #expect(session.expiresAt == Date(timeIntervalSince1970: 1_714_557_600.25))
    }

    @Test func multipartBodiesCarryFilesAndFields() async throws {
        let transport = MemoryTransport { _ in .json(#"{"id": "ph1", "url": "https://x.example.com/1.jpg"}"#) }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0x00])
        _ = try await clinic.pets.uploadPetPhoto(petId: "p1", body: .init(file: jpeg, caption: "Rex"))
        let sent = try #require(transport.sent.first)
        let contentType = try #require(sent.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.split(separator: "=").last ?? "")
        let parts = try #require(MultipartForm.parse(sent.body, boundary: boundary))
        #expect(parts.map(\.name) == ["file", "caption"])
        #expect(parts[0].bytes == Array(jpeg))
        #expect(parts[0].contentType == "image/png")
        #expect(String(decoding: parts[1].bytes, as: UTF8.self) == "Rex")
    }

    @Test func bytesAndTextTravelRaw() async throws {
        let transport = MemoryTransport { sent in
            if sent.path == "/health" { return MemoryTransport.Answer(headers: ["Content-Type": "text/plain"], body: "OK") }
            if sent.path.contains("/photos/") { return MemoryTransport.Answer(headers: ["Content-Type": "image/png"], body: "\u{1}PNG") }
            return MemoryTransport.Answer(status: .noContent)
        }
        let clinic = PawprintClinic(serverURL: server, transport: transport)
        try await clinic.pets.putPetDocument(petId: "p1", fileName: "x.pdf", body: HTTPBody(Data([1, 2, 3])))
        #expect(transport.sent[0].body == [1, 2, 3])
        #expect(transport.sent[0].header("Content-Type") == "application/octet-stream")
        #expect(try await clinic.clinic.getHealth() == "OK")
        let photo = try await clinic.pets.getPetsByPetIdPhotosByPhotoId(petId: "p1", photoId: "2")
        #expect(try await Data(collecting: photo, upTo: 1 << 20) == Data("\u{1}PNG".utf8))
    }

    @Test func discriminatedAndUndiscriminatedUnionsDecode() throws {
        let visit = try JSONCoding.decoder().decode(Visit.self, from: Data(#"{"kind": "surgery", "procedure": "spay"}"#.utf8))
        guard case .surgeryVisit(let surgery) = visit else { Issue.record("got \(visit)"); return }
        #expect(surgery.procedure == "spay")
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Visit.self, from: Data(#"{"kind": "grooming"}"#.utf8))
        }
        let contact = try JSONCoding.decoder().decode(ContactMethod.self, from: Data(#"{"phone": "+1 555"}"#.utf8))
        guard case .phoneContact(let phone) = contact else { Issue.record("got \(contact)"); return }
        #expect(phone.phone == "+1 555")
        let encoded = try JSONValue(encoding: contact)
        #expect(encoded["phone"] == "+1 555")
    }

    /// A discriminator without a mapping: payloads carry the value each variant fixes its
    /// property to (OpenAI's `type: function`); the schema's name is taken too, as OpenAPI says.
    @Test func aDiscriminatorWithoutMappingReadsTheVariantsOwnValue() throws {
        let outcome = try JSONCoding.decoder().decode(DeliveryOutcome.self, from: Data(#"{"result": "gave_up", "reason": "410 Gone"}"#.utf8))
        guard case .gaveUp(let gaveUp) = outcome else { Issue.record("got \(outcome)"); return }
        #expect(gaveUp.reason == "410 Gone")
        let named = try JSONCoding.decoder().decode(DeliveryOutcome.self, from: Data(#"{"result": "Delivered", "status_code": 200}"#.utf8))
        guard case .delivered(let delivered) = named else { Issue.record("got \(named)"); return }
        #expect(delivered.statusCode == 200)
    }

    @Test func extraPropertiesRoundTrip() throws {
        let owner = try JSONCoding.decoder().decode(Owner.self, from: Data(#"{"id": 7, "name": "Ana", "labels": {"vip": "yes"}, "preferences": {"sms": false}}"#.utf8))
        #expect(owner.labels == ["vip": "yes"])
        #expect(owner.preferences?["sms"] == false)
    }

    @Test func recursiveTypesAreBoxedAndRoundTrip() throws {
        let text = #"{"delay_seconds": 1, "next": {"delay_seconds": 5, "next": {"delay_seconds": 30}}}"#
        let step = try JSONCoding.decoder().decode(RetryStep.self, from: Data(text.utf8))
        #expect(step.next?.next?.delaySeconds == 30)
        #expect(step.next?.next?.next == nil)
        let again = try JSONCoding.decoder().decode(RetryStep.self, from: JSONCoding.encoder().encode(step))
        #expect(again == step)
        let json = try JSONValue(encoding: RetryStep(delaySeconds: 2))
        #expect(json == ["delay_seconds": 2])
    }
}

/// `allOf` as real documents write it: a union and an object composed into one JSON object,
/// annotation-only parts, constraint-only parts, and `$recursiveRef`.
@Suite struct CompositionTests {
    @Test func aUnionAndAnObjectShareOneJSONObject() throws {
        let json = #"{"label": "ops hook", "url": "https://hooks.example.com/ops"}"#
        let summary = try JSONCoding.decoder().decode(TargetSummary.self, from: Data(json.utf8))
        #expect(summary.label == "ops hook")
        guard case .webhookTarget(let webhook) = summary.target else {
            Issue.record("decoded \(summary.target)")
            return
        }
        #expect(webhook.url == "https://hooks.example.com/ops")
        #expect(try JSONValue(encoding: summary) == ["label": "ops hook", "url": "https://hooks.example.com/ops"])
    }

    @Test func partsThatOnlyAnnotateOrConstrainGiveNoShape() throws {
        let described: DescribedTarget = .webhookTarget(.init(url: "https://x.example.com"))
        #expect(try JSONValue(encoding: described) == ["url": "https://x.example.com"])
        let rule = try JSONCoding.decoder().decode(ContactRule.self, from: Data(#"{"phone": "+351 21 000 0000"}"#.utf8))
        #expect(rule.phone == "+351 21 000 0000" && rule.email == nil)
    }

    @Test func recursiveReferencesNestAsDeepAsTheData() throws {
        let json = #"{"op": "and", "filters": [{"type_prefix": "order."}, {"op": "or", "filters": [{"min_severity": 3}]}]}"#
        let group = try JSONCoding.decoder().decode(FilterGroup.self, from: Data(json.utf8))
        #expect(group.filters.count == 2)
        #expect(try JSONValue(encoding: group) == (try JSONValue(parsing: Array(json.utf8))))
    }
}
