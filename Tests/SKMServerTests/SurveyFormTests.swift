import Foundation
import HTTPTypes
import SKMServer
import SKMStorage
import Testing

/// The survey form at /s/{agency}[/{service}]: pages, submission, refusals, abuse guards.
@Suite struct SurveyFormTests {
    @Test func closedKioskUnknownAgencyAndUnknownServiceAre404Pages() async throws {
        let w = try World()
        try await w.test { c in
            let closed = try await c.send(.get, "/s/lebong")
            #expect(closed.status == 404)
            #expect(closed.headers[.contentType] == "text/html; charset=utf-8")
            #expect(closed.text.contains("Halaman tidak ditemukan"))
            #expect(!closed.text.contains("<form"))
            #expect(try await c.postForm("/s/lebong/kb", sampleAnswers).status == 404)
        }
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let open = try await c.send(.get, "/s/lebong")
            #expect(open.status == 200)
            #expect(try await c.send(.get, "/s/nowhere").status == 404)
            #expect(try await c.send(.get, "/s/lebong/nope").status == 404)
            #expect(try await c.send(.get, "/s/karangasem").status == 404)  // its kiosk is closed
        }
        #expect(try responseCount(w.store) == 0)
    }

    @Test func pickerFormInIndonesianAsksTheNineUnsurInRegulationOrder() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let r = try await c.send(.get, "/s/lebong")
            #expect(r.status == 200)
            #expect(r.headers[.cacheControl] == "no-store")
            let page = r.text
            #expect(page.contains(#"<html lang="id">"#))
            #expect(page.contains(#"<form method="post" action="/s/lebong""#))
            #expect(page.contains(#"<option value="kb">Pelayanan KB</option>"#))
            #expect(page.contains(#"<option value="konseling">Konseling</option>"#))
            // Radio groups named by unsur code, in the regulation's order (Pengaduan 8th).
            let names = (1...9).map { "name=\"U\($0)\" value=\"1\"" }
            let positions = try names.map { try #require(page.range(of: $0)?.lowerBound) }
            #expect(positions == positions.sorted())
            #expect(page.contains("8.</span> Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"))
            // Four labels worst → best.
            let labels = ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"].map { page.range(of: "<span>\($0)</span>")?.lowerBound }
            #expect(labels.allSatisfy { $0 != nil } && labels.map { $0! } == labels.map { $0! }.sorted())
            // Every input has a label; nothing asks who the respondent is.
            for id in ["service", "age", "education", "occupation", "saran", "ticket", "U1-1", "U9-4", "gender-L"] {
                #expect(page.contains("for=\"\(id)\""), "label for \(id)")
            }
            for banned in ["nama", "nik", "phone", "email", "telepon"] { #expect(!page.lowercased().contains("name=\"\(banned)")) }
            #expect(page.contains(#"href="/s/lebong?lang=en""#))
            #expect(!page.contains("http://") && !page.contains("https://"), "no external reference")
        }
    }

    @Test func sampleFormLayoutAsksSaranaEighthStillByCode() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        #expect(try w.store.setKioskLayout(agency: "lebong", layout: "sample-form"))
        try await w.test { c in
            let page = try await c.send(.get, "/s/lebong/kb").text
            #expect(page.contains("8.</span> Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"))
            let u8 = try #require(page.range(of: #"name="U8" value="1""#)), u9 = try #require(page.range(of: #"name="U9" value="1""#))
            #expect(u9.lowerBound < u8.lowerBound)
            let n = try #require(nonce(in: page))
            #expect(try await c.postForm("/s/lebong/kb", [("nonce", n)] + sampleAnswers).status == 303)
            // Stored in the method's unsur order whatever the form's order.
            #expect(try storedResponse(w.store, id: "form-" + n)?["answers"] == .text("432143214"))
        }
    }

    @Test func serviceFormInEnglishKeepsLanguageAndKiosk() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let page = try await c.send(.get, "/s/lebong/kb?lang=en&kiosk=1").text
            #expect(page.contains(#"<html lang="en">"#))
            #expect(page.contains(#"<input type="hidden" name="service" value="kb">"#))
            #expect(!page.contains("<select id=\"service\""))
            #expect(page.contains("<span>Very expensive</span>"))
            #expect(page.contains(#"action="/s/lebong/kb?lang=en&amp;kiosk=1""#))
            #expect(page.contains(#"href="/s/lebong/kb?kiosk=1""#))  // back to Indonesian, still a kiosk
        }
    }

    @Test func submissionIsStoredAndRedirectsToThanks() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let n = try #require(nonce(in: try await c.send(.get, "/s/lebong/kb").text))
            let r = try await c.postForm("/s/lebong/kb", [("nonce", n)] + sampleAnswers + [
                ("gender", "P"), ("age", "34"), ("education", "D4/S1"), ("occupation", "Wiraswasta"),
                ("saran", "Antrean <cepat> & rapi"), ("ticket", "A-017"), ("website", ""),
            ])
            #expect(r.status == 303)
            #expect(r.headers[.location] == "/s/lebong/kb?sent=1")
            let thanks = try await c.send(.get, "/s/lebong/kb?sent=1")
            #expect(thanks.text.contains("Terima kasih!"))
            #expect(!thanks.text.contains("http-equiv=\"refresh\""))
            let row = try #require(try storedResponse(w.store, id: "form-" + n))
            #expect(row["service"] == .text("kb"))
            #expect(row["answers"] == .text("432143214"))
            #expect(row["gender"] == .text("P"))
            #expect(row["age"] == .integer(34))
            #expect(row["education"] == .text("D4/S1"))
            #expect(row["occupation"] == .text("Wiraswasta"))
            #expect(row["saran"] == .text("Antrean <cepat> & rapi"))
            #expect(row["transaction_id"] == .text("A-017"))
        }
    }

    @Test func doubleTapIsStoredOnce() async throws {
        let w = try World(kiosk: .init(burst: 10, perSecond: 0))
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let n = try #require(nonce(in: try await c.send(.get, "/s/lebong").text))
            let fields = [("nonce", n), ("service", "konseling")] + sampleAnswers
            #expect(try await c.postForm("/s/lebong", fields).status == 303)
            #expect(try await c.postForm("/s/lebong", fields).status == 303)
            // Back, change an answer, send again: the first, acknowledged answers stand.
            var changed = fields
            changed[2] = ("U1", "1")
            #expect(try await c.postForm("/s/lebong", changed).status == 303)
        }
        #expect(try responseCount(w.store) == 1)
    }

    @Test func missingAnswerComesBackWithEveryOtherAnswerKept() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let n = try #require(nonce(in: try await c.send(.get, "/s/lebong?lang=en").text))
            let fields = [("nonce", n)] + sampleAnswers.filter { $0.0 != "U5" } + [("saran", "Ruang tunggu panas"), ("age", "200")]
            let r = try await c.postForm("/s/lebong?lang=en", fields)
            #expect(r.status == 422)
            let page = r.text
            #expect(page.contains(#"<html lang="en">"#))
            for (code, value) in sampleAnswers where code != "U5" {
                #expect(page.contains("name=\"\(code)\" value=\"\(value)\" checked"), "\(code) kept")
            }
            #expect(!page.contains(#"name="U5" value="4" checked"#))
            #expect(page.contains(#"<p class="error" id="U5-error">Choose one answer.</p>"#))
            #expect(page.contains(#"<p class="error" id="service-error">Choose the service you received.</p>"#))
            #expect(page.contains(#"<p class="error" id="age-error">"#))
            #expect(page.contains(">Ruang tunggu panas</textarea>"))
            #expect(page.contains("value=\"\(n)\""), "the same nonce, so a corrected form is still one response")
        }
        #expect(try responseCount(w.store) == 0)
    }

    @Test func honeypotIsThankedButNotStored() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let r = try await c.postForm("/s/lebong/kb", [("nonce", String(repeating: "a", count: 32)), ("website", "http://spam")] + sampleAnswers)
            #expect(r.status == 303)
        }
        #expect(try responseCount(w.store) == 0)
    }

    @Test func formWithoutNonceIsReshownWithAFreshOne() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let r = try await c.postForm("/s/lebong/kb", sampleAnswers)
            #expect(r.status == 422)
            #expect(r.text.contains("Formulir ini sudah kedaluwarsa"))
            #expect(nonce(in: r.text)?.count == 32)
            #expect(r.text.contains(#"name="U9" value="4" checked"#))
        }
        #expect(try responseCount(w.store) == 0)
    }

    @Test func rateLimitKeepsTheAnswersAndSaysWhen() async throws {
        let w = try World(kiosk: .init(burst: 1, perSecond: 0.5))
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let a = [("nonce", String(repeating: "1", count: 32))] + sampleAnswers
            #expect(try await c.postForm("/s/lebong/kb", a).status == 303)
            let r = try await c.postForm("/s/lebong/kb", [("nonce", String(repeating: "2", count: 32))] + sampleAnswers)
            #expect(r.status == 429)
            #expect(r.headers[.retryAfter] == "2")
            #expect(r.text.contains("Coba lagi dalam 2 detik"))
            #expect(r.text.contains(#"name="U1" value="4" checked"#))
        }
        #expect(try responseCount(w.store) == 1)
    }

    @Test func oversizedBodyIs413AndWrongMediaTypeIs415() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let big = try await c.postForm("/s/lebong/kb", sampleAnswers + [("saran", String(repeating: "x", count: 40_000))])
            #expect(big.status == 413)
            #expect(big.text.contains("Formulir terlalu besar"))
            let json = try await c.send(.post, "/s/lebong/kb", json: responseJSON(id: "x"))
            #expect(json.status == 415)
        }
        #expect(try responseCount(w.store) == 0)
    }

    @Test func kioskThanksReturnsToAnEmptyFormWithNoWayOut() async throws {
        let w = try World()
        try w.store.setKiosk(agency: "lebong", open: true)
        try await w.test { c in
            let r = try await c.postForm("/s/lebong?kiosk=1", [("nonce", String(repeating: "c", count: 32)), ("service", "kb")] + sampleAnswers)
            #expect(r.headers[.location] == "/s/lebong?kiosk=1&sent=1")
            let page = try await c.send(.get, "/s/lebong?kiosk=1&sent=1").text
            #expect(page.contains(#"<meta http-equiv="refresh" content="5; url=/s/lebong?kiosk=1">"#))
            let links = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("/s/lebong?") && $0.contains("kiosk=1") }, "\(links)")
        }
    }
}
