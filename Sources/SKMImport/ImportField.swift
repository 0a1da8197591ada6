import SKMDomain
import SKMStorage

/// What a column of an import file can feed. Transaction files use `id` … `channel`;
/// response files use `id`, `agency`, `service`, `date` … `transactionId` and `answer`.
public enum ImportField: Hashable, Sendable, CustomStringConvertible {
    case id, agency, service
    case receivedAt, finishedAt, variant, pauses, channel
    case date, gender, age, education, occupation, saran, transactionId
    /// The answer to one unsur, by its index in the method's unsur order (0 = U1).
    case answer(Int)

    /// The name used in `--map col=field` and in messages.
    public var description: String {
        switch self {
        case .id: "id"
        case .agency: "agency"
        case .service: "service"
        case .receivedAt: "received_at"
        case .finishedAt: "finished_at"
        case .variant: "variant"
        case .pauses: "pauses"
        case .channel: "channel"
        case .date: "date"
        case .gender: "gender"
        case .age: "age"
        case .education: "education"
        case .occupation: "occupation"
        case .saran: "saran"
        case .transactionId: "transaction_id"
        case let .answer(i): "u\(i + 1)"
        }
    }

    /// A dense number for array lookups on the per-row path (no dictionary hashing per row).
    var ordinal: Int {
        switch self {
        case .id: 0
        case .agency: 1
        case .service: 2
        case .receivedAt: 3
        case .finishedAt: 4
        case .variant: 5
        case .pauses: 6
        case .channel: 7
        case .date: 8
        case .gender: 9
        case .age: 10
        case .education: 11
        case .occupation: 12
        case .saran: 13
        case .transactionId: 14
        case let .answer(i): 15 + i
        }
    }

    static let ordinalCount = 15 + 14

    public static let transactionFields: [ImportField] = [.id, .agency, .service, .receivedAt, .finishedAt, .variant, .pauses, .channel]
    public static let responseFields: [ImportField] = [.id, .agency, .service, .date, .gender, .age, .education, .occupation, .saran, .transactionId]

    /// Names a user would give each column, already normalised (see `normalizedHeader`).
    /// Indonesian first, then English; the canonical name is always accepted.
    static func aliases(_ kind: ImportKind) -> [ImportField: [String]] {
        switch kind {
        case .transactions:
            [
                .id: ["id", "no_registrasi", "nomor_registrasi", "no_reg", "no_berkas", "nomor_berkas", "no_permohonan",
                      "nomor_permohonan", "id_transaksi", "transaction_id", "no_transaksi", "nomor_transaksi", "kode_transaksi",
                      "registration", "registration_number", "ticket", "no_tiket", "nomor_tiket"],
                .agency: ["agency", "instansi", "penyelenggara", "kode_instansi", "nama_instansi", "opd", "agency_code"],
                .service: ["service", "layanan", "jenis_layanan", "kode_layanan", "nama_layanan", "service_code", "service_name",
                           "jenis_pelayanan", "pelayanan"],
                .receivedAt: ["received_at", "received", "tanggal_terima", "tgl_terima", "waktu_terima", "diterima",
                              "tanggal_diterima", "tanggal_masuk", "tgl_masuk", "waktu_masuk", "tanggal_permohonan",
                              "tanggal_pengajuan", "submitted_at", "start", "mulai"],
                .finishedAt: ["finished_at", "finished", "completed_at", "completed", "tanggal_selesai", "tgl_selesai",
                              "waktu_selesai", "selesai", "tanggal_penyelesaian", "tanggal_terbit", "done_at"],
                .variant: ["variant", "varian", "jenis", "kategori", "category"],
                .pauses: ["pauses", "pause", "jeda", "penundaan", "ditunda", "waktu_tunggu_pemohon"],
                .channel: ["channel", "kanal", "saluran", "media", "cara_pengajuan"],
            ]
        case .responses:
            [
                .id: ["id", "id_responden", "no_responden", "nomor_responden", "response_id", "id_respon", "no_kuesioner",
                      "nomor_kuesioner", "respondent", "responden", "respondent_id", "kode_responden"],
                .agency: ["agency", "instansi", "penyelenggara", "kode_instansi", "nama_instansi", "opd", "agency_code"],
                .service: ["service", "layanan", "jenis_layanan", "kode_layanan", "nama_layanan", "service_code", "service_name",
                           "jenis_pelayanan", "pelayanan", "layanan_yang_diterima", "jenis_layanan_yang_diterima",
                           "bidang", "bidang_layanan", "unit", "unit_layanan", "unit_pelayanan", "nama_unit"],
                .date: ["date", "tanggal", "tgl", "tanggal_survei", "tanggal_survey", "tanggal_pengisian", "tanggal_isi",
                        "timestamp", "stempel_waktu", "cap_waktu", "waktu", "waktu_pengisian", "submitted_at"],
                .gender: ["gender", "jenis_kelamin", "jk", "kelamin", "sex", "l_p"],
                .age: ["age", "umur", "usia", "umur_tahun", "usia_tahun"],
                .education: ["education", "pendidikan", "pendidikan_terakhir", "pendidikan_tertinggi"],
                .occupation: ["occupation", "pekerjaan", "pekerjaan_utama", "job"],
                .saran: ["saran", "saran_dan_masukan", "kritik_dan_saran", "saran_masukan", "masukan", "kritik_saran",
                         "suggestion", "suggestions", "comment", "comments", "komentar", "kritik", "saran_kritik",
                         "kritik_saran_masukan", "kritik_dan_saran_anda"],
                .transactionId: ["transaction_id", "id_transaksi", "no_registrasi", "nomor_registrasi", "no_transaksi",
                                 "nomor_transaksi", "no_berkas", "nomor_berkas"],
            ]
        }
    }

