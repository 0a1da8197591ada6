import Foundation
import SKMDomain
import SKMStorage

/// How to read one file.
public struct ImportOptions: Sendable {
    /// The agency of every row when the file has no agency column (`--agency`).
    public var agency: String?
    /// The service of every row when the file has no service column (`--service`).
    public var service: String?
    /// XLSX sheet; the first when nil.
    public var sheet: String?
    /// `--map col=field`, applied before any alias.
    public var columnMap: [(column: String, field: String)] = []
    /// Any reject fails the whole import (nothing is stored).
    public var strict = false
    /// A changed row under an existing id overwrites it instead of being rejected.
    public var replace = false
    /// How numbered question columns (q1…q9) map to unsur.
    public var layout: QuestionnaireLayout = .regulationOrder
    public var dateOrder: DateOrder = .dayFirst

    public init(agency: String? = nil, service: String? = nil, sheet: String? = nil,
                columnMap: [(column: String, field: String)] = [], strict: Bool = false, replace: Bool = false,
                layout: QuestionnaireLayout = .regulationOrder, dateOrder: DateOrder = .dayFirst) {
        self.agency = agency
        self.service = service
        self.sheet = sheet
        self.columnMap = columnMap
        self.strict = strict
        self.replace = replace
        self.layout = layout
        self.dateOrder = dateOrder
    }
}

/// Why an import stored nothing.
public enum ImportError: Error, CustomStringConvertible {
    case agencyRequired(file: String)
    case unknownAgency(String, known: [String])
    case serviceRequired(file: String)
    /// `--strict` and at least one reject: rolled back; the report lists them.
    case strictFailed(ImportReport)
    /// A date that is only valid month-first (e.g. 3/13/2024) in a day-first import.
    case monthFirstDates(file: String, line: Int, value: String)

    public var description: String {
        switch self {
        case let .agencyRequired(f):
            "\(f) has no agency column: pass --agency CODE"
        case let .unknownAgency(c, known):
            "unknown agency '\(c)'" + (known.isEmpty ? ": the store has no catalog yet (skm init)" : " (known: \(known.joined(separator: ", ")))")
        case let .serviceRequired(f):
            "\(f) has no service column: pass --service CODE"
        case let .strictFailed(r):
            "--strict: \(r.counts.rejected) row(s) rejected, nothing was stored"
        case let .monthFirstDates(f, line, value):
            "\(f):\(line): '\(value)' is only a date month first (an en-US export?), so other dates in this file "
                + "may have day and month swapped; nothing was stored. Re-import with --date-order mdy, or fix that line."
        }
    }
}

/// Reads a transactions or responses file into the store as one batch (one SQLite
/// transaction): every good row loads, every bad row becomes a stored reject with its file,
/// line, column, value and reason, and a failure or a kill leaves the store as it was.
public enum Importer {
    public static func run(_ kind: ImportKind, file: String, into store: Store, options: ImportOptions = .init(),
                           progress: ImportProgress? = nil) throws -> ImportReport {
        let started = Date()
        let source = try openTable(path: file, sheet: options.sheet)
        let catalog = try store.agencies()
        if let code = options.agency, !catalog.contains(where: { $0.code == code || $0.code.lowercased() == code.lowercased() }) {
            throw ImportError.unknownAgency(code, known: catalog.map(\.code))
        }
        let dates = DateParser(order: options.dateOrder, acceptsSerial: source is XLSXReader)
        var report = ImportReport(file: source.fileName, kind: kind)
        let fileName = source.fileName

        let (_, counts, batch) = try store.importBatch(kind: kind, file: fileName) { w in
            var handle: ((SourceRow) throws -> Void)?
            var monthFirst: (line: Int, value: String?)?
            func rejected(_ line: Int, _ p: RowProblem) throws {
                if monthFirst == nil, p.reason.contains(DateParser.monthFirstHint) { monthFirst = (line, p.value) }
                let r = RejectRecord(file: fileName, line: line, column: p.column, value: p.value, reason: p.reason, agency: p.agency)
                try w.reject(r)
                report.add(r)
            }
            func conflict(_ line: Int, id: String, agency: String, column: String) throws {
                report.conflicts += 1
                try rejected(line, RowProblem(column: column, value: id,
                                              reason: "id ganda dengan isi berbeda dari yang sudah tersimpan (pakai --replace untuk memperbarui)",
                                              agency: agency))
            }
            try source.read(header: { header in
                let plan = try ColumnPlan(header: header, kind: kind, overrides: options.columnMap, layout: options.layout)
                if plan.index(.agency) == nil, options.agency == nil { throw ImportError.agencyRequired(file: fileName) }
                if plan.index(.service) == nil, options.service == nil { throw ImportError.serviceRequired(file: fileName) }
                report.dropped = plan.dropped
                report.ignored = plan.ignored
                report.mapping = plan.columns.sorted { $0.value < $1.value }.map { field, col in
                    // A Google Forms question is a sentence: name the unsur, and the column by number.
                    var name = field.description
                    if case let .answer(u) = field { name += " " + options.layout.method.unsur[u].name }
                    return (name, header[col].count > 40 ? "column \(col + 1)" : header[col])
                }
                let ctx = RowContext(plan: plan, catalog: catalog, fixedAgency: options.agency, fixedService: options.service, dates: dates)
                let idColumn = plan.columnName(.id)
                switch kind {
                case .transactions:
                    let rows = TransactionRows(ctx: ctx)
                    handle = { row in
                        do {
                            let (t, day) = try rows.read(row)
                            if try w.insert(t, receivedDate: day, replace: options.replace) == .conflict {
                                try conflict(row.line, id: t.id, agency: t.agency, column: idColumn)
                            }
                        } catch let p as RowProblem { try rejected(row.line, p) }
                    }
                case .responses:
                    let rows = ResponseRows(ctx: ctx, method: options.layout.method)
                    handle = { row in
                        do {
                            let r = try rows.read(row)
                            if try w.insert(r, replace: options.replace) == .conflict {
                                try conflict(row.line, id: r.id, agency: r.agency, column: idColumn)
                            }
                        } catch let p as RowProblem { try rejected(row.line, p) }
                    }
                }
            }, row: { event in
                switch event {
                case let .row(r): try handle!(r)
                case let .malformed(line, reason): try rejected(line, RowProblem(column: nil, value: nil, reason: reason))
                }
                progress?.update(rows: w.counts.read, bytes: source.progressBytes)
            })
            progress?.finish()
            report.counts = w.counts
            // One date that only reads month-first means the rows that did load may have day and
            // month swapped (3/4/2024 taken as 3 April): store nothing rather than wrong dates.
            if let m = monthFirst, options.dateOrder == .dayFirst {
                throw ImportError.monthFirstDates(file: fileName, line: m.line, value: m.value ?? "")
            }
            if options.strict, w.counts.rejected > 0 {
                report.seconds = Date().timeIntervalSince(started)
                throw ImportError.strictFailed(report)
            }
        }
        report.counts = counts
        report.batch = batch
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
