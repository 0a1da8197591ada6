import Foundation
import SKMDomain

/// Turns API inputs into domain values, or a 422 problem naming the first bad field. Runs
/// before anything is written, so a rejected request leaves the store untouched.
struct Validator {
    let agency: Agency
    /// The present (UTC seconds): a survey date or a receipt more than a day ahead of it is a
    /// kiosk's clock or a typo, not data.
    var now = Int64(Date().timeIntervalSince1970)

    private var latestDay: LocalDate { agency.timeZone.local(now).date.adding(days: 1) }

    /// `prefix` places the field in a batch: `responses[3].`.
    func response(_ input: ResponseInput, prefix: String = "", newID: () -> String = { "api-" + UUID().uuidString.lowercased() }) throws -> SurveyResponse {
        func fail(_ field: String, _ detail: String) -> Problem { Problem(.invalidField, detail: detail, field: prefix + field) }
        let id = try input.id.map { try identifier($0, field: prefix + "id") } ?? newID()
        let service = try knownService(input.service, field: prefix + "service")
        guard let date = Self.isoDate(input.date) else {
            throw fail("date", "'\(input.date)' is not a date in the form YYYY-MM-DD.")
        }
        guard date <= latestDay else { throw fail("date", "\(input.date) is in the future.") }
        var method = IKMMethod.permenPANRB14_2017
        if let m = input.method {
            guard let named = IKMMethod.named(m) else {
                throw fail("method", "Unknown method '\(m)'; use one of: \(IKMMethod.all.map(\.id).joined(separator: ", ")).")
            }
            method = named
        }
        let layout: QuestionnaireLayout
        if let l = input.layout {
            guard let named = QuestionnaireLayout.named(l), named.method == method else {
                let fits = QuestionnaireLayout.all.filter { $0.method == method }.map(\.id)
                throw fail("layout", "Unknown layout '\(l)' for \(method.id); use one of: \(fits.joined(separator: ", ")).")
            }
            layout = named
        } else {
            layout = QuestionnaireLayout.all.first { $0.method == method }!
        }
        let k = method.unsur.count
        guard input.answers.count == k else {
            throw fail("answers", "Expected \(k) answers, one per unsur of \(method.title), got \(input.answers.count).")
        }
        for (i, a) in input.answers.enumerated() {
            if let a, !(1...4).contains(a) {
                throw fail("answers[\(i)]", "Answer \(a) is outside 1–4 (use null for an unanswered question).")
            }
        }
        guard input.answers.contains(where: { $0 != nil }) else {
            throw fail("answers", "Every answer is empty: there is nothing to score.")
        }
        var profile = RespondentProfile()
        if let p = input.profile {
            if let g = p.gender {
                switch g.lowercased() {
                case "l", "laki-laki", "laki laki", "male", "m": profile.gender = "L"
                case "p", "perempuan", "female", "f": profile.gender = "P"
                default: throw fail("profile.gender", "Unknown gender '\(g)'; use L (laki-laki) or P (perempuan).")
                }
            }
            if let age = p.age {
                guard (10...120).contains(age) else { throw fail("profile.age", "Age \(age) is outside 10–120.") }
                profile.age = age
            }
            profile.education = try text(p.education, max: InputLimits.profileLabelCharacters, field: prefix + "profile.education")
            profile.occupation = try text(p.occupation, max: InputLimits.profileLabelCharacters, field: prefix + "profile.occupation")
        }
        return SurveyResponse(
            id: id, agency: agency.code, service: service, date: date, answers: layout.unsurOrder(input.answers),
            method: method.id, profile: profile, saran: try text(input.saran, max: InputLimits.saranCharacters, field: prefix + "saran"),
            transactionId: try input.transactionId.map { try identifier($0, field: prefix + "transaction_id") })
    }

