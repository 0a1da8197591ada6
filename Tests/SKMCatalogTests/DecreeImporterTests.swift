import Foundation
import Testing
import SKMCatalog
import SKMDomain

/// Importing each seed decree recovers the catalog: every service, component and jangka waktu.
/// (Codes, names' capitalisation and decree metadata are the reviewer's and are not compared.)
struct DecreeImporterTests {
    static func normalized(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }

    @Test(arguments: Seeds.agencyCodes)
    func importRecoversTheCatalog(_ code: String) throws {
        let catalog = try CatalogLoader.load(seeds: Seeds.dir)
        let agency = try #require(catalog.agency(code))
        let draft = DecreeImporter.importDecree(try Seeds.decree(code))
        #expect(draft.agency.code == code)
        #expect(draft.agency.timeZone == agency.timeZone.rawValue)
        try #require(draft.agency.services.count == agency.services.count)
        for (imported, reviewed) in zip(draft.agency.services, agency.services) {
            #expect(Self.normalized(imported.name) == Self.normalized(reviewed.name))
            #expect(imported.components.map(\.key) == reviewed.components.map(\.key), "\(reviewed.code)")
            #expect(imported.components.map(\.heading) == reviewed.components.map(\.heading), "\(reviewed.code)")
            #expect(imported.components.map(\.text) == reviewed.components.map(\.text), "\(reviewed.code)")
            #expect(imported.promise == PromiseFile(reviewed.promise), "\(reviewed.code)")
        }
        #expect(draft.unplaced.allSatisfy { $0.line == 0 }, "only decree-level facts may be missing: \(draft.unplaced)")
    }

    @Test func metadataThatIsThereIsRead() throws {
        let muba = DecreeImporter.importDecree(try Seeds.decree("musi-banyuasin")).agency
        #expect(muba.decree.number == "B-400.13.1/280.A/SK/KEP/DPPKB/2024")
        #expect(muba.decree.date == "2024-05-15")
        #expect(muba.region == "Kabupaten Musi Banyuasin")
        let pekalongan = DecreeImporter.importDecree(try Seeds.decree("pekalongan")).agency
        #expect(pekalongan.decree.number == "460 / 0511 / TAHUN 2022")
        #expect(pekalongan.decree.date == "2022-04-05")
        #expect(pekalongan.region == "Kota Pekalongan")
        #expect(pekalongan.services.first?.components.prefix(3).map(\.key) == ["satuan_kerja", "jenis_pelayanan", "dasar_hukum"])
    }

    @Test func whatCannotBePlacedIsListed() throws {
        let bs = DecreeImporter.importDecree(try Seeds.decree("bengkulu-selatan"))
        #expect(bs.unplaced.map(\.reason) == ["decree date has no day"])
        #expect(bs.unplaced.first?.text == "desember 2023")
        let tasik = DecreeImporter.importDecree(try Seeds.decree("tasikmalaya"))
        #expect(tasik.unplaced.map(\.reason) == ["decree number (NOMOR) not found", "decree date not found", "decree title (TENTANG …) not found"])
        #expect(tasik.agency.notes == ["time zone not stated in the text; WIB assumed"])
        let karangasem = DecreeImporter.importDecree(try Seeds.decree("karangasem"))
        #expect(karangasem.agency.decree.date == "2023-05-22")
        #expect(karangasem.agency.notes?.first?.contains("no measurable promise") == true)
    }

    @Test func unknownHeadingsAndMissingPromisesAreReported() {
        let text = """
        1. Pelayanan Contoh

        No\tKomponen\tUraian
        1.\tPersyaratan\tKTP
        2.\tMaklumat Pelayanan\tKami sanggup
        3.\tBiaya\tGratis
        """
        let draft = DecreeImporter.importDecree(text, code: "contoh")
        #expect(draft.agency.code == "contoh")
        #expect(draft.agency.services.map(\.name) == ["Pelayanan Contoh"])
        #expect(draft.agency.services[0].components.map(\.key) == ["persyaratan", "maklumat_pelayanan", "biaya"])
        #expect(draft.agency.services[0].promise == nil)
        let reasons = draft.unplaced.map(\.reason)
        #expect(reasons.contains("component heading not recognised; kept under key \"maklumat_pelayanan\""))
        #expect(reasons.contains("service has no jangka waktu / waktu penyelesaian component"))
    }

    @Test func cellTextIsCleanedIntoLines() {
        #expect(DecreeText.clean("<ol style=\"x\"> <li>1) Satu</li> <li>2) Dua</li> </ol>") == "1) Satu\n2) Dua")
        #expect(DecreeText.clean("1. Copy A;2. Copy B; 3. Surat") == "1. Copy A;\n2. Copy B;\n3. Surat")
        #expect(DecreeText.clean("a. Ruang tunggu b. Meja dan Kursi") == "a. Ruang tunggu\nb. Meja dan Kursi")
        #expect(DecreeText.clean("Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB") == "Senin s.d. Kamis Pukul 07.30 s.d. 12.00 WIB")
        #expect(DecreeText.clean("SALINAN - 2 - Tahun 2009") == "SALINAN - 2 - Tahun 2009")
        #expect(DecreeText.clean("hari kerja - Senin") == "hari kerja\n- Senin")
    }

    @Test func headingsMapToCanonicalKeys() {
        let cases: [(String, String)] = [
            ("Sistem, Mekanisme dan Prosedur", "prosedur"), ("Jangka waktu Pelayan", "jangka_waktu"),
            ("Sarana dan prasarana dan/atau fasilitas", "sarana"), ("Penanganan Pelayanan, Saran dan Masukan", "pengaduan"),
            ("Kopetensi Pelayanan", "kompetensi"), ("Penyelesaian Internal", "pengawasan"),
            ("Jaminan Keamanan dan Keselamatan Pelayanan", "keamanan"), ("Jaminan Pelayanan", "jaminan"),
            ("Evaluasi Kinerja Pelaksana", "evaluasi"), ("Jumlah Pelaksana", "jumlah_pelaksana"), ("Biaya / Tarif", "biaya"),
        ]
        for (heading, key) in cases { #expect(ComponentKey.key(for: heading, hasJangkaWaktu: false) == key, "\(heading)") }
        #expect(ComponentKey.key(for: "Waktu Pelayanan", hasJangkaWaktu: false) == "jangka_waktu")
        #expect(ComponentKey.key(for: "Waktu Pelayanan", hasJangkaWaktu: true) == "waktu_pelayanan")
    }
}
