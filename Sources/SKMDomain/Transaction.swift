/// One service request (*transaksi*). Instants are UTC seconds since 1970; local time comes
/// from the agency's time zone.
public struct Transaction: Hashable, Sendable, Codable {
    public var id: String
    public var agency: String
    public var service: String
    public var receivedAt: Int64
    /// Nil while the request is still open.
    public var finishedAt: Int64?
    /// e.g. "rutin", "non rutin", "dtks".
    public var variant: String?
    /// Intervals waiting on the applicant; they do not count against the promise.
    public var pauses: [Pause]
    public var channel: String?

    public struct Pause: Hashable, Sendable, Codable {
        public var start: Int64
        public var end: Int64
        public init(start: Int64, end: Int64) { self.start = start; self.end = end }
    }

    public init(id: String, agency: String, service: String, receivedAt: Int64, finishedAt: Int64?,
                variant: String? = nil, pauses: [Pause] = [], channel: String? = nil) {
        self.id = id
        self.agency = agency
        self.service = service
        self.receivedAt = receivedAt
        self.finishedAt = finishedAt
        self.variant = variant
        self.pauses = pauses
        self.channel = channel
    }
}

/// One filled SKM questionnaire (*respon SKM*). Anonymous by design: nothing here names a person.
public struct SurveyResponse: Hashable, Sendable, Codable {
    public var id: String
    public var agency: String
    public var service: String
    public var date: LocalDate
    /// Answers by unsur of `method`, in the method's unsur order (not the form's question order); nil = empty.
    public var answers: [Int?]
    public var method: String
    public var profile: RespondentProfile
    /// Free-text suggestion (*saran*).
    public var saran: String?
    public var transactionId: String?

    public init(id: String, agency: String, service: String, date: LocalDate, answers: [Int?],
                method: String = IKMMethod.permenPANRB14_2017.id, profile: RespondentProfile = .init(),
                saran: String? = nil, transactionId: String? = nil) {
        self.id = id
        self.agency = agency
        self.service = service
        self.date = date
        self.answers = answers
        self.method = method
        self.profile = profile
        self.saran = saran
        self.transactionId = transactionId
    }
}

/// Respondent profile (*profil responden*), as categories only.
public struct RespondentProfile: Hashable, Sendable, Codable {
    /// *Jenis kelamin*: "L" or "P".
    public var gender: String?
    /// Age in years.
    public var age: Int?
    /// *Pendidikan*, e.g. "SMA", "S1".
    public var education: String?
    /// *Pekerjaan*, e.g. "PNS", "Wiraswasta".
    public var occupation: String?

    public init(gender: String? = nil, age: Int? = nil, education: String? = nil, occupation: String? = nil) {
        self.gender = gender
        self.age = age
        self.education = education
        self.occupation = occupation
    }

    /// Age bands in display order.
    public static let ageBandOrder = ["< 20", "20–29", "30–39", "40–49", "50–59", "≥ 60", "Tidak diisi"]

    /// The usual SKM age bands.
    public static func ageBand(_ age: Int?) -> String {
        guard let age else { return "Tidak diisi" }
        switch age {
        case ..<20: return "< 20"
        case 20...29: return "20–29"
        case 30...39: return "30–39"
        case 40...49: return "40–49"
        case 50...59: return "50–59"
        default: return "≥ 60"
        }
    }
}

/// Maps question numbers on a form to unsur codes.
///
/// PermenPANRB 14/2017's list puts Pengaduan 8th and Sarana 9th; its sample questionnaire —
/// and many offices' forms — ask Sarana as question 8 and Pengaduan as 9. Both are shipped,
/// and every report names the one used.
public struct QuestionnaireLayout: Hashable, Sendable {
    public let id: String
    public let title: String
    public let method: IKMMethod
    /// `unsurCodes[q]` is the unsur asked by question q+1.
    public let unsurCodes: [String]

    public static let regulationOrder = QuestionnaireLayout(
        id: "regulation", title: "Urutan unsur PermenPANRB 14/2017 (U8 Pengaduan, U9 Sarana)",
        method: .permenPANRB14_2017, unsurCodes: (1...9).map { "U\($0)" })

    public static let sampleQuestionnaireOrder = QuestionnaireLayout(
        id: "sample-form", title: "Urutan kuesioner contoh (P8 Sarana, P9 Pengaduan)",
        method: .permenPANRB14_2017, unsurCodes: ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"])

    public static let kepmenpan2004 = QuestionnaireLayout(
        id: "kepmenpan-2004", title: "Kepmenpan 25/2004, 14 unsur", method: .kepmenpan25_2004,
        unsurCodes: (1...14).map { "U\($0)" })

    public static let all = [regulationOrder, sampleQuestionnaireOrder, kepmenpan2004]
    public static func named(_ id: String) -> QuestionnaireLayout? { all.first { $0.id == id } }

    /// Reorders answers given in question order into the method's unsur order.
    public func unsurOrder(_ byQuestion: [Int?]) -> [Int?] {
        var out = [Int?](repeating: nil, count: method.unsur.count)
        for (q, code) in unsurCodes.enumerated() where q < byQuestion.count {
            if let u = method.index(ofUnsur: code) { out[u] = byQuestion[q] }
        }
        return out
    }
}
