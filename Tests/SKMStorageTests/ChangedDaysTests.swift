import SKMStorage
import Testing

/// The days a batch touched, per agency, when its agencies are interleaved row by row (as a
/// province's file is) and when a row was overwritten.
struct ChangedDaysTests {
    private func note(_ days: inout ChangedDays, _ agency: String, _ day: String) {
        Array(agency.utf8).withUnsafeBytes { a in Array(day.utf8).withUnsafeBytes { d in days.note(agency: a, day: d) } }
    }

    @Test func interleavedAgenciesKeepTheirOwnFirstAndLastDay() {
        var days = ChangedDays()
        for (agency, day) in [("tasikmalaya", "2024-03-04"), ("bengkulu-selatan", "2024-05-01"), ("tasikmalaya", "2024-01-31"),
                              ("bengkulu-selatan", "2024-04-30"), ("tasikmalaya", "2024-03-05"), ("bengkulu-selatan", "2024-06-15")] {
            note(&days, agency, day)
        }
        let spans = days.spansByAgency().map { "\($0.agency) \($0.first) \($0.last)" }
        #expect(spans == ["bengkulu-selatan 2024-04-30 2024-06-15", "tasikmalaya 2024-01-31 2024-03-05"])
    }

    @Test func anOverwriteCountsEveryDayForItsAgencyOnly() {
        var days = ChangedDays()
        note(&days, "pekalongan", "2024-02-02")
        Array("pekalongan".utf8).withUnsafeBytes { days.noteEveryDay(agency: $0) }
        note(&days, "pekalongan", "2024-02-03")  // still every day
        Array("karangasem".utf8).withUnsafeBytes { days.noteEveryDay(agency: $0) }  // first met by an overwrite
        note(&days, "musi-banyuasin", "2024-07-07")
        let spans = days.spansByAgency().map { "\($0.agency) \($0.first) \($0.last)" }
        #expect(spans == ["karangasem \(ChangedDays.firstDay) \(ChangedDays.lastDay)", "musi-banyuasin 2024-07-07 2024-07-07",
                          "pekalongan \(ChangedDays.firstDay) \(ChangedDays.lastDay)"])
    }
}
