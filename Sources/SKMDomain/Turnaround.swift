/// Judging one transaction's turnaround against the promise of its standard (docs/turnaround-rules.md).
///
/// Rules, by the promise's unit:
/// - **N hari kerja** — day 1 is the day of receipt when it is a working day and the file
///   came in before closing time, else the next working day; the deadline is closing time on
///   working day N. Elapsed is counted in whole working days: day 1 through the day of
///   finish, where a file finished after closing time (or on a closed day) counts on the next
///   working day — the applicant can only collect it then. So "elapsed ≤ N" and "finished by
///   the deadline" always agree.
///   *Pauses* (the file waits on the applicant) are counted in whole working days too, since
///   the promise is in whole days: a working day the file spent with the applicant for all of
///   that day's office hours does not count, and the deadline moves one working day later
///   for each such day before it. A partly paused day still counts — the office had the
///   file that day, exactly as a file received before closing time counts its day of
///   receipt. (Pauses are merged first; a day counts as paused when one merged pause runs
///   from its first opening to its last closing.)
/// - **N hari** — calendar days, day 1 = the local day of receipt, deadline = end of day N
///   (midnight). Elapsed = the smallest n with finish ≤ end of day n, pauses taken out as
///   plain time; pauses move the deadline by their length.
/// - **N menit / N jam** — plain time from receipt; pauses move the deadline by their length.
/// - **N bulan** — the same day N months later (clamped to the month's end), end of day.
///   Elapsed months = N × (time used since the start of the day of receipt) / (time from
///   there to the deadline), so it reads as a fraction of the promised months.
///
/// Only working-day promises need the holiday calendar; the others never throw.
/// Bad data is rejected, not judged: finished before received, a pause that ends before it
/// starts, a pause before receipt or after the finish.
public enum Turnaround {
    /// Judges `transaction` against `standard`, the version in force on its receipt date
    /// (`StandardHistory.inForce(on:)`); nil = no standard was in force → `.noPromise`.
    ///
    /// - Parameter asOf: the moment open transactions are measured at (e.g. the end of the
    ///   report period, or now). Must lie in a loaded year for working-day promises.
    /// - Throws: `CalendarError.yearNotLoaded` when a working-day promise needs a year whose
    ///   holidays are not loaded.
    public static func judge(_ transaction: Transaction, standard: ServiceStandard?,
                             calendar: WorkingCalendar, asOf: Int64) throws(CalendarError) -> TurnaroundOutcome {
        let tx = transaction
        let r = tx.receivedAt
        let zone = calendar.timeZone
        if let f = tx.finishedAt, f < r {
            return reject(tx, .finishedBeforeReceived(finished: f, received: r, zone: zone))
        }
        var pauses = tx.pauses
        for p in pauses {
            if p.end < p.start {
                return reject(tx, .pauseEndsBeforeStart(start: p.start, end: p.end, zone: zone))
            }
            if p.start < r {
                return reject(tx, .pauseBeforeReceipt(pauseStart: p.start, received: r, zone: zone))
            }
            if let f = tx.finishedAt, p.end > f {
                return reject(tx, .pauseAfterFinish(pauseEnd: p.end, finished: f, zone: zone))
            }
        }
        if pauses.count > 1 { pauses = merged(pauses) }

        let receivedOn = zone.local(r).date
        var j = TurnaroundJudgement(transactionID: tx.id, status: .noPromise, receivedOn: receivedOn,
                                    finishedAt: tx.finishedAt, standardValidFrom: standard?.validFrom, elapsedHours: 0)
        let end = max(tx.finishedAt ?? asOf, r)
        var pausedWithin: Int64 = 0, pausedAll: Int64 = 0
        for p in pauses {
            pausedAll += p.end - p.start
            pausedWithin += max(0, min(p.end, end) - p.start)
        }
        j.pausedSeconds = pausedWithin
        j.elapsedHours = Double(end - r - pausedWithin) / 3600

        guard let standard else {
            j.noPromiseReason = .noStandardInForce(on: receivedOn)
            return .judged(j)
        }
        guard let variant = standard.promise.variant(for: tx.variant), variant.duration.amount > 0 else {
            j.noPromiseReason = standard.promise.noPromiseReason.map { .catalogStates($0) } ?? .notMeasurable
            return .judged(j)
        }
        let duration = variant.duration
        let n = duration.amount
        j.variant = variant.name
        j.promised = duration

        let deadline: Int64, elapsed: Double
        switch duration.unit {
        case .workingDays:
            (deadline, elapsed) = try workingDays(n, received: r, end: end, pauses: pauses, calendar: calendar)
        case .calendarDays:
            let day1 = calendar.startOfLocalDay(r)
            deadline = day1 + Int64(n) * 86400 + pausedAll
            let used = end - pausedWithin - day1
            elapsed = Double(max(1, (used + 86399) / 86400))
        case .minutes, .hours:
            let unit: Int64 = duration.unit == .minutes ? 60 : 3600
            deadline = r + Int64(n) * unit + pausedAll
            elapsed = Double(end - r - pausedWithin) / Double(unit)
        case .months:
            let day1 = calendar.startOfLocalDay(r)
            let base = zone.instant(receivedOn.adding(months: n).adding(days: 1), minuteOfDay: 0)
            deadline = base + pausedAll
            elapsed = Double(n) * Double(end - pausedWithin - day1) / Double(base - day1)
        }

        let finished = tx.finishedAt != nil
        let late = end > deadline
        j.status = finished ? (late ? .late : .onTime) : (late ? .openOverdue : .open)
        j.deadline = deadline
        j.elapsedInUnit = elapsed
        j.percentUsed = elapsed / Double(n) * 100
        j.latenessSeconds = late ? end - deadline : 0
        j.excessInUnit = late ? max(0, elapsed - Double(n)) : 0
        return .judged(j)
    }

