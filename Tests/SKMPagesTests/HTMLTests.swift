import SKMPages
import Testing

@Suite struct HTMLTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(HTML.text(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.text("Saran: ruang tunggu ☀︎") == "Saran: ruang tunggu ☀︎")
    }

    @Test func queriesArePercentEncoded() {
        #expect(HTML.query([]) == "")
        #expect(HTML.query([("lang", "en"), ("q", "a b&c/é")]) == "?lang=en&q=a%20b%26c%2F%C3%A9")
    }

    @Test func unknownLanguageFallsBackToIndonesian() {
        #expect(PageLanguage(query: "en") == .en)
        #expect(PageLanguage(query: "fr") == .id)
        #expect(PageLanguage(query: nil) == .id)
    }
}
