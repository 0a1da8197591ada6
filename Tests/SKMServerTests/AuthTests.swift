import Foundation
import SKMServer
import SKMStorage
import Testing

/// Who may do what: token scope per agency, readers read only, kiosks post responses only.
@Suite struct AuthTests {
    @Test func missingTokenIs401WithProblemBody() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S1")
            #expect(r.status == 401)
            #expect(r.type == "/problems/unauthenticated")
            #expect(r.headers[.wwwAuthenticate] == #"Bearer realm="skm""#)
            #expect(r.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func unknownTokenAndOtherSchemeAre401() async throws {
        let w = try World()
        try await w.test { c in
            #expect(try await c.send(.get, "/v1/catalog", token: "skm_nope").status == 401)
            let basic = try await c.send(.get, "/v1/catalog", headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == 401)
        }
    }

    @Test func revokedTokenIs401() async throws {
        let w = try World()
        let (secret, token) = try w.store.createToken(agency: "lebong", role: .officer)
        #expect(try w.store.revokeToken(id: token.id))
        try await w.test { c in
            let r = try await c.send(.get, "/v1/catalog", token: secret)
            #expect(r.status == 401)
        }
    }

    @Test func readerCannotWrite() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.reader, json: responseJSON(id: "r1"))
            #expect(r.status == 403)
            #expect(r.type == "/problems/forbidden")
            let t = try await c.send(.post, "/v1/agencies/lebong/transactions", token: w.reader, json: transactionJSON(id: "t1"))
            #expect(t.status == 403)
            // …but reads.
            #expect(try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S1", token: w.reader).status == 200)
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024)).isEmpty)
    }

    @Test func tokenOfAnotherAgencyIsForbidden() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024-S1", token: w.otherOfficer)
            #expect(r.status == 403)
            #expect(r.json["detail"] as? String == "This token belongs to agency 'karangasem', not 'lebong'.")
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses", token: w.otherOfficer, json: responseJSON(id: "x")).status == 403)
            // The catalog shows the token's own agency only.
            let cat = try await c.send(.get, "/v1/catalog", token: w.otherOfficer)
            #expect(cat.status == 200)
            #expect((cat.json["agencies"] as? [[String: Any]])?.map { $0["code"] as? String } == ["karangasem"])
        }
    }

    @Test func closedKioskNeedsAToken() async throws {
        let w = try World()
        try await w.test { c in
            let r = try await c.send(.post, "/v1/agencies/lebong/responses", json: responseJSON(id: "k1"))
            #expect(r.status == 401)
        }
    }

    @Test func openKioskTakesResponsesWithoutTokenThenRateLimits() async throws {
        let w = try World()  // burst 2, no refill, frozen clock
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let first = try await c.send(.post, "/v1/agencies/lebong/responses", json: responseJSON(id: "k1"))
            #expect(first.status == 201)
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses", json: responseJSON(id: "k2")).status == 201)
            let third = try await c.send(.post, "/v1/agencies/lebong/responses", json: responseJSON(id: "k3"))
            #expect(third.status == 429)
            #expect(third.type == "/problems/rate-limited")
            #expect(third.headers[.retryAfter] == "3600")
            // A kiosk may read the service list to draw its form, but nothing else.
            let agency = try await c.send(.get, "/v1/agencies/lebong")
            #expect(agency.status == 200)
            #expect(agency.json["kiosk_open"] as? Bool == true)
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses/batch", json: ["responses": [responseJSON(id: "k4")]]).status == 401)
            #expect(try await c.send(.get, "/v1/agencies/lebong/ikm?period=2024").status == 401)
            // Other agencies stay closed; an officer token is never rate-limited.
            #expect(try await c.send(.post, "/v1/agencies/karangasem/responses", json: responseJSON(id: "k5")).status == 401)
            #expect(try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: responseJSON(id: "k6")).status == 201)
        }
        let tally = try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]
        #expect(tally?.respondents == 3)
    }

    @Test func rateLimiterRefillsAtItsRate() async {
        final class Clock: @unchecked Sendable { var now = 0.0 }
        let clock = Clock()
        let limiter = KioskRateLimiter(policy: .init(burst: 1, perSecond: 0.5), now: { clock.now })
        #expect(await limiter.take("a") == nil)
        #expect(await limiter.take("a") == 2)  // one token needs 2 s at 0.5/s
        #expect(await limiter.take("b") == nil)  // buckets are per key
        clock.now = 2
        #expect(await limiter.take("a") == nil)
    }

    @Test func kioskToggleAndTokenStoreOnlyTheDigest() throws {
        let store = try Store()
        try store.saveCatalog(agencies: [World.lebong], holidays: [])
        #expect(throws: StoreError.self) { try store.setKiosk(agency: "nowhere", open: true) }
        #expect(throws: StoreError.self) { try store.createToken(agency: "nowhere", role: .reader) }
        try store.setKiosk(agency: "lebong", open: true)
        #expect(try store.kioskAgencies() == ["lebong"])
        try store.setKiosk(agency: "lebong", open: false)
        #expect(try store.kioskAgencies().isEmpty)
        let (secret, token) = try store.createToken(agency: "lebong", role: .reader, label: "dashboard", now: 1_700_000_000)
        #expect(secret.hasPrefix("skm_") && secret.count == 68)
        #expect(try store.token(secret: secret) == token)
        #expect(try store.tokens(agency: "lebong").map(\.label) == ["dashboard"])
    }

    @Test func storeFileHoldsTheDigestNotTheSecret() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("skm.sqlite").path
        let store = try Store(path: path)
        try store.saveCatalog(agencies: [World.lebong], holidays: [])
        let secret = try store.createToken(agency: "lebong", role: .officer).secret
        let bytes = try [path, path + "-wal"].compactMap { FileManager.default.fileExists(atPath: $0) ? try Data(contentsOf: URL(fileURLWithPath: $0)) : nil }
            .reduce(Data(), +)
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
        #expect(bytes.range(of: Data(TokenSecret.hash(secret).utf8)) != nil)
    }

    /// A digest stored by the hand-written SHA-256 this replaced (the FIPS 180-4 vector of
    /// "abc") still matches: stored tokens keep working.
    @Test func oldDigestStillAuthenticatesAndExpiryAndLastUseAreKept() throws {
        let store = try Store()
        try store.saveCatalog(agencies: [World.lebong], holidays: [])
        let (secret, token) = try store.createToken(agency: "lebong", role: .reader, expiresAt: 2_000, now: 1_000)
        #expect(try store.authenticate(secret: secret, now: 1_500)?.lastUsedAt == 1_500)
        #expect(try store.authenticate(secret: secret, now: 1_530)?.lastUsedAt == 1_500)  // throttled: a read stays a read
        #expect(try store.authenticate(secret: secret, now: 1_560)?.lastUsedAt == 1_560)
        #expect(try store.authenticate(secret: secret, now: 2_000) == nil)  // expired
        #expect(try store.tokens(agency: "lebong").first { $0.id == token.id }?.lastUsedAt == 1_560)
    }

    @Test func sha256KnownVectors() {
        #expect(TokenSecret.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(TokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks (56 bytes forces the padding into a second block).
        #expect(TokenSecret.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