    /// Deadline and elapsed working days; see the type's documentation for the rule.
    static func workingDays(_ n: Int, received r: Int64, end: Int64, pauses: [Transaction.Pause],
                            calendar cal: WorkingCalendar) throws(CalendarError) -> (Int64, Double) {
        try cal.ensureLoaded(from: r, to: end)
        let day1 = try cal.firstWorkingIndex(.closing, after: r, inclusive: false)
        let finish = max(day1, try cal.firstWorkingIndex(.closing, after: end, inclusive: true))
        var target = day1 + n - 1
        var pausedBeforeFinish = 0
        for p in pauses {
            // Working days wholly inside the pause: opening at or after its start, closing at
            // or before its end. Past the loaded span nothing is covered.
            let a = max(day1, (try? cal.firstWorkingIndex(.opening, after: p.start, inclusive: true)) ?? cal.workingDayCount)
            let b = try cal.lastWorkingIndex(closingAtOrBefore: p.end)
            guard b >= a else { continue }
            if a <= target { target += b - a + 1 }
            let hi = min(b, finish - 1)
            if hi >= a { pausedBeforeFinish += hi - a + 1 }
        }
        let k = try cal.checked(index: target, from: cal.locate(r).off)
        return (cal.closingInstant(index: k), Double(finish - day1 + 1 - pausedBeforeFinish))
    }

    /// Sorted, with overlapping or touching pauses joined.
    static func merged(_ pauses: [Transaction.Pause]) -> [Transaction.Pause] {
        var out: [Transaction.Pause] = []
        for p in pauses.sorted(by: { $0.start < $1.start }) {
            if let last = out.last, p.start <= last.end {
                out[out.count - 1].end = max(last.end, p.end)
            } else {
                out.append(p)
            }
        }
        return out
    }

    private static func reject(_ tx: Transaction, _ reason: TurnaroundRejection.Reason) -> TurnaroundOutcome {
        .rejected(TurnaroundRejection(transactionID: tx.id, reason: reason))
    }
}

extension IndonesianTimeZone {
    /// Local time as offices write it: `2024-04-05 16.30 WIB`.
    public func format(_ instant: Int64) -> String {
        let t = local(instant)
        let h = t.minuteOfDay / 60, m = t.minuteOfDay % 60
        return "\(t.date) \(h < 10 ? "0" : "")\(h).\(m < 10 ? "0" : "")\(m) \(rawValue)"
    }
}
