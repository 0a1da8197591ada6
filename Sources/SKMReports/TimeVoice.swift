import Foundation
import SKMDomain
import SKMStorage

/// What citizens said about the time (*U3 Waktu Penyelesaian*) against what the register shows
/// for their own file: among responses linked to a transaction (`transaction_id`), the NRR of
/// U3 of those whose transaction was late (finished late, or open past its deadline) and of
/// those whose transaction was on time. No other SKM tool sets the two side by side.
public struct TimeVoiceFigures: Codable, Sendable, Equatable {
    /// Linked responses whose transaction was late, and those of them who answered U3.
    public var late: Int
    /// NRR of U3 among them (1–4); nil when none answered, or in a published report under 5.
    public var lateNrr: Double?
    public var onTime: Int
    public var onTimeNrr: Double?
    /// Published, a side with fewer than 5 responses shows its count only (`Publication`).
    public var suppressed: Bool? = nil
}

/// `TimeVoice.figures` of one report: per service and overall; nothing when no response names
/// a transaction.
public struct TimeVoiceReading: Sendable {
    var perService: [String: TimeVoiceFigures]
    var overall: TimeVoiceFigures?
    /// When a linked file judged here passes its deadline (`TurnaroundJudgement.statusChangesAt`).
    var statusesChangeAt: Int64? = nil
}

enum TimeVoice {
    /// The unsur the comparison is about: *Waktu Penyelesaian* in the method, if it has one.
    static func unsurIndex(_ m: IKMMethod) -> Int? { m.unsur.firstIndex { $0.name == "Waktu Penyelesaian" } }

    /// Per service and overall; empty when no response names a transaction. Each linked
    /// transaction is read and judged as `StoreCompliance` judges it, as of `asOf`.
    static func figures(store: any SurveyStore, agency: Agency, period: Period, method: IKMMethod, asOf: Int64)
        throws -> TimeVoiceReading
    {
        let linked = try linkedAnswers(store: store, agency: agency, period: period, method: method)
        return try figures(linked: linked, files: LinkedFiles(linked), periodScanned: false, store: store, agency: agency,
                           period: period, asOf: asOf)
    }

    /// The period's responses that name a transaction, with their U3 answer; empty when the
    /// method has no *Waktu Penyelesaian*.
    static func linkedAnswers(store: any SurveyStore, agency: Agency, period: Period, method: IKMMethod) throws -> [LinkedAnswer] {
        guard let u = unsurIndex(method) else { return [] }
        return try store.linkedAnswers(agency: agency.code, period: period, method: method, unsur: u)
    }

    /// The figures of `linked`, with `files` holding the statuses of the linked transactions
    /// judged already (`periodScanned`: the compliance scan judged those received in the
    /// period, `StoreCompliance.reading`); the others are read and judged here.
    static func figures(linked: [LinkedAnswer], files known: LinkedFiles, periodScanned: Bool, store: any SurveyStore,
                        agency: Agency, period: Period, asOf: Int64) throws -> TimeVoiceReading {
        guard !linked.isEmpty else { return TimeVoiceReading(perService: [:], overall: nil) }
        let calendar = try WorkingCalendar(agency: agency, holidays: try store.holidays(for: agency.code))
        let histories = try StandardHistory.byCode(agency.services)
        struct Sums { var late = 0, lateSum = 0, lateAnswered = 0, onTime = 0, onTimeSum = 0, onTimeAnswered = 0 }
        var changeAt: Int64? = nil
        func judge(_ t: Transaction) -> TurnaroundStatus? {
            guard let h = histories[t.service] else { return nil }
            let on = calendar.timeZone.local(t.receivedAt).date
            // A file that cannot be judged (its year's holiday calendar not loaded) counts on
            // neither side rather than failing a report that may not show turnaround at all.
            let j = (try? Turnaround.judge(t, standard: h.inForce(on: on), calendar: calendar, asOf: asOf))?.judgement
            if let c = j?.statusChangesAt { changeAt = min(changeAt ?? c, c) }
            return j?.status
        }
        // Files not judged yet: one scan of the transactions received in this period and the
        // one before (a citizen answers after the file is done, sometimes in the next period),
        // judging only the linked ones, unless a few point reads do; a linked file received
        // earlier still is read on its own. One point read per response made `skm score` ten
        // times slower on 10,000 linked responses.
        var files = known
        // The period itself first (where almost every linked file is), then the one before.
        for scanned in (periodScanned ? [period.previous] : [period, period.previous]) where files.unjudged > 1_000 {
            try store.forEachTransaction(agency: agency.code, period: scanned, inReceiptOrder: false) { t in
                files.record(t.id) { judge(t) }
            }
        }
        for id in files.unjudgedIDs {
            let t = try store.transaction(agency: agency.code, id: id)
            files.record(id) { t.flatMap(judge) }
        }
        // Per service in a short list: an office has a handful, and comparing small strings
        // costs less than hashing them once per answer.
        var perService: [(service: String, sums: Sums)] = [], all = Sums()
        for (i, a) in linked.enumerated() {
            let status = files.status(ofAnswer: i)
            func add(_ x: inout Sums) {
                switch status {
                case .late?, .openOverdue?:
                    x.late += 1
                    if let v = a.answer { x.lateSum += v; x.lateAnswered += 1 }
                case .onTime?:
                    x.onTime += 1
                    if let v = a.answer { x.onTimeSum += v; x.onTimeAnswered += 1 }
                default: break
                }
            }
            if let k = perService.firstIndex(where: { $0.service == a.service }) {
                add(&perService[k].sums)
            } else {
                perService.append((a.service, Sums()))
                add(&perService[perService.count - 1].sums)
            }
            add(&all)
        }
        let sums = Dictionary(uniqueKeysWithValues: perService.map { ($0.service, $0.sums) })
        func f(_ s: Sums) -> TimeVoiceFigures {
            TimeVoiceFigures(late: s.late, lateNrr: s.lateAnswered > 0 ? Double(s.lateSum) / Double(s.lateAnswered) : nil,
                             onTime: s.onTime, onTimeNrr: s.onTimeAnswered > 0 ? Double(s.onTimeSum) / Double(s.onTimeAnswered) : nil)
        }
        return TimeVoiceReading(perService: sums.mapValues(f), overall: f(all), statusesChangeAt: changeAt)
    }

    /// Published: a side with fewer than 5 responses loses its NRR (the answers of so few
    /// point to people whose files the office can name).
    static func redact(_ t: inout TimeVoiceFigures?) {
        guard var x = t else { return }
        if x.late < 5, x.lateNrr != nil { x.lateNrr = nil; x.suppressed = true }
        if x.onTime < 5, x.onTimeNrr != nil { x.onTimeNrr = nil; x.suppressed = true }
        t = x
    }
}