    func transaction(_ input: TransactionInput, prefix: String = "") throws -> Transaction {
        let id = try identifier(input.id, field: prefix + "id")
        let service = try knownService(input.service, field: prefix + "service")
        let received = try instant(input.receivedAt, field: prefix + "received_at")
        guard received <= now + 86400 else {
            throw Problem(.invalidField, detail: "received_at \(input.receivedAt) is in the future.", field: prefix + "received_at")
        }
        let finished = try input.finishedAt.map { try instant($0, field: prefix + "finished_at") }
        if let finished, finished < received {
            throw Problem(.invalidField, detail: "finished_at \(input.finishedAt!) is before received_at \(input.receivedAt).",
                          field: prefix + "finished_at")
        }
        var pauses: [Transaction.Pause] = []
        for (i, p) in (input.pauses ?? []).enumerated() {
            let f = "\(prefix)pauses[\(i)]"
            let s = try instant(p.start, field: f + ".start"), e = try instant(p.end, field: f + ".end")
            guard s <= e, s >= received, finished.map({ e <= $0 }) ?? true else {
                throw Problem(.invalidField, detail: "A pause must end after it starts and lie between receipt and finish.", field: f)
            }
            pauses.append(.init(start: s, end: e))
        }
        return Transaction(id: id, agency: agency.code, service: service, receivedAt: received, finishedAt: finished,
                           variant: try text(input.variant, max: InputLimits.shortTextCharacters, field: prefix + "variant"), pauses: pauses,
                           channel: try text(input.channel, max: InputLimits.shortTextCharacters, field: prefix + "channel"))
    }

    func knownService(_ code: String, field: String) throws -> String {
        guard agency.service(code) != nil else {
            throw Problem(.invalidField, detail: "Unknown service '\(code)' for \(agency.code); known: \(agency.services.map(\.code).joined(separator: ", ")).",
                          field: field)
        }
        return code
    }

    /// Ids: 1–64 printable characters without spaces, as registers and kiosks generate them.
    func identifier(_ s: String, field: String) throws -> String {
        guard !s.isEmpty, InputLimits.fits(s, InputLimits.idCharacters), s.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw Problem(.invalidField, detail: "'\(InputLimits.cut(s, InputLimits.idCharacters))' is not an id: 1–\(InputLimits.idCharacters) characters, no spaces or control characters.", field: field)
        }
        return s
    }

    /// Free text, trimmed; empty becomes nil.
    func text(_ s: String?, max: Int, field: String) throws -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        guard t.count <= max else { throw Problem(.invalidField, detail: "Longer than \(max) characters.", field: field) }
        return t
    }

    func instant(_ s: String, field: String) throws -> Int64 {
        guard let v = Self.isoInstant(s) else {
            throw Problem(.invalidField, detail: "'\(s)' is not an ISO 8601 time with an offset, e.g. 2024-03-04T08:15:00+07:00.", field: field)
        }
        return v
    }

    /// Exactly `YYYY-MM-DD`, a real calendar day (the domain's one ISO reader).
    static func isoDate(_ s: String) -> LocalDate? { LocalDate(iso: s) }

    /// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM` / `±HHMM`; UTC seconds,
    /// fractions dropped. A time without an offset is refused: its zone would be a guess.
    static func isoInstant(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, r.allSatisfy({ (0x30...0x39).contains(b[$0]) }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        guard b.count >= 17, let date = isoDate(String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, b[13] == 0x3A,
              let h = num(11..<13), let m = num(14..<16), h < 24, m < 60 else { return nil }
        var i = 16, sec = 0
        if i < b.count, b[i] == 0x3A {
            guard let sv = num(i + 1..<i + 3), sv < 60 else { return nil }
            sec = sv; i += 3
            if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                let start = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case 0x5A, 0x7A:
            guard i + 1 == b.count else { return nil }
        case 0x2B, 0x2D:
            let sign = b[i] == 0x2B ? 1 : -1
            let rest = b.count - i - 1
            guard let oh = num(i + 1..<i + 3), oh <= 14 else { return nil }
            let om: Int?
            switch rest {
            case 5 where b[i + 3] == 0x3A: om = num(i + 4..<i + 6)
            case 4: om = num(i + 3..<i + 5)
            case 2: om = 0
            default: om = nil
            }
            guard let om, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        default:
            return nil
        }
        return Int64(date.dayNumber) * 86400 + Int64(h * 3600 + m * 60 + sec) - Int64(offset)
    }
}
