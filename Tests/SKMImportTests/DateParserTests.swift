import Testing
import SKMDomain
@testable import SKMImport

@Suite struct DateParserTests {
    let p = DateParser()
    let march4 = LocalDate(year: 2024, month: 3, day: 4)!

    func ok(_ s: String, _ parser: DateParser? = nil) -> ParsedDateTime? {
        if case let .success(v) = (parser ?? p).parse(s) { return v }
        return nil
    }

    func reason(_ s: String, _ parser: DateParser? = nil) -> String? {
        if case let .failure(f) = (parser ?? p).parse(s) { return f.reason }
        return nil
    }

    @Test func isoForms() {
        #expect(ok("2024-03-04") == ParsedDateTime(date: march4, secondOfDay: nil, utcOffset: nil))
        #expect(ok("2024-03-04 09:15") == ParsedDateTime(date: march4, secondOfDay: 33300, utcOffset: nil))
        #expect(ok("2024-03-04T09:15:07") == ParsedDateTime(date: march4, secondOfDay: 33307, utcOffset: nil))
        #expect(ok("2024-03-04T09:15:00+07:00")?.utcOffset == 25200)
        #expect(ok("2024-03-04T09:15:00.123Z")?.utcOffset == 0)
        #expect(ok("2024-03-04 09:15 +0800")?.utcOffset == 28800)
        #expect(ok("2024/03/04") == ParsedDateTime(date: march4, secondOfDay: nil, utcOffset: nil))
    }

    @Test func indonesianForms() {
        #expect(ok("04/03/2024 09:15")?.date == march4)
        #expect(ok("4-3-2024")?.date == march4)
        #expect(ok("04.03.2024 09.15")?.secondOfDay == 33300)
        #expect(ok("4 Maret 2024")?.date == march4)
        #expect(ok("4 Mar 2024 09:15 WITA") == ParsedDateTime(date: march4, secondOfDay: 33300, utcOffset: 28800))
        #expect(ok("04/03/2024 9:15:32")?.secondOfDay == 33332)  // Google Forms, Indonesian locale
        #expect(ok(" 2024-03-04 ")?.date == march4)
    }

    @Test func monthFirstWhenAsked() {
        let us = DateParser(order: .monthFirst)
        #expect(ok("3/4/2024 9:15:00", us) == ParsedDateTime(date: march4, secondOfDay: 33300, utcOffset: nil))
        #expect(reason("3/25/2024 9:15:00") == "bulan 25 tidak ada; tampaknya bulan ditulis lebih dulu (ekspor en-US): pakai --date-order mdy")
    }

    @Test func plainReasons() {
        #expect(reason("2024-13-05 09:00") == "bulan 13 tidak ada")
        #expect(reason("29/02/2023") == "tanggal 29 tidak ada di bulan 2 tahun 2023")
        #expect(reason("04/03/24") == "tahun harus ditulis 4 angka")
        #expect(reason("2024-03-04 25:00") == "jam 25:00 tidak ada")
        #expect(reason("kemarin") == "bukan tanggal yang dikenali (contoh: 2024-03-04 09:15 atau 04/03/2024 09:15)")
        #expect(reason("2024-03-04 09:15 XYZ") == "zona waktu tidak dikenali")
        #expect(reason("45355.5") != nil)  // a serial is only a date in XLSX cells
    }

    @Test func excelSerials() {
        let x = DateParser(acceptsSerial: true)
        #expect(ok("45355", x) == ParsedDateTime(date: march4, secondOfDay: nil, utcOffset: nil))
        #expect(ok("45355.385416666664", x) == ParsedDateTime(date: march4, secondOfDay: 33300, utcOffset: nil))
        #expect(ok("2024-03-04", x)?.date == march4)
    }

    @Test func instantsUseTheAgencyZoneUnlessTheTextNamesOne() {
        // 2024-03-04 is day 19786; 09:15 WIB = 02:15 UTC.
        #expect(ok("2024-03-04 09:15")!.instant(in: .wib) == 19786 * 86400 + 33300 - 25200)
        #expect(ok("2024-03-04 09:15")!.instant(in: .wit) == 19786 * 86400 + 33300 - 32400)
        #expect(ok("2024-03-04 09:15 WIB")!.instant(in: .wit) == 19786 * 86400 + 33300 - 25200)
        // 23:30 WIB is already the next day in WIT.
        #expect(ok("2024-03-04 23:30 WIB")!.localDate(in: .wit) == march4.adding(days: 1))
    }
}
