import Testing
@testable import SKMDomain

/// *Jangka waktu* phrasings of other offices' Standar Pelayanan decrees (quoted as the
/// decrees write them, punctuation included), beyond the five seed decrees.
@Suite struct PromisePhrasingTests {
    static func d(_ amount: Int, _ unit: PromiseUnit, from lower: Int? = nil) -> PromisedDuration {
        PromisedDuration(amount: amount, unit: unit, lowerBound: lower)
    }

    /// (text, promise, note)
    static let cases: [(String, PromisedDuration, String?)] = [
        // A usual time followed by a maximum promises the maximum.
        ("1 (satu) hari, maksimal 3 (tiga) hari kerja", d(3, .workingDays), nil),
        ("3 hari maksimal 5 hari kerja", d(5, .workingDays), nil),
        ("Diproses 2 hari kerja, paling lama 7 hari kerja", d(7, .workingDays), nil),
        ("Paling lambat 17 hari kerja", d(17, .workingDays), nil),
        ("selambat-lambatnya 14 (empat belas) hari kerja", d(14, .workingDays), nil),
        // An extension is not the promise, even behind "paling lambat".
        ("Waktu penyelesaian dilaksanakan paling lambat 10 (sepuluh) hari kerja sejak diterimanya permintaan. "
            + "Petugas pengelola pengaduan akan menyampaikan tanggapan secara resmi. Petugas pengaduan dapat memperpanjang "
            + "waktu paling lambat 7 (tujuh) hari kerja;", d(10, .workingDays), "sejak diterimanya permintaan"),
        ("10 hari kerja dan dapat diperpanjang paling lambat 7 hari kerja", d(10, .workingDays), nil),
        // Ranges: en dash, s/d, s/ (the d left out).
        ("3 – 5 hari kerja", d(5, .workingDays, from: 3), nil),
        ("3 s/d 5 hari kerja", d(5, .workingDays, from: 3), nil),
        ("3 s/ 5 hari kerja", d(5, .workingDays, from: 3), nil),
        ("15 menit – 30 menit", d(30, .minutes, from: 15), nil),
        // When the clock starts is the promise's note, as written.
        ("14 (empat belas) hari kerja sejak persyaratan dinyatakan lengkap", d(14, .workingDays), "sejak persyaratan dinyatakan lengkap"),
        ("5 hari kerja setelah berkas permohonan diterima lengkap dan benar.", d(5, .workingDays), "setelah berkas permohonan diterima lengkap dan benar"),
        ("Paling lama 10 (sepuluh) hari kerja setelah permohonan dicatat dalam buku register permohonan informasi publik.",
         d(10, .workingDays), "setelah permohonan dicatat dalam buku register permohonan informasi publik"),
        ("7 Hari Kerja terhitung sejak Persyaratan Dinyatakan Lengkap", d(7, .workingDays), "terhitung sejak Persyaratan Dinyatakan Lengkap"),
        // Others seen: an asterisk after the unit, office hours before the time.
        ("30 ( tiga puluh) menit*", d(30, .minutes), nil),
        ("Senin-Kamis pukul 08:00 Wib s/d 16:15 Wib. Jum’at pukul 08:00 Wib s/d 16:45 Wib/ Proses 1 Minggu", d(7, .calendarDays), nil),
    ]

    @Test(arguments: cases.indices)
    func phrasing(_ i: Int) {
        let (text, duration, note) = Self.cases[i]
        let p = PromiseParser.parse(text)
        #expect(p.variants == [Promise.Variant(duration: duration)], "\(text)")
        #expect(p.note == note, "\(text)")
    }

    /// "setelah" in a sentence that is not about the clock is no note.
    @Test func aNoteNeedsAClockStartTopic() {
        #expect(PromiseParser.parse("3 hari kerja, setelah itu diserahkan kepada pemohon").note == nil)
        #expect(PromiseParser.parse("Pelayanan di lakukan secara Masal").note == nil)
    }

    /// A maximum in a variant clause stays that variant's.
    @Test func variantsKeepTheirOwnMaximum() {
        let p = PromiseParser.parse("1. Distribusi rutin s/d 6 hari\n2. Non rutin max 1 hari")
        #expect(p.variants.map(\.duration) == [Self.d(6, .calendarDays), Self.d(1, .calendarDays)])
    }
}
