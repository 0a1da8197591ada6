import Foundation
import SKMDomain
import SKMStorage

/// A row that cannot be stored, with the column and value at fault. Becomes a `RejectRecord`
/// once the file name and line are added.
struct RowProblem: Error {
    var column: String?
    var value: String?
    var reason: String
    var agency: String?
    /// The column's 1-based position in the file, when the problem is in one column.
    var position: Int?
    /// A date readable only month first (`DateParseFailure.monthFirst`): the import then
    /// stores nothing (Importer.swift). A flag, not a search of `reason`: a file of rejects
    /// spent a third of its time searching their sentences.
    var monthFirst = false

    init(column: String?, value: String?, reason: String, agency: String? = nil, position: Int? = nil) {
        self.column = column
        self.value = value
        self.reason = reason
        self.agency = agency
        self.position = position
    }
}

/// An agency as an import needs it: its zone, and its services by code or name, any case.
struct AgencyLookup: Sendable {
    let code: String
    let timeZone: IndonesianTimeZone
    private let services: [String: String]

    init(_ a: Agency) {
        code = a.code
        timeZone = a.timeZone
        var s: [String: String] = [:]
        for svc in a.services {
            s[svc.name.lowercased()] = svc.code
            s[svc.code.lowercased()] = svc.code
        }
        for svc in a.services { s[svc.code] = svc.code }  // an exact code always wins
        services = s
    }

    func service(_ text: String) -> String? { services[text] ?? services[text.lowercased()] }
}

/// What every row reader shares: the plan, the catalog, the agency from `--agency`.
/// A class, so that passing it around the per-row path is one reference, not a struct copy.
final class RowContext {
    let plan: ColumnPlan
    let agencies: [String: AgencyLookup]
    let fixedAgency: String?
    let fixedLookup: AgencyLookup?
    let fixedService: String?
    let dates: DateParser
    /// Dates outside these are typing errors (2204 for 2024, 1924 for 2024), not data: rejected.
    let earliest = RowContext.earliestDate
    let latest: LocalDate

    /// No SKM or register predates 2000 (the survey regulations are from 2004 on).
    static let earliestDate = LocalDate(year: 2000, month: 1, day: 1)!

    /// Today plus one year: a register may carry appointments ahead, never a year ahead.
    /// Today as it is in WIT (UTC+9), the earliest zone to change day, so no zone is cut short.
    static func latestDate(now: Date = Date()) -> LocalDate {
        LocalDate(dayNumber: Int((now.timeIntervalSince1970 + 9 * 3600) / 86400)).adding(months: 12)
    }

    init(plan: ColumnPlan, catalog: [Agency], fixedAgency: String?, fixedService: String?, dates: DateParser,
         latest: LocalDate = RowContext.latestDate()) {
        self.latest = latest
        self.plan = plan
        var byKey: [String: AgencyLookup] = [:]
        for a in catalog { byKey[a.code.lowercased()] = AgencyLookup(a); byKey[a.name.lowercased()] = AgencyLookup(a) }
        for a in catalog { byKey[a.code] = AgencyLookup(a) }
        agencies = byKey
        fixedLookup = fixedAgency.flatMap { byKey[$0] ?? byKey[$0.lowercased()] }
        self.fixedAgency = fixedAgency
        self.fixedService = fixedService
        self.dates = dates
    }

    /// Rows of one file nearly always name the same agency: remember the last one.
    private var memoName = "", memoAgency: AgencyLookup?
    /// The agencies the byte path has met (RowContext+Raw.swift).
    var rawAgencies: [RawAgency] = []

    func lookup(_ name: String) -> AgencyLookup? {
        if let a = memoAgency, memoName == name { return a }
        let a = agencies[name] ?? agencies[name.lowercased()]
        memoName = name
        memoAgency = a
        return a
    }

    /// The trimmed cell of a field; nil when the file has no such column or the cell is empty.
    @inline(__always) func cell(_ row: SourceRow, _ f: ImportField) -> String? {
        guard let i = plan.index(f) else { return nil }
        let v = row.cells[i].trimmingSpaces
        return v.isEmpty ? nil : v
    }

    func problem(_ f: ImportField, _ value: String?, _ reason: String, agency: String? = nil) -> RowProblem {
        RowProblem(column: plan.columnName(f), value: value, reason: reason, agency: agency, position: plan.index(f).map { $0 + 1 })
    }

    /// The row's agency: its own cell, else `--agency`; a row naming another agency than
    /// `--agency` is refused rather than filed under the wrong office.
    func agency(_ row: SourceRow) throws(RowProblem) -> AgencyLookup {
        let text = cell(row, .agency)
        guard let name = text ?? fixedAgency else { throw problem(.agency, nil, "instansi kosong (isi kolom atau pakai --agency)") }
        guard let a = lookup(name) else {
            throw problem(.agency, name, "instansi tidak dikenal: muat katalognya dulu atau periksa kodenya")
        }
        if let text, let f = fixedLookup, f.code != a.code {
            // Filed under the fixed agency: it owns the file, and another agency's report must
            // never show what someone else uploaded.
            throw problem(.agency, text, "baris milik instansi \(a.code), bukan --agency \(f.code)", agency: f.code)
        }
        return a
    }

    func service(_ row: SourceRow, _ a: AgencyLookup) throws(RowProblem) -> String {
        guard let text = cell(row, .service) ?? fixedService else { throw problem(.service, nil, "layanan kosong", agency: a.code) }
        guard let code = a.service(text) else {
            throw problem(.service, text, "layanan tidak dikenal di instansi \(a.code)", agency: a.code)
        }
        return code
    }

    func dateTime(_ row: SourceRow, _ f: ImportField, _ a: AgencyLookup, required: Bool) throws(RowProblem) -> ParsedDateTime? {
        guard let text = cell(row, f) else {
            if required { throw problem(f, nil, "tanggal kosong", agency: a.code) }
            return nil
        }
        switch dates.parse(text) {
        case let .success(d):
            if d.date < earliest { throw problem(f, text, "tanggal \(d.date) sebelum \(earliest): tidak masuk akal", agency: a.code) }
            if latest < d.date {
                throw problem(f, text, "tanggal \(d.date) lebih dari setahun setelah hari ini (batas \(latest)): tidak masuk akal", agency: a.code)
            }
            return d
        case let .failure(e):
            var p = problem(f, text, e.reason, agency: a.code)
            p.monthFirst = e.monthFirst
            throw p
        }
    }
}
