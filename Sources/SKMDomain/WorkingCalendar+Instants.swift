/// Instant-level questions, in working-day *indices* (0 = the first working day of the first
/// loaded year). Turnaround judging works in indices so that counting working days between
/// two moments is a subtraction.
extension WorkingCalendar {
    /// Which daily boundary a question is about: the first opening or the last closing.
    enum Boundary { case opening, closing }

    /// Day offset and second of the local day of a UTC instant.
    @inline(__always)
    func locate(_ t: Int64) throws(CalendarError) -> (off: Int, second: Int) {
        let (day, second) = timeZone.dayAndSecond(t)
        return (try offset(of: LocalDate(dayNumber: Int(day))), Int(second))
    }

    /// The first working day whose `boundary` comes after `t` (`inclusive`: at or after).
    ///
    /// Receipt uses `.closing`, not inclusive: received before closing time counts that day.
    /// Completion uses `.closing`, inclusive: finished at closing time is still that day.
    func firstWorkingIndex(_ boundary: Boundary, after t: Int64, inclusive: Bool) throws(CalendarError) -> Int {
        let (off, second) = try locate(t)
        let k = Int(workingBefore[off])
        if workingBefore[off + 1] > workingBefore[off] {
            let b = Int(boundary == .opening ? openMinute[k] : closeMinute[k]) * 60
            if inclusive ? second <= b : second < b { return k }
        }
        return try checked(index: Int(workingBefore[off + 1]), from: off)
    }

    /// The last working day whose closing is at or before `t`; −1 when there is none in the
    /// loaded span.
    func lastWorkingIndex(closingAtOrBefore t: Int64) throws(CalendarError) -> Int {
        let (off, second) = try locate(t)
        let k = Int(workingBefore[off])
        if workingBefore[off + 1] > workingBefore[off], second >= Int(closeMinute[k]) * 60 { return k }
        return k - 1
    }

    /// Throws unless every day from the local day of `a` to that of `b` is in a loaded year.
    func ensureLoaded(from a: Int64, to b: Int64) throws(CalendarError) {
        let x = try locate(a).off, y = try locate(b).off
        if x <= y { try ensureLoaded(x, y) }
    }

    func closingInstant(index k: Int) -> Int64 {
        Int64(workingDayNumbers[k]) * 86400 + Int64(closeMinute[k]) * 60 - timeZone.utcOffsetSeconds
    }

    func openingInstant(index k: Int) -> Int64 {
        Int64(workingDayNumbers[k]) * 86400 + Int64(openMinute[k]) * 60 - timeZone.utcOffsetSeconds
    }

    func date(index k: Int) -> LocalDate { LocalDate(dayNumber: Int(workingDayNumbers[k])) }

    /// Local midnight starting the local day of `t`.
    func startOfLocalDay(_ t: Int64) -> Int64 {
        timeZone.dayAndSecond(t).day * 86400 - timeZone.utcOffsetSeconds
    }
}
