/// A scoring method: which unsur are asked and how the converted value is graded.
///
/// Two are shipped: PermenPANRB 14/2017 (nine unsur, the current rule) and
/// Kepmenpan 25/2004 (fourteen unsur), so that a historical survey can be scored as it was.
public struct IKMMethod: Hashable, Sendable {
    /// Stable id used in files and options, e.g. "permenpanrb-14-2017".
    public let id: String
    /// Name as written in reports.
    public let title: String
    public let unsur: [Unsur]
    /// Lower bounds on the ×25 scale for A, B, C (D is everything below C).
    public let gradeLowerBounds: (a: Double, b: Double, c: Double)

    public static func == (l: IKMMethod, r: IKMMethod) -> Bool { l.id == r.id }
    public func hash(into h: inout Hasher) { h.combine(id) }

    public func index(ofUnsur code: String) -> Int? { unsur.firstIndex { $0.code == code } }

    public static func named(_ id: String) -> IKMMethod? {
        all.first { $0.id == id.lowercased() || $0.aliases.contains(id.lowercased()) }
    }

    public static let all: [IKMMethod] = [.permenPANRB14_2017, .kepmenpan25_2004]

    var aliases: [String] {
        switch id {
        case IKMMethod.permenPANRB14_2017.id: ["permenpan-14-2017", "14/2017", "2017"]
        default: ["kepmenpan-25-2004", "25/2004", "2004"]
        }
    }
}

extension IKMMethod {
    /// PermenPANRB No. 14 Tahun 2017, in the regulation's order (Pengaduan 8th, Sarana 9th).
    public static let permenPANRB14_2017 = IKMMethod(
        id: "permenpanrb-14-2017",
        title: "PermenPANRB No. 14 Tahun 2017",
        unsur: [
            Unsur(code: "U1", name: "Persyaratan", englishName: "Requirements",
                  labels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
            Unsur(code: "U2", name: "Sistem, Mekanisme, dan Prosedur", englishName: "Systems, mechanisms and procedures",
                  labels: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
            Unsur(code: "U3", name: "Waktu Penyelesaian", englishName: "Completion time",
                  labels: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
            Unsur(code: "U4", name: "Biaya/Tarif", englishName: "Cost/fee",
                  labels: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
            Unsur(code: "U5", name: "Produk Spesifikasi Jenis Pelayanan", englishName: "Service product specification",
                  labels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
            Unsur(code: "U6", name: "Kompetensi Pelaksana", englishName: "Staff competence",
                  labels: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
            Unsur(code: "U7", name: "Perilaku Pelaksana", englishName: "Staff conduct",
                  labels: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
            Unsur(code: "U8", name: "Penanganan Pengaduan, Saran dan Masukan", englishName: "Handling of complaints and suggestions",
                  labels: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
            Unsur(code: "U9", name: "Sarana dan Prasarana", englishName: "Facilities and infrastructure",
                  labels: ["Buruk", "Cukup", "Baik", "Sangat baik"]),
        ],
        gradeLowerBounds: (a: 88.31, b: 76.61, c: 65.00)
    )

    /// Kepmenpan No. 25 Tahun 2004: fourteen unsur, weight 1/14.
    public static let kepmenpan25_2004 = IKMMethod(
        id: "kepmenpan-25-2004",
        title: "Kepmenpan No. 25 Tahun 2004",
        unsur: [
            ("Prosedur pelayanan", "Service procedure"),
            ("Persyaratan pelayanan", "Service requirements"),
            ("Kejelasan petugas pelayanan", "Clarity of service staff"),
            ("Kedisiplinan petugas pelayanan", "Discipline of service staff"),
            ("Tanggung jawab petugas pelayanan", "Responsibility of service staff"),
            ("Kemampuan petugas pelayanan", "Ability of service staff"),
            ("Kecepatan pelayanan", "Speed of service"),
            ("Keadilan mendapatkan pelayanan", "Fairness of service"),
            ("Kesopanan dan keramahan petugas", "Courtesy of staff"),
            ("Kewajaran biaya pelayanan", "Reasonableness of fees"),
            ("Kepastian biaya pelayanan", "Certainty of fees"),
            ("Kepastian jadwal pelayanan", "Certainty of schedule"),
            ("Kenyamanan lingkungan", "Comfort of the environment"),
            ("Keamanan pelayanan", "Security of service"),
        ].enumerated().map { Unsur(code: "U\($0.offset + 1)", name: $0.element.0, englishName: $0.element.1) },
        gradeLowerBounds: (a: 81.26, b: 62.51, c: 43.76)
    )
}
