import Foundation
import SKMDomain
import Testing

/// The JSON API's input limits (docs/input-limits.md) at their boundary: the limit is stored,
/// one character more is a 422 naming the field.
@Suite struct InputLimitsAPITests {
    @Test func saranProfileLabelsAndIdsAtTheirLimits() async throws {
        let w = try World()
        try await w.test { c in
            func response(_ id: String, saran: Int = 0, education: Int = 0) -> [String: Any] {
                var r = responseJSON(id: id)
                if saran > 0 { r["saran"] = String(repeating: "s", count: saran) }
                if education > 0 { r["profile"] = ["education": String(repeating: "e", count: education)] }
                return r
            }
            let cases: [(body: [String: Any], status: Int, field: String?)] = [
                (response("saran-ok", saran: InputLimits.saranCharacters), 201, nil),
                (response("saran-over", saran: InputLimits.saranCharacters + 1), 422, "saran"),
                (response("edu-ok", education: InputLimits.profileLabelCharacters), 201, nil),
                (response("edu-over", education: InputLimits.profileLabelCharacters + 1), 422, "profile.education"),
                (response(String(repeating: "i", count: InputLimits.idCharacters)), 201, nil),
                (response(String(repeating: "i", count: InputLimits.idCharacters + 1)), 422, "id"),
            ]
            for (body, status, field) in cases {
                let r = try await c.send(.post, "/v1/agencies/lebong/responses", token: w.officer, json: body)
                #expect(r.status == status, "\(r.text)")
                #expect(r.field == field)
            }
        }
        #expect(try w.store.responseTallies(agency: "lebong", period: .year(2024))["kb"]?.respondents == 3)
    }
}