    /// Keywords of each PermenPANRB 14/2017 unsur as the standard questions word them, so a
    /// Google Forms column headed by the whole question finds its unsur whatever the form's
    /// order. `saran` is deliberately absent: it names the free-text suggestion column.
    static let unsurKeywords: [[String]] = [
        ["persyaratan"],
        ["prosedur", "mekanisme"],
        ["waktu", "kecepatan"],
        ["biaya", "tarif"],
        ["produk", "spesifikasi"],
        ["kompetensi", "kemampuan"],
        ["perilaku", "kesopanan", "keramahan", "sopan", "ramah"],
        ["pengaduan"],
        ["sarana", "prasarana"],
    ]

    /// Words in a header that show the column identifies a person; such columns are dropped.
    static let personalWords: Set<String> = [
        "nama", "name", "nik", "ktp", "nip", "telepon", "telp", "tlp", "phone", "hp", "handphone", "whatsapp", "wa",
        "email", "mail", "surel", "alamat", "address", "username",
        "kk", "kependudukan", "identitas", "ttl", "ponsel", "hape", "kontak", "npwp", "paspor", "passport", "domisili",
    ]

    /// Normalised headers that identify a person only as a phrase ("tahun lahir" alone may be
    /// an age, "tanggal lahir" is a birth date).
    static let personalPhrases = ["tanggal_lahir", "tgl_lahir", "tempat_lahir", "date_of_birth", "birth_date", "birthdate"]

    /// Whether a normalised header names a column that identifies a person.
    static func isPersonal(_ normalized: String) -> Bool {
        !Set(normalized.split(separator: "_").map(String.init)).isDisjoint(with: personalWords)
            || personalPhrases.contains { normalized.contains($0) }
    }
}

/// Which kind of rows a file holds: `.transactions` or `.responses`.
public typealias ImportKind = ImportWriter.Kind

/// Lower-case, every run of non-alphanumerics as one `_`, trimmed: "Tanggal Terima" → "tanggal_terima",
/// "No. HP/WA" → "no_hp_wa".
public func normalizedHeader(_ s: String) -> String {
    var out = ""
    var pendingSep = false
    for ch in s.lowercased() {
        if ch.isLetter || ch.isNumber {
            if pendingSep, !out.isEmpty { out.append("_") }
            pendingSep = false
            out.append(ch)
        } else {
            pendingSep = true
        }
    }
    return out
}
