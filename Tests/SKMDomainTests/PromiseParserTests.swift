import Testing
@testable import SKMDomain

/// Every *jangka waktu* text of the five seed decrees, as the decree writes it (HTML residue
/// included), with the promise it must give; then phrasings the seeds do not have.
struct PromiseParserTests {
    static func d(_ amount: Int, _ unit: PromiseUnit, from lower: Int? = nil) -> PromisedDuration {
        PromisedDuration(amount: amount, unit: unit, lowerBound: lower)
    }

    static let dtksA = "5 (lima) hari kerja, penyelesaian 1 (satu) hari kerja apabila data sudah masuk di DTKS, jika belum masuk dibutuhkan penyelesaian 3 (tiga) hari kerja - Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB - Jumat Pukul 07.30 – 11.00 WIB - Sabtu/Minggu dan tanggal merah/cuti bersama “ TUTUP ”"
    static let dtksB = "<p>5 (lima) hari kerja, penyelesaian 1 (satu) hari kerja apabila data sudah masuk di DTKS, jika belum masuk dibutuhkan penyelesaian 3 (tiga) hari kerja</p> <ul style=\"list-style-type: none\"> - Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB - Jumat Pukul 07.30 – 11.00 WIB <p>Sabtu/Minggu dan tanggal merah/cuti bersama “TUTUP”</p>"
    static let dtksC = "<p>5 (lima) hari kerja, penyelesaian 1 (satu) hari kerja apabila data sudah masuk di DTKS, jika belum masuk dibutuhkan penyelesaian 3 (tiga) hari kerja</p> <ul style=\"list-style-type: none\"> - Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB - Jumat Pukul 07.30 – 11.00 WIB - Sabtu/Minggu dan tanggal merah/cuti bersama “TUTUP”"
    static let dtksD = "5 (lima) hari kerja, penyelesaian 1 (satu) hari kerja apabila data sudah masuk di DTKS, jika belum masuk dibutuhkan penyelesaian 3 (tiga) hari kerja - Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB - Jumat Pukul 07.30 – 11.00 WIB Sabtu/Minggu dan tanggal merah/cuti bersama “TUTUP”"

    /// (decree, text, expected single duration)
    static let singles: [(String, String, PromisedDuration)] = [
        ("bengkulu-selatan informasi", "1 (satu) hari", d(1, .calendarDays)),
        ("bengkulu-selatan pengaduan-kekerasan", "3 (tiga) hari", d(3, .calendarDays)),
        ("bengkulu-selatan pusyangatra-puspaga", "1 (satu) hari kerja", d(1, .workingDays)),
        ("bengkulu-selatan distribusi-alokon", "1 hari kerja", d(1, .workingDays)),
        ("bengkulu-selatan pencegahan-stunting", "1 Bulan", d(1, .months)),
        ("musi-banyuasin kb-bergerak", "Waktu penyelesaian di pelayanan KB Adalah 10 menit s.d 30 menit", d(30, .minutes, from: 10)),
        ("musi-banyuasin kesertaan-kb", "Waktu penyelesaian Pelayanan KB adalah 10 Menit s.d 30 Menit", d(30, .minutes, from: 10)),
        ("musi-banyuasin kampung-kb", "Waktu Penyelesaian selama Tiga Hari Pelaksanaan Kegiatan", d(3, .calendarDays)),
        ("musi-banyuasin uppka", "Waktu penyelesaian selama 4 hari\n\nuntuk pelaksanaan pelatihan kader kelompok UPPKA", d(4, .calendarDays)),
        ("musi-banyuasin pembinaan-imp", "1) Pembinaan dilakukan selama kurang lebih 9 jam, terdiri dari : <ul style=\"list-style-type: none\"> <li>- pembukaan</li> <li>- 2 jam materi pertama</li> <li>- 2 jam materi kedua</li> <li>- 1 jam ishoma</li> <li>- 2 jam materi ketiga</li> <li>- 2 jam materi keempat</li> </ul>", d(9, .hours)),
        ("pekalongan orang-terlantar", "60 Menit", d(60, .minutes)),
        ("pekalongan distribusi-cbp", "7 Hari", d(7, .calendarDays)),
        ("pekalongan kb-mkjp/kontap/serempak", "1 (satu) hari, sesuai jadwal pelayanan masing-masing Fasilitas Pelayanan Kesehatan", d(1, .calendarDays)),
        // Phrasings the seeds do not have.
        ("weeks", "2 (dua) minggu", d(14, .calendarDays)),
        ("working days", "14 hari kerja", d(14, .workingDays)),
        ("paling lama", "paling lama 3 hari", d(3, .calendarDays)),
        ("1 x 24 jam", "1 x 24 jam", d(24, .hours)),
        ("word range", "sepuluh s/d dua puluh menit", d(20, .minutes, from: 10)),
        ("dash range", "10-30 menit", d(30, .minutes, from: 10)),
        ("sampai dengan", "5 sampai dengan 7 hari kerja", d(7, .workingDays, from: 5)),
        ("compound words", "dua puluh satu hari", d(21, .calendarDays)),
        ("belas", "Empat Belas Hari Kerja", d(14, .workingDays)),
        ("sehari", "Selesai dalam sehari", d(1, .calendarDays)),
        ("max", "max 2 jam", d(2, .hours)),
        ("kurang lebih", "kurang lebih 45 menit", d(45, .minutes)),
        ("year", "1 (satu) tahun", d(12, .months)),
        ("weeks range", "1 s.d. 2 minggu", d(14, .calendarDays, from: 7)),
        ("selambat-lambatnya", "selambat-lambatnya 14 (empat belas) hari kerja sejak berkas lengkap", d(14, .workingDays)),
        ("paling lambat 2 x 24 jam", "paling lambat 2 x 24 jam", d(48, .hours)),
        ("1x24 jam", "1x24 jam", d(24, .hours)),
        ("words then digits", "tiga (3) hari kerja", d(3, .workingDays)),
        ("calendar days", "7 (tujuh) hari kalender", d(7, .calendarDays)),
    ]

