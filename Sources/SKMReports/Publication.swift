import SKMDomain

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
        // A service answered by one person would publish that person's nine answers: groups
        // under 5 show no count, IKM or distribution, and when one service alone is hidden the
        // next smallest goes too, or the office's total minus the others would reveal it.
        let hidden = suppressed(r.services.map { $0.figures.respondents ?? 0 })
        for i in hidden { suppress(&r.services[i].figures) }
        if (r.overall.respondents ?? 0) < 5 { suppress(&r.overall) }
        for i in r.services.indices {
            r.services[i].figures.compliance?.latestCases = []
            r.services[i].figures.compliance?.openOverdueCases = []
        }
        r.overall.compliance?.latestCases = []
        for i in r.services.indices { TimeVoice.redact(&r.services[i].figures.u3ByTimeliness) }
        TimeVoice.redact(&r.overall.u3ByTimeliness)
        for i in (r.history ?? []).indices where (r.history![i].respondents ?? 0) < 5 {
            r.history![i] = HistoryPoint(period: r.history![i].period, respondents: nil, ikmConverted: nil, mutu: nil)
        }
        r.warnings.append(.forPublication)
    }

    /// A profile table counted by the report's categories (`ProfileCategory`) instead of the
    /// labels the files used: a free-text label can point to one person. Categories in their
    /// usual order, then "Tidak diisi" (not answered) as it was.
    static func categorised(_ rows: [(String, Int)], _ category: (String) -> String, order: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        var unanswered: (String, Int)?
        for (label, n) in rows {
            if label == "Tidak diisi" { unanswered = (label, n) } else { counts[category(label), default: 0] += n }
        }
        return order.compactMap { c in counts[c].map { (c, $0) } } + (unanswered.map { [$0] } ?? [])
    }

    /// How a suppressed count is shown.
    public static let fewerThanFive = "< 5"

    /// Keeps a group's turnaround counts (they are about files, not respondents) and drops
    /// everything computed from its respondents.
    static func suppress(_ g: inout GroupFigures) {
        g.suppressed = true
        g.respondents = nil
        g.ikm = nil
        g.ikmConverted = nil
        g.ikmConvertedRounded = nil
        g.mutu = nil
        g.kinerja = nil
        g.kinerjaEn = nil
        g.lowestUnsur = []
        g.unsur = []
        g.confidence95 = nil
        g.change = nil
        g.sample = nil
        g.sampleNote = nil
        g.sampleNoteEn = nil
        g.warnings = []
    }
}
