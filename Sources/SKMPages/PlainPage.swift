/// A short page with a heading and one sentence: what a public address answers when there is
/// nothing to show (a closed kiosk, an unknown office).
public struct PlainPage: Sendable {
    public var language: PageLanguage
    public var heading: String
    public var text: String

    public init(language: PageLanguage, heading: String, text: String) {
        self.language = language
        self.heading = heading
        self.text = text
    }

    public static func notFound(_ l: PageLanguage) -> PlainPage {
        PlainPage(language: l, heading: l.pick("Halaman tidak ditemukan", "Page not found"),
                  text: l.pick("Survei ini tidak tersedia. Tanyakan kepada petugas di loket.",
                               "This survey is not available. Please ask the staff at the counter."))
    }

    public func render() -> String {
        PageShell(language: language, title: heading)
            .render(body: "<main>\n<h1>\(HTML.text(heading))</h1>\n<p>\(HTML.text(text))</p>\n</main>\n")
    }
}
