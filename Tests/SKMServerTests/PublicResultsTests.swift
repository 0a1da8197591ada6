import Foundation
import SKMServer
import SKMStorage
import Testing

/// The published results at /p/{agency}: the switch, the period picker, the languages, and
/// that the page shows the publication report's figures and nothing it hides.
@Suite struct PublicResultsTests {
    @Test func offByDefaultThen200WhenOnAnd404AgainWhenOff() async throws {
        let w = try PublicWorld()
        #expect(try w.store.publishedAgencies() == [])
        try await w.test { c in
            let off = try await c.send(.get, "/p/bengkulu-selatan")
            #expect(off.status == 404)
            #expect(off.headers[.contentType] == "text/html; charset=utf-8")
            #expect(off.text.contains("Hasil survei kantor ini belum dipublikasikan."))
            #expect(!off.text.contains("ikm-value"))
        }
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        #expect(try w.store.publishedAgencies() == ["bengkulu-selatan"])
        try await w.test { c in
            let on = try await c.send(.get, "/p/bengkulu-selatan").status
            #expect(on == 200)
            let notOn = try await c.send(.get, "/p/karangasem").status
            #expect(notOn == 404)  // not turned on
            let unknown = try await c.send(.get, "/p/nowhere").status
            #expect(unknown == 404)
        }
        #expect(throws: StoreError.self) { try w.store.setPublication(agency: "nowhere", on: true) }
        try w.store.setPublication(agency: "bengkulu-selatan", on: false)
        try await w.test { c in
            let r = try await c.send(.get, "/p/bengkulu-selatan")
            #expect(r.status == 404)
        }
    }

