import SKMDomain

/// How the regulation's sample questionnaire (PermenPANRB 14/2017, lampiran) asks each unsur,
/// keyed by unsur code so the question follows its unsur whatever the layout's order.
/// Indonesian answer labels come from the domain (`Unsur.labels`); the English ones are here,
/// with the page's other words.
public enum SurveyQuestions {
    public struct Question: Sendable {
        public var text: String
        /// Answer labels 1…4, worst to best.
        public var labels: [String]
    }

    public static func question(_ unsur: Unsur, _ language: PageLanguage) -> Question {
        switch language {
        case .id: Question(text: indonesian[unsur.code] ?? unsur.name, labels: unsur.labels)
        case .en: Question(text: english[unsur.code]?.text ?? unsur.englishName, labels: english[unsur.code]?.labels ?? unsur.labels)
        }
    }

    static let indonesian: [String: String] = [
        "U1": "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "U2": "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "U3": "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "U4": "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "U5": "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "U6": "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "U7": "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "U8": "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "U9": "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    ]

    static let english: [String: (text: String, labels: [String])] = [
        "U1": ("How well do the service's requirements fit the kind of service?",
               ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"]),
        "U2": ("How easy is the service procedure at this office?",
               ["Not easy", "Not very easy", "Easy", "Very easy"]),
        "U3": ("How fast was the service delivered?",
               ["Not fast", "Not very fast", "Fast", "Very fast"]),
        "U4": ("How reasonable is the service's cost or fee?",
               ["Very expensive", "Fairly expensive", "Cheap", "Free"]),
        "U5": ("How well does what you received match the product promised in the service standard?",
               ["Not appropriate", "Less appropriate", "Appropriate", "Very appropriate"]),
        "U6": ("How competent were the staff who served you?",
               ["Not competent", "Not very competent", "Competent", "Very competent"]),
        "U7": ("How polite and friendly were the staff?",
               ["Not polite and friendly", "Not very polite and friendly", "Polite and friendly", "Very polite and friendly"]),
        "U8": ("How are complaints, suggestions and feedback from service users handled?",
               ["Not available", "Available but not working", "Working, not fully", "Well managed"]),
        "U9": ("How good are the facilities and infrastructure?",
               ["Poor", "Fair", "Good", "Very good"]),
    ]
}
