/// The categories of *pendidikan* and *pekerjaan* that SKM reports and forms use.
///
/// Imports keep what a file says (an office's own labels stay visible to the office), but a
/// free-text label like "tamat SLTA th 1998" or a rare job title can point to one person when
/// published. A report for publication therefore counts by these categories, and whatever is
/// not recognised counts as `lainnya`. The codes are the labels themselves: they are data values
/// that offices write the same in both languages.
public enum ProfileCategory {
    /// Education levels, lowest first, as the regulation's sample form lists them.
    public static let educationOrder = ["SD", "SMP", "SMA", "D1–D3", "D4/S1", "S2", "S3", lainnya]
    /// Occupations as the sample form lists them.
    public static let occupationOrder = ["PNS", "TNI/Polri", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa",
                                    "Ibu Rumah Tangga", lainnya]
    public static let lainnya = "Lainnya"

    /// The education category of a label; `lainnya` when not recognised.
    public static func education(_ label: String) -> String {
        let w = words(label)
        let joined = w.joined()
        func has(_ any: Set<String>) -> Bool { !any.isDisjoint(with: w) || any.contains(joined) }
        if has(["s3", "doktor", "doctor", "phd"]) { return "S3" }
        if has(["s2", "magister", "master", "pascasarjana"]) { return "S2" }
        if has(["s1", "d4", "div", "sarjana", "bachelor"]) { return "D4/S1" }
        if has(["d1", "d2", "d3", "dii", "diii", "diploma", "akademi"]) { return "D1–D3" }
        if has(["sma", "smu", "smk", "slta", "ma", "stm", "smea", "paket c", "paketc"]) { return "SMA" }
        if has(["smp", "sltp", "mts", "paket b", "paketb"]) { return "SMP" }
        if has(["sd", "mi", "paket a", "paketa"]) { return "SD" }
        return lainnya
    }

    /// The occupation category of a label; `lainnya` when not recognised.
    public static func occupation(_ label: String) -> String {
        let w = words(label)
        func has(_ any: Set<String>) -> Bool { !any.isDisjoint(with: w) }
        if has(["pns", "asn", "pppk"]) || label.lowercased().contains("pegawai negeri") { return "PNS" }
        if has(["tni", "polri", "polisi", "tentara"]) { return "TNI/Polri" }
        if has(["swasta", "karyawan", "karyawati", "buruh", "bumn"]) { return "Pegawai Swasta" }
        if has(["wiraswasta", "wirausaha", "pedagang", "pengusaha", "usaha"]) { return "Wiraswasta" }
        if has(["pelajar", "mahasiswa", "mahasiswi", "siswa", "student"]) { return "Pelajar/Mahasiswa" }
        if has(["irt"]) || label.lowercased().contains("rumah tangga") { return "Ibu Rumah Tangga" }
        return lainnya
    }

    /// Lower-case words of letters and digits; "S-1" → ["s1"], "D III" → ["d", "iii"] and the
    /// pair read together, so both spellings match.
    static func words(_ label: String) -> Set<String> {
        var out: [String] = []
        var current = ""
        for ch in label.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if ch == "-" || ch == "." { continue } else {
                if !current.isEmpty { out.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        var set = Set(out)
        for i in out.indices.dropLast() { set.insert(out[i] + out[i + 1]); set.insert(out[i] + " " + out[i + 1]) }
        return set
    }
}
