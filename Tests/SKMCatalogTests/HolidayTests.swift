import Foundation
import Testing
import SKMCatalog
import SKMDomain

struct HolidayTests {
    let catalog: Catalog
    init() throws { catalog = try CatalogLoader.load(seeds: Seeds.dir) }

    func holiday(_ y: Int, _ m: Int, _ d: Int) -> Holiday? {
        catalog.nationalHolidays.first { $0.date == LocalDate(year: y, month: m, day: d) }
    }

    @Test func everyYearFrom2022Through2026WithItsSource() {
        #expect(catalog.loadedYears.isSuperset(of: Set(2022...2026)))
        #expect(!catalog.isCalendarLoaded(year: 2021))
        for year in 2022...2026 {
            let rows = catalog.nationalHolidays.filter { $0.date.year == year }
            #expect(rows.count >= 20, "\(year)")
            #expect(rows.allSatisfy { $0.source.hasPrefix("SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor") }, "\(year)")
        }
        // (libur nasional, cuti bersama) per year, counted from each year's SKB and its amendments.
        let counts = (2022...2026).map { y in
            let rows = catalog.nationalHolidays.filter { $0.date.year == y }
            return [rows.filter { $0.kind == .national }.count, rows.filter { $0.kind == .cutiBersama }.count]
        }
        #expect(counts == [[16, 4], [16, 11], [17, 10], [17, 11], [17, 8]])
    }

    @Test func amendmentsAreCitedWhereTheyMovedOrAddedDays() {
        // 2022: cuti bersama Idul Fitri only came with the amendment (SKB 375/2022).
        #expect(holiday(2022, 4, 29)?.source.contains("375 Tahun 2022") == true)
        #expect(holiday(2022, 12, 26) == nil)
        // 2023: Idul Fitri cuti bersama moved from 21, 24–26 to 19–21, 24–25 April (SKB 327/2023).
        #expect(holiday(2023, 4, 19)?.kind == .cutiBersama)
        #expect(holiday(2023, 4, 19)?.source.contains("327 Tahun 2023") == true)
        #expect(holiday(2023, 4, 26) == nil)
        #expect(holiday(2023, 6, 30)?.source.contains("624 Tahun 2023") == true)
        // 2025: 18 August added (SKB 933/2025).
        #expect(holiday(2025, 8, 18)?.kind == .cutiBersama)
        #expect(holiday(2025, 8, 18)?.source.contains("933 Tahun 2025") == true)
        #expect(holiday(2026, 3, 20)?.name == "Cuti bersama Idulfitri 1447 Hijriah")
        #expect(holiday(2024, 4, 10)?.kind == .national)
    }

    @Test func holidayFileRejectsRowsWithoutSourceOrOutsideItsYear() {
        let text = """
        date,kind,name,source
        2024-01-01,libur_nasional,Tahun Baru,"SKB 855/2023, 3/2023, 4/2023"
        2024-02-30,libur_nasional,Tanggal salah,SKB
        2023-12-25,libur_nasional,Natal,SKB
        2024-05-01,libur,Hari Buruh,SKB
        2024-06-01,libur_nasional,Pancasila,
        2024-01-01,libur_nasional,Tahun Baru lagi,SKB
        """
        let (rows, problems) = HolidayFile.parse(text, file: "holidays/2024.csv", year: 2024, allowedKinds: [.national, .cutiBersama])
        #expect(rows.map(\.name) == ["Tahun Baru", "Pancasila"])
        #expect(rows.first?.source == "SKB 855/2023, 3/2023, 4/2023")
        #expect(problems.map(\.description) == [
            "error: holidays/2024.csv:3: date: \"2024-02-30\" is not a YYYY-MM-DD date",
            "error: holidays/2024.csv:4: date: 2023-12-25 is not in 2024",
            "error: holidays/2024.csv:5: kind: \"libur\" is not one of cuti_bersama, libur_nasional",
            "error: holidays/2024.csv:6: source: no source: cite the decree (SKB number/year) this date comes from",
            "error: holidays/2024.csv:7: date: 2024-01-01 libur_nasional listed twice (also line 2)",
        ])
        let (_, headerProblems) = HolidayFile.parse("tanggal,nama\n", file: "x.csv")
        #expect(headerProblems.first?.message.hasPrefix("header must be date,kind,name,source") == true)
    }

    @Test func agencyClosuresAreLayeredOnTheNationalCalendar() throws {
        let agency = try String(contentsOf: Seeds.dir.appendingPathComponent("catalog/karangasem.json"), encoding: .utf8)
        let dir = try Seeds.temporary([
            "catalog/karangasem.json": agency,
            "holidays/2024.csv": "date,kind,name,source\n2024-03-11,libur_nasional,Nyepi,SKB 855/2023\n",
            "closures/karangasem.csv": "date,kind,name,source\n2024-03-12,regional,Ngembak Geni,SE Gubernur Bali\n2024-03-13,penutupan,Rapat kerja,Nota dinas\n",
        ])
        let catalog = try CatalogLoader.load(seeds: dir)
        #expect(catalog.holidays(forAgency: "karangasem").map(\.name) == ["Nyepi", "Ngembak Geni", "Rapat kerja"])
        #expect(catalog.holidays(forAgency: "pekalongan").map(\.name) == ["Nyepi"])
    }
}