    @Test(arguments: singles.indices)
    func singlePromise(_ i: Int) {
        let (label, text, expected) = Self.singles[i]
        var p = PromiseParser.parse(text)
        p.note = nil  // clock-start notes are PromisePhrasingTests' concern
        #expect(p == Promise.single(text, expected), "\(label)")
        #expect(p.text == text)
    }

    @Test(arguments: [dtksA, dtksB, dtksC, dtksD])
    func dtksVariants(_ text: String) {
        let p = PromiseParser.parse(text)
        #expect(p.variants == [
            .init(name: "umum", duration: Self.d(5, .workingDays)),
            .init(name: "dtks", duration: Self.d(1, .workingDays)),
            .init(name: "non dtks", duration: Self.d(3, .workingDays)),
        ])
        #expect(p.defaultVariant == "umum")
        #expect(p.duration(forVariant: "DTKS") == Self.d(1, .workingDays))
        #expect(p.duration(forVariant: "non DTKS") == Self.d(3, .workingDays))
        #expect(p.duration(forVariant: nil) == Self.d(5, .workingDays))
    }

    @Test func rutinNonRutin() {
        for text in ["1. Distribusi rutin s/d 6 hari 2. Non rutin max 1 hari",
                     "Distribusi rutin s/d 6 hari; Non rutin max 1 hari"] {
            let p = PromiseParser.parse(text)
            #expect(p.variants == [
                .init(name: "rutin", duration: Self.d(6, .calendarDays)),
                .init(name: "non rutin", duration: Self.d(1, .calendarDays)),
            ], "\(text)")
            #expect(p.defaultVariant == "rutin")
            #expect(p.duration(forVariant: "Non Rutin") == Self.d(1, .calendarDays))
        }
    }

    @Test func hyphenatedVariantNames() {
        let p = PromiseParser.parse("Rutin: 3 hari kerja; Non-rutin: 1 hari kerja")
        #expect(p.variants.map(\.name) == ["rutin", "non rutin"])
        #expect(p.duration(forVariant: "non rutin") == Self.d(1, .workingDays))
    }

    /// Tracks other decrees name: each clause's own word, not "non rutin" for all of them, and
    /// no clause lost ("kilat" used to vanish behind "reguler").
    @Test func namedTracksAreTheirOwnVariants() {
        let a = PromiseParser.parse("Rutin 6 hari; darurat 1 jam")
        #expect(a.variants == [.init(name: "rutin", duration: Self.d(6, .calendarDays)),
                               .init(name: "darurat", duration: Self.d(1, .hours))])
        #expect(a.defaultVariant == "rutin")
        let b = PromiseParser.parse("Reguler 3 (tiga) hari kerja, kilat 1 (satu) hari kerja")
        #expect(b.variants == [.init(name: "reguler", duration: Self.d(3, .workingDays)),
                               .init(name: "kilat", duration: Self.d(1, .workingDays))])
        #expect(b.defaultVariant == "reguler")
        let c = PromiseParser.parse("Online: 1 hari kerja; Offline: 3 hari kerja")
        #expect(c.variants.map(\.name) == ["daring", "luring"])
        // A track word after the number is not a label: "3 hari kerja biasa" is one promise.
        let d = PromiseParser.parse("3 hari kerja biasa")
        #expect(d.variants == [.init(duration: Self.d(3, .workingDays))])
    }

    /// A count that overflows once scaled to its unit (years → months) is no duration; it
    /// used to trap (found by scripts/fuzz, corpus file promise/overflow-years).
    @Test func countsTooLargeToScaleAreNoDuration() {
        let p = PromiseParser.parse("7777777777777777777 tahun")
        #expect(p.variants.isEmpty)
        #expect(PromiseParser.parse("1 s.d. 7777777777777777777 tahun").variants.isEmpty)
        // What fits is kept as the text says; the catalog refuses more than ten years.
        #expect(PromiseParser.parse("20 tahun").variants == [.init(duration: Self.d(240, .months))])
    }

    @Test func massServiceHasNoPromise() {
        let text = "<ol style=\"list-style-type: none\"> <li>1) Pelayanan di lakukan secara Masal</li> <li>2) Berkerja sama dengan RSIA ( Rumah Sakit Rika Amelia ) Palembang</li> </ol>"
        let p = PromiseParser.parse(text)
        #expect(!p.isMeasurable)
        #expect(p.noPromiseReason == "tidak menyebut waktu penyelesaian (pelayanan dilakukan secara massal)")
        #expect(p.text == text)
    }

    @Test func officeHoursOnlyHaveNoPromise() {
        let text = "Pelayanan dilakukan setiap hari kerja sesuai dengan Jam Kerja dari Pukul 08.00 Wita - 12.00 Wita <ul style=\"list-style-type: none\"> - Senin : Pelayanan Informasi Kependudukan dan KB - Selasa : Pelayanan/Konseling keluarga remaja dan remaja pra nikah - Rabu : Pelayanan konseling keluarga balita dan Keluarga Lansia dan Lansia - Kamis : Pelayanan Konseling Keluarga Berencana dan Kesehatan Reproduksi - Jumat : Pembinaan Usaha Ekonomi Produktif (UEP) dan UPPKA"
        let p = PromiseParser.parse(text)
        #expect(!p.isMeasurable)
        #expect(p.noPromiseReason == "hanya menyebut hari/jam pelayanan, bukan waktu penyelesaian")
        #expect(PromiseParser.parse("Senin-Jumat : 08.00-16.00 WIB").isMeasurable == false)
    }

    @Test func textWithoutNumbersHasNoPromise() {
        let p = PromiseParser.parse("Sesuai antrean")
        #expect(p == .none("Sesuai antrean", reason: "tidak menyebut waktu penyelesaian yang terukur"))
        #expect(!PromiseParser.parse("").isMeasurable)
    }

    @Test func indonesianNumberWords() {
        #expect(IndonesianNumber.value(of: "satu") == 1)
        #expect(IndonesianNumber.value(of: "sepuluh") == 10)
        #expect(IndonesianNumber.value(of: "sebelas") == 11)
        #expect(IndonesianNumber.value(of: "Delapan Belas") == 18)
        #expect(IndonesianNumber.value(of: "dua puluh") == 20)
        #expect(IndonesianNumber.value(of: "dua puluh empat") == 24)
        #expect(IndonesianNumber.value(of: "seratus dua puluh") == 120)
        #expect(IndonesianNumber.value(of: "tiga ratus enam puluh lima") == 365)
        #expect(IndonesianNumber.value(of: "dua ribu dua puluh empat") == 2024)
        #expect(IndonesianNumber.value(of: "dua tiga") == nil)
        #expect(IndonesianNumber.value(of: "hari") == nil)
    }
}
