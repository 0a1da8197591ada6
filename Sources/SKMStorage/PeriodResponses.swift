import GRDB
import GRDBSQLite
import SKMDomain

/// Everything a report reads from an agency's responses, taken in one scan of its rows: the
/// IKM tallies of the period and of the period before it (for the change), the respondent
/// profile (*profil responden*) and the number of saran.
///
/// Each of those was its own read — seven in all — and every read scans the agency's whole
/// slice of `response` (see Reads.swift), so a report paid seven scans for one. The figures are
/// the same as those reads give (`responseTallies`, `profileCounts`, `suggestionCount`): the
/// filters are the same SQL expressions, tallies are summed per month in stored order and
/// merged in month order as before, and profile categories are grouped and ordered as SQL's
/// `GROUP BY … ORDER BY` does (see `TextKeys`).
public struct PeriodResponses: Sendable {
    /// Tallies of the method's responses per service, for the period and the one before.
    public var tallies: [String: ResponseTally]
    public var previousTallies: [String: ResponseTally]
    /// Respondents of the period by category, whatever their method (as `profileCounts`).
    public var profile: ProfileCounts
    /// Saran of the period that are not blank (as `suggestionCount`).
    public var suggestionCount: Int
    /// Those saran, in the report's order, when asked for (`spoolingSuggestions`).
    public var suggestions: SuggestionSpool?

    public init(tallies: [String: ResponseTally], previousTallies: [String: ResponseTally], profile: ProfileCounts,
                suggestionCount: Int, suggestions: SuggestionSpool?) {
        self.tallies = tallies
        self.previousTallies = previousTallies
        self.profile = profile
        self.suggestionCount = suggestionCount
        self.suggestions = suggestions
    }
}

