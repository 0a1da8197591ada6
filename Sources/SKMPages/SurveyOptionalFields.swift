/// The optional part of the survey form: respondent profile, saran and ticket number. Nothing
/// here asks who the respondent is (no name, NIK, phone or e-mail).
struct SurveyOptionalFields {
    let language: PageLanguage
    let state: SurveyFormState

    static func title(_ key: String, _ l: PageLanguage) -> String {
        switch key {
        case "service": l.pick("Layanan", "Service")
        case "gender": l.pick("Jenis kelamin", "Gender")
        case "age": l.pick("Umur (tahun)", "Age (years)")
        case "education": l.pick("Pendidikan terakhir", "Education")
        case "occupation": l.pick("Pekerjaan", "Occupation")
        case "saran": l.pick("Saran dan masukan", "Suggestions")
        case "ticket": l.pick("Nomor tiket / nomor antrean", "Ticket or queue number")
        default: l.pick("Formulir", "Form")
        }
    }

    func render() -> String {
        let l = language
        var b = "<h2>\(HTML.text(l.pick("Tentang Anda (tidak wajib)", "About you (optional)")))</h2>\n"
        b += "<fieldset class=\"q\" id=\"gender\"><legend>\(HTML.text(Self.title("gender", l)))</legend>\n" + error("gender")
        for g in ProfileChoices.genders {
            b += "<label class=\"opt\" for=\"gender-\(g.value)\"><input type=\"radio\" id=\"gender-\(g.value)\" name=\"gender\" value=\"\(g.value)\"\(state.gender == g.value ? " checked" : "")> <span>\(HTML.text(l.pick(g.id, g.en)))</span></label>\n"
        }
        b += "</fieldset>\n"
        b += field("age", input: "<input type=\"number\" id=\"age\" name=\"age\" inputmode=\"numeric\" min=\"10\" max=\"120\" value=\"\(HTML.attr(state.age))\"\(described("age"))>")
        b += select("education", ProfileChoices.education.map { ($0, l == .id ? $0 : ProfileChoices.educationEnglish[$0] ?? $0) }, state.education)
        b += select("occupation", ProfileChoices.occupation.map { ($0.value, l == .id ? $0.value : $0.en) }, state.occupation)
        let limit = SurveyFormPage.saranLimit
        b += field("saran", input: """
            <textarea id="saran" name="saran" rows="4" maxlength="\(limit)" data-limit="\(limit)" aria-describedby="saran-hint\(state.problems["saran"] != nil ? " saran-error" : "")">\(HTML.text(state.saran))</textarea>
            <p class="muted hint" id="saran-hint">\(HTML.text(l.pick("Paling banyak \(limit) karakter.", "At most \(limit) characters.")))</p>
            <p class="muted hint" id="saran-count" aria-live="polite" hidden></p>
            """)
        b += field("ticket", input: """
            <input type="text" id="ticket" name="ticket" maxlength="\(SurveyFormPage.ticketLimit)" autocomplete="off" value="\(HTML.attr(state.ticket))" aria-describedby="ticket-hint\(state.problems["ticket"] != nil ? " ticket-error" : "")">
            <p class="muted hint" id="ticket-hint">\(HTML.text(l.pick("Jika ada, dari struk atau karcis antrean Anda.", "If you have one, from your receipt or queue ticket.")))</p>
            """)
        return b
    }

    private func field(_ key: String, input: String) -> String {
        "<div class=\"field\"><label for=\"\(key)\">\(HTML.text(Self.title(key, language)))</label>\n\(error(key))\(input)</div>\n"
    }

    private func select(_ key: String, _ options: [(String, String)], _ chosen: String) -> String {
        var s = "<select id=\"\(key)\" name=\"\(key)\"\(described(key))>\n<option value=\"\">\(HTML.text(language.pick("— tidak diisi —", "— not given —")))</option>\n"
        for (value, text) in options {
            s += "<option value=\"\(HTML.attr(value))\"\(chosen == value ? " selected" : "")>\(HTML.text(text))</option>\n"
        }
        return field(key, input: s + "</select>")
    }

    private func described(_ key: String) -> String {
        state.problems[key] != nil ? " aria-invalid=\"true\" aria-describedby=\"\(key)-error\"" : ""
    }

    private func error(_ key: String) -> String {
        guard let p = state.problems[key] else { return "" }
        return "<p class=\"error\" id=\"\(key)-error\">\(HTML.text(p.message(language)))</p>\n"
    }
}
