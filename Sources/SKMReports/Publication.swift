/// Rules for reports marked for publication. One seed service takes complaints of violence
/// against women and children: nothing published may point to a person.
public enum Publication {
    /// Profile rows to hide: every count under 5 and, when that is a single row, the next
    /// smallest too — otherwise the total minus the others would reveal it.
    public static func suppressed(_ counts: [Int]) -> Set<Int> {
        var hide = Set(counts.indices.filter { counts[$0] < 5 })
        if hide.count == 1, let extra = counts.indices.filter({ !hide.contains($0) }).min(by: { counts[$0] < counts[$1] }) {
            hide.insert(extra)
        }
        return hide
    }

    /// Removes what could point to a person from a report marked for publication: the late
    /// cases (transaction ids and dates — one seed service takes complaints of violence against
    /// women and children), the free-text saran and the rejected rows (raw values, file paths).
    /// The figures stay; a warning says what was left out.
    static func redact(_ r: inout EvaluationReport) {
        r.suggestions = []
        r.rejects = []
        for i in r.services.indices { r.services[i].figures.compliance?.latestCases = [] }
        r.overall.compliance?.latestCases = []
        r.warnings.append("Laporan untuk publikasi: daftar kasus terlambat, saran dan baris yang ditolak tidak dimuat.")
    }
}
