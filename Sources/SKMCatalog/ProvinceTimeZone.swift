import SKMDomain

/// Which of the three time zones each of Indonesia's 38 provinces keeps, so that `skm agency
/// add` can offer the zone from the region a new office types ("Kabupaten Karangasem,
/// Provinsi Bali" → WITA) rather than ask the office to know it.
public enum ProvinceTimeZone {
    public static let provinces: [(name: String, zone: IndonesianTimeZone)] = [
        ("Aceh", .wib), ("Sumatera Utara", .wib), ("Sumatera Barat", .wib), ("Riau", .wib), ("Kepulauan Riau", .wib),
        ("Jambi", .wib), ("Sumatera Selatan", .wib), ("Kepulauan Bangka Belitung", .wib), ("Bangka Belitung", .wib),
        ("Bengkulu", .wib), ("Lampung", .wib), ("DKI Jakarta", .wib), ("Jakarta", .wib), ("Jawa Barat", .wib),
        ("Banten", .wib), ("Jawa Tengah", .wib), ("DI Yogyakarta", .wib), ("Yogyakarta", .wib), ("Jawa Timur", .wib),
        ("Kalimantan Barat", .wib), ("Kalimantan Tengah", .wib),
        ("Bali", .wita), ("Nusa Tenggara Barat", .wita), ("Nusa Tenggara Timur", .wita), ("Kalimantan Selatan", .wita),
        ("Kalimantan Timur", .wita), ("Kalimantan Utara", .wita), ("Sulawesi Utara", .wita), ("Gorontalo", .wita),
        ("Sulawesi Tengah", .wita), ("Sulawesi Barat", .wita), ("Sulawesi Selatan", .wita), ("Sulawesi Tenggara", .wita),
        ("Maluku Utara", .wit), ("Maluku", .wit), ("Papua Barat Daya", .wit), ("Papua Barat", .wit),
        ("Papua Selatan", .wit), ("Papua Tengah", .wit), ("Papua Pegunungan", .wit), ("Papua", .wit),
    ]

    /// The province named in `region` (the longest name found wins, so "Papua Barat Daya" is
    /// not read as "Papua"), with its zone; nil when none is named.
    public static func find(in region: String) -> (name: String, zone: IndonesianTimeZone)? {
        let text = " " + region.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ") + " "
        return provinces.filter { text.contains(" " + $0.name.lowercased() + " ") }
            .max { $0.name.count < $1.name.count }
    }
}
