import SKMDomain

/// The survey form of one office: optionally a service picker, the nine unsur in the office's
/// questionnaire layout, the optional profile, saran and ticket number. A plain
/// `<form method="post">`; the only script counts saran characters.
public struct SurveyFormPage: Sendable {
    public struct Service: Sendable { public var code, name: String; public init(code: String, name: String) { self.code = code; self.name = name } }

    public var officeName: String
    public var services: [Service]
    /// Set when the address names the service (the QR code's target): no picker then.
    public var fixedService: Service?
    public var layout: QuestionnaireLayout
    public var language: PageLanguage
    public var kiosk: Bool
    /// This page's own path (`/s/agency[/service]`); the form posts back to it.
    public var path: String
    /// The one-time key that makes a double-tapped submission count once.
    public var nonce: String
    public var state: SurveyFormState

    public static let saranLimit = 1000
    public static let ticketLimit = 64

    public init(officeName: String, services: [Service], fixedService: Service?, layout: QuestionnaireLayout,
                language: PageLanguage, kiosk: Bool, path: String, nonce: String, state: SurveyFormState) {
        self.officeName = officeName
        self.services = services
        self.fixedService = fixedService
        self.layout = layout
        self.language = language
        self.kiosk = kiosk
        self.path = path
        self.nonce = nonce
        self.state = state
    }

    /// The unsur in the layout's question order.
    public var questions: [Unsur] { layout.unsurCodes.compactMap { c in layout.method.unsur.first { $0.code == c } } }

    public func render() -> String {
        let l = language
        var b = "<main>\n" + SurveyChrome.topBar(language: l, path: path, kiosk: kiosk)
        b += "<h1>\(HTML.text(l.pick("Survei Kepuasan Masyarakat", "Public Satisfaction Survey")))</h1>\n"
        b += "<p class=\"office\">\(HTML.text(officeName))</p>\n"
        b += "<p class=\"muted\">\(HTML.text(l.pick("Survei ini tanpa nama. Pilih satu jawaban untuk setiap pertanyaan; bagian lain boleh dikosongkan.", "This survey is anonymous. Choose one answer to each question; everything else is optional.")))</p>\n"
        if !state.problems.isEmpty { b += summary() }
        b += "<form method=\"post\" action=\"\(HTML.attr(SurveyChrome.link(path, language: l, kiosk: kiosk)))\" accept-charset=\"utf-8\">\n"
        b += "<input type=\"hidden\" name=\"nonce\" value=\"\(HTML.attr(nonce))\">\n"
        b += honeypot()
        b += serviceField()
        for (i, u) in questions.enumerated() { b += question(number: i + 1, u) }
        b += SurveyOptionalFields(language: l, state: state).render()
        b += "<button type=\"submit\" class=\"button\">\(HTML.text(l.pick("Kirim jawaban", "Send answers")))</button>\n"
        b += "</form>\n</main>\n" + SurveyChrome.counterScript
        return PageShell(language: l, title: l.pick("Survei Kepuasan Masyarakat", "Public Satisfaction Survey") + " — " + officeName,
                         style: SurveyChrome.style).render(body: b)
    }

    /// A list of what to fix at the top, each linking to its field.
    private func summary() -> String {
        let l = language
        var b = "<div class=\"notice\" role=\"alert\" id=\"problems\"><p class=\"error\">\(HTML.text(l.pick("Periksa jawaban berikut:", "Please check the following:")))</p><ul>\n"
        let order = ["form", "service"] + questions.map(\.code) + ["gender", "age", "education", "occupation", "saran", "ticket"]
        for key in order {
            guard let p = state.problems[key] else { continue }
            b += "<li><a href=\"#\(HTML.attr(anchor(key)))\">\(HTML.text(label(key)))</a>: \(HTML.text(p.message(l)))</li>\n"
        }
        return b + "</ul></div>\n"
    }

    private func anchor(_ key: String) -> String {
        if let u = questions.first(where: { $0.code == key }) { return "\(u.code)-1" }
        return key == "form" ? "problems" : key
    }

    private func label(_ key: String) -> String {
        if let i = questions.firstIndex(where: { $0.code == key }) { return language.pick("Pertanyaan", "Question") + " \(i + 1)" }
        return SurveyOptionalFields.title(key, language)
    }

    /// A field people do not see or reach; software that fills every field fills it too.
    private func honeypot() -> String {
        """
        <div class="hp" aria-hidden="true"><label for="website">Website</label>\
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>

        """
    }

    private func serviceField() -> String {
        let l = language
        if let s = fixedService {
            return """
                <p class="service">\(HTML.text(l.pick("Layanan", "Service"))): <strong>\(HTML.text(s.name))</strong></p>
                <input type="hidden" name="service" value="\(HTML.attr(s.code))">

                """
        }
        var b = "<div class=\"field\"><label for=\"service\">\(HTML.text(l.pick("Layanan yang Anda terima", "The service you received")))</label>\n"
        b += error("service")
        b += "<select id=\"service\" name=\"service\"\(state.problems["service"] != nil ? " aria-invalid=\"true\" aria-describedby=\"service-error\"" : "")>\n"
        b += "<option value=\"\">\(HTML.text(l.pick("— pilih layanan —", "— choose a service —")))</option>\n"
        for s in services {
            b += "<option value=\"\(HTML.attr(s.code))\"\(state.service == s.code ? " selected" : "")>\(HTML.text(s.name))</option>\n"
        }
        return b + "</select></div>\n"
    }

    private func question(number: Int, _ u: Unsur) -> String {
        let q = SurveyQuestions.question(u, language)
        let invalid = state.problems[u.code] != nil
        var b = "<fieldset class=\"q\" id=\"q-\(u.code)\"\(invalid ? " aria-describedby=\"\(u.code)-error\"" : "")>\n"
        b += "<legend><span class=\"n\">\(number).</span> \(HTML.text(q.text))</legend>\n"
        b += "<p class=\"unsur muted\">\(HTML.text(language == .id ? u.name : u.englishName))</p>\n"
        b += error(u.code)
        for (i, text) in q.labels.enumerated() {
            let v = i + 1, id = "\(u.code)-\(v)"
            b += "<label class=\"opt\" for=\"\(id)\"><input type=\"radio\" id=\"\(id)\" name=\"\(u.code)\" value=\"\(v)\"\(state.answers[u.code] == v ? " checked" : "")> <span>\(HTML.text(text))</span></label>\n"
        }
        return b + "</fieldset>\n"
    }

    private func error(_ key: String) -> String {
        guard let p = state.problems[key] else { return "" }
        return "<p class=\"error\" id=\"\(HTML.attr(key))-error\">\(HTML.text(p.message(language)))</p>\n"
    }
}
