/// The page after a stored submission (reached by redirect, so reloading it posts nothing).
/// In kiosk mode it returns to an empty form by itself and offers no other way out.
public struct ThankYouPage: Sendable {
    public var officeName: String
    public var language: PageLanguage
    public var kiosk: Bool
    /// The form to return to (its path, without query).
    public var formPath: String
    /// Seconds before a kiosk returns to the empty form.
    public static let kioskReturnSeconds = 5

    public init(officeName: String, language: PageLanguage, kiosk: Bool, formPath: String) {
        self.officeName = officeName
        self.language = language
        self.kiosk = kiosk
        self.formPath = formPath
    }

    public func render() -> String {
        let l = language
        let back = SurveyChrome.link(formPath, language: l, kiosk: kiosk)
        var b = "<main class=\"thanks\">\n<p class=\"mark\" aria-hidden=\"true\">✓</p>\n"
        b += "<h1>\(HTML.text(l.pick("Terima kasih!", "Thank you!")))</h1>\n"
        b += "<p>\(HTML.text(l.pick("Jawaban Anda sudah kami terima. Penilaian Anda membantu \(officeName) memperbaiki pelayanannya.", "Your answers have been received. Your rating helps \(officeName) improve its service.")))</p>\n"
        if kiosk {
            b += "<p class=\"muted\">\(HTML.text(l.pick("Formulir baru akan muncul dalam \(Self.kioskReturnSeconds) detik.", "A new form will appear in \(Self.kioskReturnSeconds) seconds.")))</p>\n"
        }
        b += "<p><a class=\"button\" href=\"\(HTML.attr(back))\">\(HTML.text(l.pick("Isi survei baru", "Fill in a new survey")))</a></p>\n</main>\n"
        return PageShell(language: l, title: l.pick("Terima kasih", "Thank you") + " — " + officeName,
                         refresh: kiosk ? (Self.kioskReturnSeconds, back) : nil, style: SurveyChrome.style).render(body: b)
    }
}
