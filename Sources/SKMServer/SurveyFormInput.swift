import Foundation
import SKMDomain
import SKMPages

/// Reads a posted survey form: the visitor's values kept for a re-shown form, the problems
/// the form itself can name (in the page's language, next to the field), and, when there are
/// none, the same `ResponseInput` a kiosk posts as JSON, so both go through one validation.
struct SurveyFormInput {
    var state: SurveyFormState
    /// The form's one-time key, when it is well formed (32 hex digits).
    var nonce: String?
    /// Whether the hidden field only software fills was filled.
    var honeypotFilled: Bool

    init(fields f: [String: String], agency: Agency, fixedService: String?, layout: QuestionnaireLayout) {
        var s = SurveyFormState(service: fixedService ?? f["service"].flatMap { $0.isEmpty ? nil : $0 })
        func keep(_ name: String) -> String { (f[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        honeypotFilled = !keep("website").isEmpty
        nonce = f["nonce"].flatMap { Self.isNonce($0) ? $0 : nil }

        if let code = s.service {
            if agency.service(code) == nil { s.problems["service"] = .choiceUnknown }
        } else {
            s.problems["service"] = .serviceMissing
        }
        for code in layout.unsurCodes {
            if let v = f[code].flatMap(Int.init), (1...4).contains(v) {
                s.answers[code] = v
            } else {
                s.problems[code] = .answerMissing
            }
        }
        s.gender = keep("gender")
        if !s.gender.isEmpty, !ProfileChoices.isKnown(gender: s.gender) { s.problems["gender"] = .choiceUnknown }
        s.age = keep("age")
        if !s.age.isEmpty, Int(s.age).map({ !(10...120).contains($0) }) ?? true { s.problems["age"] = .ageInvalid }
        s.education = keep("education")
        if !s.education.isEmpty, !ProfileChoices.isKnown(education: s.education) { s.problems["education"] = .choiceUnknown }
        s.occupation = keep("occupation")
        if !s.occupation.isEmpty, !ProfileChoices.isKnown(occupation: s.occupation) { s.problems["occupation"] = .choiceUnknown }
        s.saran = f["saran"] ?? ""
        if s.saran.count > SurveyFormPage.saranLimit { s.problems["saran"] = .saranTooLong(max: SurveyFormPage.saranLimit) }
        s.ticket = keep("ticket")
        if !s.ticket.isEmpty, s.ticket.count > SurveyFormPage.ticketLimit || s.ticket.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            s.problems["ticket"] = .ticketInvalid(max: SurveyFormPage.ticketLimit)
        }
        if nonce == nil { s.problems["form"] = .formExpired }
        state = s
    }

    /// The JSON kiosk's input for this form, answers placed by unsur code in the method's
    /// order; nil while the form has problems. The nonce is the response's id, so a
    /// double-tapped or replayed form is the same row, stored once.
    func response(date: LocalDate, method: IKMMethod) -> ResponseInput? {
        guard state.problems.isEmpty, let nonce, let service = state.service else { return nil }
        let answers = method.unsur.map { state.answers[$0.code] }
        let profile = ProfileInput(gender: state.gender.isEmpty ? nil : state.gender, age: Int(state.age),
                                   education: state.education.isEmpty ? nil : state.education,
                                   occupation: state.occupation.isEmpty ? nil : state.occupation)
        return ResponseInput(id: Self.responseID(nonce: nonce), service: service, date: date.description, answers: answers,
                             method: method.id, layout: QuestionnaireLayout.all.first { $0.method == method && $0.unsurCodes == method.unsur.map(\.code) }?.id,
                             profile: profile, saran: state.saran, transactionId: state.ticket.isEmpty ? nil : state.ticket)
    }

    static func responseID(nonce: String) -> String { "form-" + nonce }

    /// A fresh one-time key for a form: 128 random bits as hex.
    static func newNonce() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", g.next() as UInt64) }.joined()
    }

    static func isNonce(_ s: String) -> Bool {
        s.utf8.count == 32 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
