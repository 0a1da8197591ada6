/// Maps a component heading as a decree writes it ("Sistem, Mekanisme dan Prosedur",
/// "Kopetensi Pelaksana", "Jangka waktu Pelayan") to its canonical key. Decrees follow
/// PermenPANRB 15/2014's list of components but word, misspell and number them freely.
public enum ComponentKey {
    public static let canonical = [
        "persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan", "dasar_hukum",
        "sarana", "kompetensi", "pengawasan", "jumlah_pelaksana", "jaminan", "keamanan", "evaluasi",
    ]
    /// Keys some decrees add: the service's opening hours, its work unit, its own name.
    public static let extra = ["waktu_pelayanan", "jam_pelayanan", "satuan_kerja", "jenis_pelayanan"]

    /// The key for a heading, or nil when it is not recognised. `waktu pelayanan` is the
    /// promise in some decrees and the opening hours in others: it is `jangka_waktu` unless
    /// the service already has one (`hasJangkaWaktu`).
    public static func key(for heading: String, hasJangkaWaktu: Bool) -> String? {
        let h = heading.lowercased()
        func has(_ s: String) -> Bool { h.contains(s) }
        if has("jangka waktu") || has("waktu penyelesaian") { return "jangka_waktu" }
        if has("waktu pelayanan") { return hasJangkaWaktu ? "waktu_pelayanan" : "jangka_waktu" }
        if has("jam pelayanan") { return "jam_pelayanan" }
        if has("persyaratan") { return "persyaratan" }
        if has("prosedur") || has("mekanisme") { return "prosedur" }
        if has("biaya") || has("tarif") { return "biaya" }
        if has("produk") { return "produk" }
        // Before "saran": "Sarana dan Prasarana" contains it.
        if has("sarana") || has("prasarana") || has("fasilitas") { return "sarana" }
        if has("pengaduan") || has("saran") { return "pengaduan" }
        if has("dasar hukum") { return "dasar_hukum" }
        if has("kompetensi") || has("kopetensi") { return "kompetensi" }
        if has("pengawasan") || has("internal") { return "pengawasan" }
        if has("jumlah pelaksana") { return "jumlah_pelaksana" }
        if has("keamanan") || has("keselamatan") { return "keamanan" }
        if has("jaminan") { return "jaminan" }
        if has("evaluasi") { return "evaluasi" }
        if has("satuan kerja") { return "satuan_kerja" }
        if has("jenis pelayanan") { return "jenis_pelayanan" }
        return nil
    }

    /// A key made from an unrecognised heading: lower-case words joined by "_".
    public static func slug(_ heading: String, separator: String = "_") -> String {
        heading.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: separator)
    }
}
