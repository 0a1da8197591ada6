import SKMDomain

/// The respondent-profile categories the form offers: the ones skm's demo data and the
/// reports' profile tables use, so a form answer lands in an existing row of the report.
/// Values are stored as shown (they are category names, not sentences), except gender,
/// stored as L / P like every import.
public enum ProfileChoices {
    public static let genders: [(value: String, id: String, en: String)] = [("L", "Laki-laki", "Male"), ("P", "Perempuan", "Female")]
    /// The domain's categories (`ProfileCategory`), so a form answer is already a report row.
    public static let education = ProfileCategory.educationOrder
    public static let occupation: [(value: String, en: String)] = ProfileCategory.occupationOrder.map { ($0, occupationEnglish[$0] ?? $0) }
    public static let educationEnglish: [String: String] = [
        "SD": "Primary (SD)", "SMP": "Junior high (SMP)", "SMA": "Senior high (SMA)", "D1–D3": "Diploma (D1–D3)",
        "D4/S1": "Bachelor (D4/S1)", "S2": "Master (S2)", "S3": "Doctorate (S3)", ProfileCategory.lainnya: "Other",
    ]
    static let occupationEnglish: [String: String] = [
        "PNS": "Civil servant (PNS)", "TNI/Polri": "Military / police", "Pegawai Swasta": "Private employee",
        "Wiraswasta": "Self-employed", "Pelajar/Mahasiswa": "Student", "Ibu Rumah Tangga": "Homemaker",
        ProfileCategory.lainnya: "Other",
    ]

    public static func isKnown(education e: String) -> Bool { education.contains(e) }
    public static func isKnown(occupation o: String) -> Bool { occupation.contains { $0.value == o } }
    public static func isKnown(gender g: String) -> Bool { genders.contains { $0.value == g } }
}
