import Foundation
import Testing
import SKMCatalog
import SKMDomain

/// The shipped catalog: every service of the five decrees, with the promise a person reads in it.
struct CatalogSeedsTests {
    let catalog: Catalog
    init() throws { catalog = try CatalogLoader.load(seeds: Seeds.dir) }

    @Test func everyServiceOfEveryDecree() {
        let counts = Dictionary(uniqueKeysWithValues: catalog.agencies.map { ($0.code, $0.services.count) })
        #expect(counts == ["bengkulu-selatan": 5, "musi-banyuasin": 6, "tasikmalaya": 1, "pekalongan": 9, "karangasem": 1])
        #expect(catalog.serviceCount == 22)
    }

    @Test func agenciesTimeZonesAndDecrees() throws {
        let zones = Dictionary(uniqueKeysWithValues: catalog.agencies.map { ($0.code, $0.timeZone) })
        #expect(zones == ["bengkulu-selatan": .wib, "musi-banyuasin": .wib, "tasikmalaya": .wib, "pekalongan": .wib, "karangasem": .wita])
        let muba = try #require(catalog.agency("musi-banyuasin"))
        #expect(muba.decree.number == "B-400.13.1/280.A/SK/KEP/DPPKB/2024")
        #expect(muba.decree.date == LocalDate(year: 2024, month: 5, day: 15))
        let pekalongan = try #require(catalog.agency("pekalongan"))
        #expect(pekalongan.decree.date == LocalDate(year: 2022, month: 4, day: 5))
        #expect(pekalongan.services.allSatisfy { $0.validFrom == pekalongan.decree.date })
    }

    @Test func officeHoursWhereTheDecreeGivesThem() throws {
        let pekalongan = try #require(catalog.agency("pekalongan"))
        for weekday in 1...4 { #expect(pekalongan.officeHours.intervals(weekday: weekday) == [.init(open: 450, close: 720)]) }
        #expect(pekalongan.officeHours.intervals(weekday: 5) == [.init(open: 450, close: 660)])
        #expect(!pekalongan.officeHours.isOfficeDay(weekday: 6) && !pekalongan.officeHours.isOfficeDay(weekday: 7))
        let karangasem = try #require(catalog.agency("karangasem"))
        #expect(karangasem.officeHours.closing(weekday: 5) == 720)
        #expect(catalog.agency("bengkulu-selatan")?.officeHours == .civilService)
    }

    /// Hand-read from each decree's jangka waktu text. `*` marks the default variant.
    static let promises: [String: [String: String]] = [
        "bengkulu-selatan": ["informasi": "1 hari", "pengaduan-kekerasan": "3 hari", "pusyangatra-puspaga": "1 hari kerja",
                             "distribusi-alokon": "1 hari kerja", "pencegahan-stunting": "1 bulan"],
        "musi-banyuasin": ["kb-bergerak": "10 s.d. 30 menit", "kesertaan-kb": "10 s.d. 30 menit",
                           "kb-kontap": "tidak terukur: tidak menyebut waktu penyelesaian (pelayanan dilakukan secara massal)",
                           "kampung-kb": "3 hari", "uppka": "4 hari", "pembinaan-imp": "9 jam"],
        "tasikmalaya": ["distribusi-alokon": "rutin* 6 hari; non rutin 1 hari"],
        "pekalongan": ["rekomendasi-pip": "umum* 5 hari kerja; dtks 1 hari kerja; non dtks 3 hari kerja",
                       "rekomendasi-pis": "umum* 5 hari kerja; dtks 1 hari kerja; non dtks 3 hari kerja",
                       "rekomendasi-pkh": "umum* 5 hari kerja; dtks 1 hari kerja; non dtks 3 hari kerja",
                       "rekomendasi-sembako": "umum* 5 hari kerja; dtks 1 hari kerja; non dtks 3 hari kerja",
                       "orang-terlantar": "60 menit", "distribusi-cbp": "7 hari",
                       "kb-mkjp": "1 hari", "kb-kontap": "1 hari", "kb-serempak": "1 hari"],
        "karangasem": ["ppks": "tidak terukur: hanya menyebut hari/jam pelayanan, bukan waktu penyelesaian"],
    ]

    @Test(arguments: Seeds.agencyCodes)
    func promisesAsADecreeReaderUnderstandsThem(_ code: String) throws {
        let agency = try #require(catalog.agency(code))
        let summaries = Dictionary(uniqueKeysWithValues: agency.services.map { ($0.code, CatalogCheck.summary($0.promise)) })
        #expect(summaries == Self.promises[code])
        for s in agency.services {
            let jw = try #require(s.components.first { $0.key == "jangka_waktu" }, "\(s.code)")
            #expect(s.promise.text == jw.text, "\(s.code): the promise keeps the decree's words")
            #expect(PromiseParser.parse(s.promise.text) == s.promise, "\(s.code)")
        }
    }

    @Test(arguments: Seeds.agencyCodes)
    func everyServiceHasTheStandardComponents(_ code: String) throws {
        let agency = try #require(catalog.agency(code))
        for s in agency.services {
            let keys = Set(s.components.map(\.key))
            let required: Set = ["persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan", "dasar_hukum"]
            #expect(required.isSubset(of: keys), "\(code)/\(s.code) lacks \(required.subtracting(keys).sorted())")
            // MUBA's KB Bergerak has only Dasar Hukum in its manufacturing table.
            if !(code == "musi-banyuasin" && s.code == "kb-bergerak") {
                let manufacturing: Set = ["sarana", "kompetensi", "pengawasan", "jumlah_pelaksana", "jaminan", "keamanan", "evaluasi"]
                #expect(manufacturing.isSubset(of: keys), "\(code)/\(s.code) lacks \(manufacturing.subtracting(keys).sorted())")
            }
            #expect(s.components.allSatisfy { !$0.text.isEmpty && !$0.text.contains("<") }, "\(code)/\(s.code)")
        }
    }

    @Test func checkFindsNoErrorsInTheShippedSeeds() {
        let problems = CatalogCheck.run(seeds: Seeds.dir)
        #expect(problems.filter { $0.severity == .error } == [])
        // The two services with no measurable promise and the two decrees without a number are reported.
        #expect(problems.count == 4)
    }

    /// The files are exactly what `AgencyFile.encoded()` writes: re-saving changes nothing.
    @Test(arguments: Seeds.agencyCodes)
    func filesAreInTheirCanonicalFormat(_ code: String) throws {
        let data = try Data(contentsOf: Seeds.dir.appendingPathComponent("catalog/\(code).json"))
        let file = try JSONDecoder().decode(AgencyFile.self, from: data)
        #expect(String(decoding: file.encoded(), as: UTF8.self) == String(decoding: data, as: UTF8.self))
    }
}
