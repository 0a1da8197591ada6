/// The respondent-profile categories the form offers: the ones skm's demo data and the
/// reports' profile tables use, so a form answer lands in an existing row of the report.
/// Values are stored as shown (they are category names, not sentences), except gender,
/// stored as L / P like every import.
public enum ProfileChoices {
    public static let genders: [(value: String, id: String, en: String)] = [("L", "Laki-laki", "Male"), ("P", "Perempuan", "Female")]
    public static let education = ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"]
    public static let occupation: [(value: String, en: String)] = [
        ("PNS", "Civil servant (PNS)"), ("TNI/Polri", "Military / police"), ("Pegawai Swasta", "Private employee"),
        ("Wiraswasta", "Self-employed"), ("Pelajar/Mahasiswa", "Student"), ("Ibu Rumah Tangga", "Homemaker"), ("Lainnya", "Other"),
    ]
    public static let educationEnglish: [String: String] = [
        "SD": "Primary (SD)", "SMP": "Junior high (SMP)", "SMA": "Senior high (SMA)", "D3": "Diploma (D3)",
        "S1": "Bachelor (S1)", "S2": "Master (S2)", "S3": "Doctorate (S3)",
    ]

    public static func isKnown(education e: String) -> Bool { education.contains(e) }
    public static func isKnown(occupation o: String) -> Bool { occupation.contains { $0.value == o } }
    public static func isKnown(gender g: String) -> Bool { genders.contains { $0.value == g } }
}
