import ArgumentParser
import Foundation
import SKMDomain
import SKMReports
import SKMStorage

struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Check turnaround against the promised completion time for a period.",
        discussion: """
            Judges every transaction received in the period against the standard in force on \
            its receipt date (rules: docs/turnaround-rules.md) and prints per service: count, \
            finished, on time, late, open, open past the deadline, the on-time rate, \
            capaian with the mean and median completion time in the promise's unit, median and \
            p90 elapsed hours, and with --cases the worst cases.

            Examples:
              skm compliance --period 2024-Q3
              skm compliance --period previous-month --format json
              skm compliance --period 2024-S1 --agency pekalongan --format json
              skm compliance --period 2024 --as-of 2024-12-31 --cases
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: .long, help: "Output: table (default) or json.")
    var format: OutputFormat = .table

    @OptionGroup var asOf: AsOfOption

    @Flag(name: .long, help: "Also list the worst cases per service, most late first (table format).")
    var cases = false

    @OptionGroup var empty: EmptyPeriodOption

    @Flag(name: .long, help: "Judge the transactions again instead of serving the figures kept from an earlier run with the same data.")
    var recompute = false

    func run() throws {
        let store = try storeOptions.openExisting()
        let kept = KeptFigures(store: store, serve: !recompute)
        let now = Int64(Date().timeIntervalSince1970)
        let selected = try selection.periods(in: store, now: now)
        // Groups name their period only when a relative period became different ones per zone.
        let periodPerGroup = Set(selected.map(\.period)).count > 1
        let periodText = SelectionOptions.describe(selected)
        // Agencies on all cores, each judged in one pass as `skm report` judges it (the same
        // sums in the same order, so the same figures to the last digit).
        let asOf = asOf
        let groups = try parallelMap(selected) { agency, period -> [ComplianceGroup] in
            let p = periodPerGroup ? period.description : nil
            // End of the --as-of day in the agency's own zone, as `skm report` judges it.
            let instant = asOf.instant(zone: agency.timeZone) ?? now
            let stamp = IndonesianTimeZone.isoTimestamp(instant, in: agency.timeZone)
            let judged = try kept.figures("compliance", agency: agency.code, detail: "\(period)|\(asOf.day?.description ?? "now")",
                                          through: period.end, now: now) {
                let (perService, overall) = try StoreCompliance.compute(store: store, agency: agency, period: period, asOf: instant)
                let c = AgencyCompliance(perService: perService.mapValues(KeptTimeliness.init), overall: overall.map(KeptTimeliness.init), judgedAt: instant)
                // Judged as of now, they hold until an open file passes its deadline; as of a day, until the data changes.
                return (c, asOf.day == nil ? overall?.statusesChangeAt : nil)
            }
            // Open files past their deadline are later by the seconds since they were judged (ComplianceAging).
            let (perService, overall) = ComplianceAging.aged(perService: judged.perService.mapValues(\.timeliness),
                                                             overall: judged.overall?.timeliness, by: instant - judged.judgedAt)
            var out: [ComplianceGroup] = []
            if let overall { out.append(ComplianceGroup(agency: agency.code, service: nil, period: p, asOf: stamp, figures: overall)) }
            for s in agency.services {
                if let f = perService[s.code] { out.append(ComplianceGroup(agency: agency.code, service: s.code, period: p, asOf: stamp, figures: f)) }
            }
            return out
        }.flatMap { $0 }
        try empty.check(empty: groups.isEmpty, what: "transactions received", period: periodText)
        switch format {
        case .json:
            print(String(decoding: try JSONReportWriter.encoder.encode(ComplianceDocument(
                period: periodPerGroup ? selection.period.description : periodText,
                requestedPeriod: selection.period.isRelative ? selection.period.description : nil, asOf: asOf.day?.description ?? IndonesianTimeZone.isoTimestamp(now, in: .wib), groups: groups)), as: UTF8.self))
        case .table:
            var rows = [["agency", "service", "count", "finished", "on time", "late", "open", "overdue", "on-time %", "capaian %", "mean", "median", "unit", "median h", "p90 h"]]
            func num(_ v: Double?, _ f: String = "%.1f") -> String { v.map { String(format: f, $0) } ?? "–" }
            for g in groups {
                let f = g.figures
                rows.append([g.agency, g.service ?? "(all)", "\(f.count)", "\(f.finished)", "\(f.onTime)", "\(f.late)", "\(f.open)",
                             "\(f.openOverdue)", num(f.onTimeRate.map { $0 * 100 }), num(f.capaianMean),
                             num(f.realisasi), num(f.medianElapsedInUnit), f.unit ?? "–",
                             num(f.medianElapsedHours), num(f.p90ElapsedHours)])
            }
            print(TextTable.render(rows))
            print("period \(periodText)" + (selection.period.isRelative ? " (\(selection.period))" : ""))
            print("judged as of \(asOf.describe(instant: now)); open = in progress, not yet due; overdue = in progress past the deadline")
            print("on-time % = on time / (on time + late + overdue); capaian % = (1 + (1 − mean / promised)) × 100, at least 0, over finished; mean and median in the promise's unit; '–' = no measurable promise or mixed units")
            if cases {
                for g in groups where !g.figures.latestCases.isEmpty {
                    guard let service = g.service else { continue }
                    print("\n\(g.agency) / \(service): worst cases, most late first")
                    print(TextTable.render([["id", "received", "deadline", "finished", "promise", "status", "late h"]]
                        + g.figures.latestCases.map { [$0.transactionId, $0.receivedAt, $0.deadline, $0.finishedAt ?? "open", $0.promise, $0.status, String(format: "%.1f", $0.lateHours)] }))
                }
            }
        }
    }
}

/// One agency's turnaround figures as kept between runs (`KeptFigures`), with the instant
/// they were judged at.
struct AgencyCompliance: Codable {
    var perService: [String: KeptTimeliness]
    var overall: KeptTimeliness?
    var judgedAt: Int64
}

struct ComplianceGroup: Codable {
    var agency: String
    var service: String?
    /// Only when the agencies' periods differ (a relative period resolved across zones).
    var period: String?
    /// The exact moment this agency's open transactions were judged, in its local time.
    var asOf: String
    var figures: TimelinessFigures
}

struct ComplianceDocument: Codable {
    /// The concrete period, as in `ScoreDocument.period`.
    var period: String
    /// `previous-semester` etc. when asked for relative to today; else absent.
    var requestedPeriod: String?
    /// The `--as-of` day (end of that day in each agency's zone; each group has the instant), or
    /// the moment of the run, so a stored document says which "overdue" it means.
    var asOf: String
    var groups: [ComplianceGroup]
}
