import Foundation
import SKMDomain
import SKMStorage

/// SQLite's one-scan report read (PeriodResponses.swift, PeriodResponses.swift's tallies in
/// ResponseScan.swift) on PostgreSQL: the same rows in the same (id) order, tallied in Swift
/// the same way, so that the floating-point sums — and so the figures — agree to the last digit.
/// Saran are not spooled: the report then streams them with `forEachSuggestion`
/// (ReportDetails.swift), in the same order.
extension PostgresStore {
    public func periodResponses(agency: String, period: Period, method: IKMMethod, spoolingSuggestions: Bool) throws -> PeriodResponses {
        let k = method.unsur.count
        let previous = period.previous
        let from = min(period.start, previous.start), through = max(period.end, previous.end)
        let rows = try read { s in
            try s.rows("""
                SELECT service, date, method = $1, gender, age, education, occupation,
                       saran IS NOT NULL AND TRIM(saran) <> '', answers
                FROM response WHERE agency = $2 AND date BETWEEN $3 AND $4
                ORDER BY id
                """, [Bind.text(method.id), Bind.text(agency), Bind.text(from.description), Bind.text(through.description)])
        }
        let current = (period.start.description, period.end.description)
        let before = (previous.start.description, previous.end.description)
        var genders: [String?: Int] = [:], educations: [String?: Int] = [:], occupations: [String?: Int] = [:]
        var ages: [Int?: Int] = [:]
        var suggestions = 0
        var months: [Bool: [ServiceMonth: ResponseTally]] = [:]
        var answers = [Int?](repeating: nil, count: k)
        for r in rows {
            let date = try r.string(1)
            let inPeriod = date >= current.0 && date <= current.1
            guard inPeriod || (date >= before.0 && date <= before.1) else { continue }
            if inPeriod {
                genders[try r.text(3), default: 0] += 1
                ages[try r.int(4).map { Int($0) }, default: 0] += 1
                educations[try r.text(5), default: 0] += 1
                occupations[try r.text(6), default: 0] += 1
                if try r[7].decode(Bool.self) { suggestions += 1 }
            }
            guard try r[2].decode(Bool.self) else { continue }
            let key = ServiceMonth(service: try r.string(0), year: Int(date.prefix(4)) ?? 0,
                                   month: Int(date.dropFirst(5).prefix(2)) ?? 0)
            AnswerText.decode(try r.string(8), into: &answers)
            months[!inPeriod, default: [:]][key, default: ResponseTally(unsurCount: k)].add(answers)
        }
        var bands: [String: Int] = [:]
        for (age, n) in ages { bands[RespondentProfile.ageBand(age), default: 0] += n }
        return PeriodResponses(
            tallies: ServiceMonth.perService(months[false] ?? [:], unsurCount: k),
            previousTallies: ServiceMonth.perService(months[true] ?? [:], unsurCount: k),
            profile: ProfileCounts(
                gender: Self.ordered(genders),
                age: RespondentProfile.ageBandOrder.compactMap { b in bands[b].map { (b, $0) } },
                education: Self.ordered(educations),
                occupation: Self.ordered(occupations)),
            suggestionCount: suggestions,
            suggestions: nil)
    }

    public func monthlyResponseTallies(agency: String, from: LocalDate, through: LocalDate, method: IKMMethod) throws
        -> [ServiceMonth: ResponseTally] {
        let k = method.unsur.count
        let rows = try read { s in
            try s.rows("""
                SELECT service, date, answers FROM response
                WHERE agency = $1 AND method = $2 AND date BETWEEN $3 AND $4 ORDER BY id
                """, [Bind.text(agency), Bind.text(method.id), Bind.text(from.description), Bind.text(through.description)])
        }
        var out: [ServiceMonth: ResponseTally] = [:]
        var answers = [Int?](repeating: nil, count: k)
        for r in rows {
            let date = try r.string(1)
            let key = ServiceMonth(service: try r.string(0), year: Int(date.prefix(4)) ?? 0, month: Int(date.dropFirst(5).prefix(2)) ?? 0)
            AnswerText.decode(try r.string(2), into: &answers)
            out[key, default: ResponseTally(unsurCount: k)].add(answers)
        }
        return out
    }

    /// Categories as SQL's `GROUP BY … ORDER BY` gives them under a byte collation: NULL first
    /// (as "Tidak diisi"), then by UTF-8 bytes.
    static func ordered(_ counts: [String?: Int]) -> [(String, Int)] {
        counts.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, _): return b.key != nil
            case (_, nil): return false
            case let (x?, y?): return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
        }.map { ($0.key ?? "Tidak diisi", $0.value) }
    }
}