    @Test func defaultPeriodIsTheLastFinishedSemesterWithDataAndNumbersEqualTheJSONReport() async throws {
        let w = try PublicWorld()
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        let json = try w.jsonReport("2025-S1")
        let overall = try #require(json["overall"] as? [String: Any])
        let ikm = try #require(overall["ikm_converted_rounded"] as? Double)
        #expect(overall["respondents"] as? Int == 38)  // 12 + 3 + 8 + 6 + 9
        let services = try #require(json["services"] as? [[String: Any]]).map { s in
            let f = s["figures"] as? [String: Any] ?? [:]
            return (code: s["code"] as? String ?? "", name: s["name"] as? String ?? "", ikm: f["ikm_converted_rounded"] as? Double,
                    respondents: f["respondents"] as? Int, suppressed: f["suppressed"] as? Bool,
                    onTime: (f["compliance"] as? [String: Any])?["on_time_rate"] as? Double)
        }
        // Informasi: two of its three files on time.
        #expect(services.first { $0.code == "informasi" }?.onTime == 2.0 / 3)
        #expect(services.count == 5)
        try await w.test { c in
            let r = try await c.send(.get, "/p/bengkulu-selatan")
            #expect(r.status == 200)
            let page = r.text
            #expect(page.contains(#"<html lang="id">"#))
            #expect(element("period", in: page) == "Semester I 2025")
            // The headline is the JSON's figure, with a decimal comma.
            #expect(element("ikm-value", in: page) == String(format: "%.2f", ikm).replacingOccurrences(of: ".", with: ","))
            #expect(element("respondents", in: page)?.hasPrefix("38 responden") == true)
            // Each shown service's IKM is the JSON's.
            for s in services {
                let item = try #require(serviceItem(s.code, in: page))
                if let v = s.ikm, let n = s.respondents {
                    #expect(item.contains("IKM " + String(format: "%.2f", v).replacingOccurrences(of: ".", with: ",")), "\(s.code)")
                    #expect(item.contains("\(n) responden"), "\(s.code)")
                } else {
                    #expect(s.suppressed == true && item.contains("IKM &lt; 5"), "\(s.code)")
                }
                // The on-time chart says the JSON's rate (files, so shown for hidden services too).
                if let rate = s.onTime {
                    #expect(page.contains("\(s.name): " + String(format: "%.1f", rate * 100).replacingOccurrences(of: ".", with: ",") + " %"), "\(s.code)")
                }
            }
            // Informasi had 3 files in the period, so 3 respondents are enough (Krejcie–Morgan).
            #expect(try #require(serviceItem("informasi", in: page)).contains("12 responden</span> · sampel cukup (minimal 3 responden untuk 3 layanan)"))
            #expect(page.contains("Metode PermenPANRB No. 14 Tahun 2017 · bobot per unsur 1/9 · Urutan unsur PermenPANRB 14/2017 (U8 Pengaduan, U9 Sarana) · periode 2025-01-01 s.d. 2025-06-30 · dihitung "))
            #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"), "nothing fetched or run")
        }
    }

    @Test func theViolenceComplaintServiceWithThreeRespondentsShowsNoFigure() async throws {
        let w = try PublicWorld()
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        try await w.test { c in
            let page = try await c.send(.get, "/p/bengkulu-selatan?period=2025-S1").text
            let violence = try #require(serviceItem("pengaduan-kekerasan", in: page))
            #expect(violence.contains("IKM &lt; 5</span> · <span class=\"svc-n\">&lt; 5 responden</span>"))
            #expect(!violence.contains("Mutu"))
            // With one service alone hidden, the office total minus the others would reveal it:
            // the next smallest (6 respondents) is hidden too.
            #expect(try #require(serviceItem("distribusi-alokon", in: page)).contains("IKM &lt; 5"))
            #expect(try #require(serviceItem("pusyangatra-puspaga", in: page)).contains("8 responden"))
            // No saran, no transaction (ticket) ids anywhere.
            #expect(!page.contains("Budi") && !page.contains("KEK-"))
            // The unsur chart is the office's (every respondent), nothing per service.
            #expect(page.contains(#"id="chart-unsur""#))
            #expect(!page.lowercased().contains("distribusi jawaban"))
        }
    }

    @Test func periodPickerRelativePeriodsAndUnfinishedPeriods() async throws {
        let w = try PublicWorld()
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        try await w.test { c in
            let s1 = try await c.send(.get, "/p/bengkulu-selatan").text
            #expect(s1.contains(#"<form class="picker" method="get" action="/p/bengkulu-selatan">"#))
            #expect(s1.contains(#"<option value="2025-S1" selected>Semester I 2025</option>"#))
            #expect(s1.contains(#"<option value="2024-S2">Semester II 2024</option>"#))
            // The trend: 2024-S2 (ten informasi answers of 3 and 4: IKM 87,50) then 2025-S1.
            #expect(s1.contains(#"id="chart-trend""#) && s1.contains(">87,50</text>"))

            let s2 = try await c.send(.get, "/p/bengkulu-selatan?period=2024-S2")
            #expect(s2.status == 200)
            #expect(element("period", in: s2.text) == "Semester II 2024")
            #expect(element("ikm-value", in: s2.text) == "87,50")
            #expect(element("respondents", in: s2.text)?.hasPrefix("10 responden") == true)

            let month = try await c.send(.get, "/p/bengkulu-selatan?period=2025-03")
            #expect(element("period", in: month.text) == "Maret 2025")
            #expect(element("respondents", in: month.text)?.hasPrefix("38 responden") == true)

            let running = try await c.send(.get, "/p/bengkulu-selatan?period=current-year").status
            #expect(running == 404)
            let future = try await c.send(.get, "/p/bengkulu-selatan?period=2999-S1").status
            #expect(future == 404)
            let bad = try await c.send(.get, "/p/bengkulu-selatan?period=semester-1")
            #expect(bad.status == 400)
            #expect(bad.text.contains("Periode tidak tersedia"))
        }
    }

    @Test func anOfficeWithFewerThanFiveRespondentsShowsNoFigureNorInTheTrend() async throws {
        let w = try PublicWorld()
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        try await w.test { c in
            let s1 = try await c.send(.get, "/p/bengkulu-selatan?period=2024-S1").text
            #expect(element("ikm-value", in: s1) == "&lt; 5")
            #expect(element("respondents", in: s1) == "&lt; 5 responden")
            #expect(!s1.contains("class=\"grade\"") && !s1.contains("chart-unsur"))
            // In 2025-S1's trend, 2024-S1 is a gap marked "< 5" between no line and 2024-S2's 87,50.
            let trend = try await c.send(.get, "/p/bengkulu-selatan?period=2025-S1").text
            #expect(trend.contains("S1 2024: &lt; 5; S2 2024: 87,50; S1 2025: "))
        }
    }

    @Test func englishByQueryWithPointDecimalsAndALinkBack() async throws {
        let w = try PublicWorld()
        try w.store.setPublication(agency: "bengkulu-selatan", on: true)
        try await w.test { c in
            let page = try await c.send(.get, "/p/bengkulu-selatan?period=2024-S2&lang=en").text
            #expect(page.contains(#"<html lang="en">"#))
            #expect(page.contains("<h1>Public Satisfaction Survey Results</h1>"))
            #expect(element("ikm-value", in: page) == "87.50")
            #expect(element("period", in: page) == "Semester 2 2024")
            #expect(page.contains("weight per unsur 1/9 · PermenPANRB 14/2017 element order (U8 Complaints, U9 Facilities) · period"))
            #expect(page.contains(#"<input type="hidden" name="lang" value="en">"#))
            #expect(page.contains(#"href="/p/bengkulu-selatan?period=2024-S2""#))  // to Bahasa Indonesia
        }
    }
}