extension Store {
    /// Reads `PeriodResponses` for one agency and period in a single scan; with
    /// `spoolingSuggestions`, the period's saran are kept aside on the way (`SuggestionSpool`).
    public func periodResponses(agency: String, period: Period, method: IKMMethod = .permenPANRB14_2017,
                                spoolingSuggestions: Bool = false) throws -> PeriodResponses {
        let k = method.unsur.count
        let previous = period.previous
        let from = min(period.start, previous.start), through = max(period.end, previous.end)
        let sql = """
            SELECT service, date, method = ? AS scored, gender, age, education, occupation,
                   saran IS NOT NULL AND TRIM(saran) <> '' AS has_saran,
                   answers, saran
            FROM response WHERE agency = ? AND +date BETWEEN ? AND ?
            ORDER BY id
            """  // sequential, see Reads.swift; the order is the primary key's (no sort), and
                 // SuggestionSpool relies on it: within a date, saran come in id order
        let currentRange = DateBytes(period), previousRange = DateBytes(previous)
        return try writer.read { db in
            let stmt = try db.makeStatement(sql: sql)
            try stmt.setArguments([method.id, agency, from.description, through.description])
            let s = stmt.sqliteStatement
            func text(_ i: Int32) -> (UnsafePointer<UInt8>?, Int) {
                (sqlite3_column_text(s, i), Int(sqlite3_column_bytes(s, i)))
            }
            var services = TextKeys(), genders = TextKeys(), educations = TextKeys(), occupations = TextKeys()
            var genderCounts: [Int] = [], educationCounts: [Int] = [], occupationCounts: [Int] = []
            // Respondents per age, banded at the end as the GROUP BY age it replaces: an array
            // for the usual ages, a dictionary for the rest (NULL included).
            var usualAges = [Int](repeating: 0, count: 128), otherAges: [Int?: Int] = [:]
            var suggestions = 0
            let spool = spoolingSuggestions ? try SuggestionSpoolWriter() : nil
            var months: [PeriodMonth: ResponseTally] = [:]
            var answers = [Int?](repeating: nil, count: k)
            func count(_ keys: inout TextKeys, _ counts: inout [Int], _ column: Int32) {
                let (p, n) = text(column)
                let i = keys.index(p, count: n)
                if i == counts.count { counts.append(0) }
                counts[i] += 1
            }
            while try db.stepRow(s) {
                let (date, dateCount) = text(1)
                guard let date else { continue }
                let inPeriod = currentRange.contains(date, count: dateCount)
                guard inPeriod || previousRange.contains(date, count: dateCount) else { continue }
                if inPeriod {
                    count(&genders, &genderCounts, 3)
                    let age = sqlite3_column_type(s, 4) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, 4))
                    if let age, usualAges.indices.contains(age) { usualAges[age] += 1 } else { otherAges[age, default: 0] += 1 }
                    count(&educations, &educationCounts, 5)
                    count(&occupations, &occupationCounts, 6)
                    if sqlite3_column_int64(s, 7) != 0 {
                        suggestions += 1
                        try spool?.append(date: date, service: sqlite3_column_text(s, 0), text: sqlite3_column_text(s, 9))
                    }
                }
                guard sqlite3_column_int64(s, 2) != 0 else { continue }
                let (service, serviceCount) = text(0)
                let (year, month) = Store.yearMonth(ofStoredDate: date)
                let key = PeriodMonth(previous: !inPeriod, service: services.index(service, count: serviceCount), year: year, month: month)
                AnswerText.decode(sqlite3_column_text(s, 8), count: Int(sqlite3_column_bytes(s, 8)), into: &answers)
                months[key, default: ResponseTally(unsurCount: k)].add(answers)
            }
            var current: [ServiceMonth: ResponseTally] = [:], before: [ServiceMonth: ResponseTally] = [:]
            for (key, t) in months {
                // Merged, not assigned: two byte strings can decode to one `String` (a NUL, or
                // invalid UTF-8 repaired), as they did in the read this replaces.
                let serviceMonth = ServiceMonth(service: services.string(key.service) ?? "", year: key.year, month: key.month)
                if key.previous { before[serviceMonth, default: ResponseTally(unsurCount: k)].merge(t) }
                else { current[serviceMonth, default: ResponseTally(unsurCount: k)].merge(t) }
            }
            var bands: [String: Int] = [:]
            for (age, n) in usualAges.enumerated() where n > 0 { bands[RespondentProfile.ageBand(age), default: 0] += n }
            for (age, n) in otherAges { bands[RespondentProfile.ageBand(age), default: 0] += n }
            func ordered(_ keys: TextKeys, _ counts: [Int]) -> [(String, Int)] {
                keys.sortedIndices().map { (keys.string($0) ?? "Tidak diisi", counts[$0]) }
            }
            return PeriodResponses(
                tallies: ServiceMonth.perService(current, unsurCount: k),
                previousTallies: ServiceMonth.perService(before, unsurCount: k),
                profile: ProfileCounts(
                    gender: ordered(genders, genderCounts),
                    age: RespondentProfile.ageBandOrder.compactMap { b in bands[b].map { (b, $0) } },
                    education: ordered(educations, educationCounts),
                    occupation: ordered(occupations, occupationCounts)),
                suggestionCount: suggestions,
                suggestions: try spool?.finish())
        }
    }
}

/// A tally's bucket while scanning: which of the two periods, the service's number in the
/// scan's `TextKeys`, and the month — hashed per row without building the service's `String`.
private struct PeriodMonth: Hashable {
    var previous: Bool
    var service: Int
    var year: Int
    var month: Int
}

/// A period's first and last day as the `YYYY-MM-DD` bytes stored in `response.date`, to test
/// a row's date the way SQL's `date BETWEEN ? AND ?` does (text compared byte by byte).
private struct DateBytes {
    let start: [UInt8], end: [UInt8]

    init(_ p: Period) {
        start = Array(p.start.description.utf8)
        end = Array(p.end.description.utf8)
    }

    func contains(_ date: UnsafePointer<UInt8>, count: Int) -> Bool {
        let text = UnsafeBufferPointer(start: date, count: count)
        return !text.lexicographicallyPrecedes(start) && !end.lexicographicallyPrecedes(text)
    }
}
