import Testing
@testable import SKMDomain

/// Real calendars for tests, written out here so the tests do not depend on `seeds/`.
enum Fixtures {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    /// A UTC instant from local wall-clock time.
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int, _ zone: IndonesianTimeZone = .wib) -> Int64 {
        zone.instant(date(y, m, d), minuteOfDay: h * 60 + min)
    }

    private static func days(_ kind: Holiday.Kind, _ source: String, _ list: [(Int, Int, Int, String)]) -> [Holiday] {
        list.map { Holiday(date: date($0.0, $0.1, $0.2), name: $0.3, kind: kind, source: source) }
    }

    /// SKB 3 Menteri 2024 (as amended): national holidays and cuti bersama.
    static let holidays2024: [Holiday] = days(.national, "SKB 3 Menteri 2024", [
        (2024, 1, 1, "Tahun Baru 2024 Masehi"), (2024, 2, 8, "Isra Mikraj"), (2024, 2, 10, "Tahun Baru Imlek"),
        (2024, 3, 11, "Hari Suci Nyepi"), (2024, 3, 29, "Wafat Isa Almasih"), (2024, 3, 31, "Hari Paskah"),
        (2024, 4, 10, "Idul Fitri 1445 H"), (2024, 4, 11, "Idul Fitri 1445 H"), (2024, 5, 1, "Hari Buruh"),
        (2024, 5, 9, "Kenaikan Isa Almasih"), (2024, 5, 23, "Waisak"), (2024, 6, 1, "Hari Lahir Pancasila"),
        (2024, 6, 17, "Idul Adha"), (2024, 7, 7, "Tahun Baru Islam"), (2024, 8, 17, "Hari Kemerdekaan"),
        (2024, 9, 16, "Maulid Nabi"), (2024, 12, 25, "Hari Raya Natal"),
    ]) + days(.cutiBersama, "SKB 3 Menteri 2024", [
        (2024, 2, 9, "Imlek"), (2024, 3, 12, "Nyepi"), (2024, 4, 8, "Idul Fitri"), (2024, 4, 9, "Idul Fitri"),
        (2024, 4, 12, "Idul Fitri"), (2024, 4, 15, "Idul Fitri"), (2024, 5, 10, "Kenaikan Isa Almasih"),
        (2024, 5, 24, "Waisak"), (2024, 6, 18, "Idul Adha"), (2024, 12, 26, "Hari Raya Natal"),
    ])

    /// The start of 2025 only; enough for year-boundary tests when 2025 is declared loaded.
    static let holidays2025: [Holiday] = days(.national, "SKB 3 Menteri 2025", [
        (2025, 1, 1, "Tahun Baru 2025 Masehi"), (2025, 1, 27, "Isra Mikraj"), (2025, 1, 29, "Tahun Baru Imlek"),
    ]) + days(.cutiBersama, "SKB 3 Menteri 2025", [(2025, 1, 28, "Imlek")])

    /// Pekalongan's service hours: Senin–Kamis 07.30–12.00, Jumat 07.30–11.00, Sabtu/Minggu tutup.
    static let pekalonganHours = OfficeHours(days: [
        [.init(open: 450, close: 720)], [.init(open: 450, close: 720)], [.init(open: 450, close: 720)],
        [.init(open: 450, close: 720)], [.init(open: 450, close: 660)], [], [],
    ])

    /// Civil-service hours, 2024 loaded (and 2025 too when asked).
    static func calendar(_ zone: IndonesianTimeZone = .wib, hours: OfficeHours = .civilService,
                         with2025: Bool = false, overrides: [LocalDate: [OfficeHours.Interval]] = [:],
                         extra: [Holiday] = []) throws -> WorkingCalendar {
        try WorkingCalendar(timeZone: zone, officeHours: hours,
                            holidays: holidays2024 + (with2025 ? holidays2025 : []) + extra,
                            loadedYears: with2025 ? [2024, 2025] : [2024], overrides: overrides)
    }

    static func standard(_ promise: Promise, from: LocalDate = date(2022, 1, 10), code: String = "L1") -> ServiceStandard {
        ServiceStandard(code: code, name: "Layanan uji", validFrom: from, components: [], promise: promise)
    }

    static func promise(_ n: Int, _ unit: PromiseUnit) -> Promise {
        .single("\(n) \(unit.rawValue)", PromisedDuration(amount: n, unit: unit))
    }

    /// "As of" for open transactions in tests that do not care.
    static let farFuture = at(2024, 12, 31, 12, 0)

    /// Judges against a standard with `promise`; fails the test on a rejection.
    static func judge(_ tx: Transaction, _ promise: Promise, _ cal: WorkingCalendar,
                      asOf: Int64 = farFuture) throws -> TurnaroundJudgement {
        let outcome = try Turnaround.judge(tx, standard: standard(promise), calendar: cal, asOf: asOf)
        return try #require(outcome.judgement)
    }

    static func tx(_ received: Int64, _ finished: Int64?, variant: String? = nil,
                   pauses: [(Int64, Int64)] = [], id: String = "T1") -> Transaction {
        Transaction(id: id, agency: "A", service: "L1", receivedAt: received, finishedAt: finished,
                    variant: variant, pauses: pauses.map { .init(start: $0.0, end: $0.1) })
    }
}
