import HTTPTypes
@testable import SKMServer
import Testing

/// The form's plumbing: url-encoded bodies and the rate limit's client address.
@Suite struct SurveyFormInputTests {
    @Test func urlEncodedBodiesDecodePlusPercentAndKeepTheFirstOfARepeatedName() {
        let f = FormBody.parse(Array("saran=Ruang+tunggu%20%3Cpanas%3E&U1=4&U1=1&empty=&bad=%zz%4&ticket".utf8))
        #expect(f["saran"] == "Ruang tunggu <panas>")
        #expect(f["U1"] == "4")
        #expect(f["empty"] == "")
        #expect(f["bad"] == "%zz%4")
        #expect(f["ticket"] == "")
        #expect(FormBody.parse(Array("s=%C3%A9%FF".utf8))["s"] == "é\u{FFFD}")
    }

    @Test func forwardedForCountsOnlyFromTheTrustedProxy() {
        let xff: HTTPFields = [ClientAddress.forwardedFor: "203.0.113.9, 10.0.0.7"]
        #expect(ClientAddress.key(peer: "10.0.0.1", headers: xff, trustedProxy: "10.0.0.1") == "10.0.0.7")
        #expect(ClientAddress.key(peer: "10.0.0.2", headers: xff, trustedProxy: "10.0.0.1") == "10.0.0.2")
        #expect(ClientAddress.key(peer: "10.0.0.1", headers: xff, trustedProxy: nil) == "10.0.0.1")
        #expect(ClientAddress.key(peer: "10.0.0.1", headers: [:], trustedProxy: "10.0.0.1") == "10.0.0.1")
        #expect(ClientAddress.key(peer: nil, headers: xff, trustedProxy: "10.0.0.1") == "-")
    }

    @Test func noncesAreFreshHex() {
        let a = SurveyFormInput.newNonce(), b = SurveyFormInput.newNonce()
        #expect(a != b)
        #expect(SurveyFormInput.isNonce(a) && SurveyFormInput.isNonce(b))
        #expect(!SurveyFormInput.isNonce(String(repeating: "g", count: 32)))
        #expect(!SurveyFormInput.isNonce("abc"))
    }
}
