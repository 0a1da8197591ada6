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
    /// A structural fault (an unterminated quote, a damaged XLSX part) skips the lines it
    /// spoils, listed in the report, instead of stopping the import with nothing stored.
    public var keepGoing = false
    /// How numbered question columns (q1…q9) map to unsur.
    public var layout: QuestionnaireLayout = .regulationOrder
    public var dateOrder: DateOrder = .dayFirst
    /// Data rows beyond this refuse the whole file (`InputLimits.uploadRows` for HTTP uploads).
    public var maxRows: Int?
    /// The survey date of every row when a responses file has no date column (`--date`, or
    /// the first day of `--period`): apps that export only answers still import as they are.
    public var surveyDate: LocalDate?
    /// Off: every row is read as a `SourceRow`, none by the byte path (RawRow.swift) — for
    /// tests that both paths store the same.
    var readsRawRows = true

    public init(agency: String? = nil, service: String? = nil, sheet: String? = nil,
                columnMap: [(column: String, field: String)] = [], strict: Bool = false, replace: Bool = false,
                layout: QuestionnaireLayout = .regulationOrder, dateOrder: DateOrder = .dayFirst, keepGoing: Bool = false) {
        self.keepGoing = keepGoing
        self.agency = agency
        self.service = service
        self.sheet = sheet
        self.columnMap = columnMap
        self.strict = strict
        self.replace = replace
        self.layout = layout
        self.dateOrder = dateOrder
    }

    /// The same options with a survey date for files without a date column.
    public func dated(_ date: LocalDate?) -> ImportOptions {
        var o = self
        o.surveyDate = date
        return o
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
    /// The file's structure is broken from `fault.line` on; without `--keep-going` nothing is stored.
    case damaged(file: String, StructuralFault)
    /// The file breaks an input limit as a whole (docs/input-limits.md): nothing is stored.
    case tooLarge(file: String, InputLimitFault)

    /// Escaped for the terminal (`TerminalText`): file names, codes and values come from outside.
    public var description: String { TerminalText.escaped(text) }

    private var text: String {
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
        case let .damaged(f, fault):
            "\(f):\(fault.line): \(fault.english); nothing was stored. Fix the file there, "
                + "or pass --keep-going to store the other rows and skip these lines."
        case let .tooLarge(f, fault):
            "\(f): \(fault.english); nothing was stored"
        }
    }
}

/// Reads a transactions or responses file into the store as one batch (one SQLite
/// transaction): every good row loads, every bad row becomes a stored reject with its file,
/// line, column, value and reason, and a failure or a kill leaves the store as it was.
///
/// Two threads: `FileReading` parses and checks rows on one core while this thread, SQLite's
/// single writer, stores them on the other. Storing alone is about as slow as reading alone,
/// so overlapping them nearly halves an import (docs/performance.md).
public enum Importer {
    public static func run(_ kind: ImportKind, file: String, into store: any SurveyStore, options: ImportOptions = .init(),
                           progress: ImportProgress? = nil) throws -> ImportReport {
        let started = Date()
        let source = try openTable(path: file, sheet: options.sheet)
        let catalog = try store.agencies()
        // `--agency` as the catalog spells it, checked once here.
        var fixedAgency: String?
        if let code = options.agency {
            guard let a = catalog.first(where: { $0.code.lowercased() == code.lowercased() }) else {
                throw ImportError.unknownAgency(code, known: catalog.map(\.code))
            }
            fixedAgency = a.code
        }
        var report = ImportReport(file: source.fileName, kind: kind)
        let fileName = source.fileName
        let reading = FileReading(source: source, kind: kind, options: options, catalog: catalog, progress: progress)

        let (_, counts, batch) = try store.importBatch(kind: kind, file: fileName) { w in
            if kind == .responses { reading.legacyIDs = try w.legacyContentIDs(agencies: catalog.map(\.code)) }
            var monthFirst: (line: Int, value: String?)?
            func rejected(_ line: Int, _ p: RowProblem) throws {
                if monthFirst == nil, p.monthFirst { monthFirst = (line, p.value) }
                let r = RejectRecord(file: fileName, line: line, column: p.column, value: p.value, reason: p.reason, agency: p.agency,
                                     position: p.position)
                try w.reject(r)
                report.add(r)
            }
            func conflict(_ line: Int, id: String, agency: String) throws {
                report.conflicts += 1
                try rejected(line, RowProblem(column: reading.header?.idColumn, value: id,
                                              reason: "id ganda dengan isi berbeda dari yang sudah tersimpan (pakai --replace untuk memperbarui)",
                                              agency: agency, position: reading.header?.idPosition))
            }
            try reading.forEachBatch { batch in
                var next = 0  // the batch's next encoded row
                for item in batch.items {
                    switch item {
                    case let .row(line):
                        if try w.insert(batch.rows, row: next, replace: options.replace) == .conflict {
                            try conflict(line, id: batch.rows.text(row: next, value: 1) ?? "",
                                         agency: batch.rows.text(row: next, value: 0) ?? "")
                        }
                        next += 1
                    case let .problem(p, line):
                        try rejected(line, p)
                    case let .warning(p, line):
                        let r = RejectRecord(file: fileName, line: line, column: p.column, value: p.value,
                                             reason: ImportReport.warningPrefix + p.reason, agency: p.agency,
                                             position: p.position, kind: .warning)
                        try w.warn(r)
                        report.addWarning(r)
                    }
                }
            }
            // A line that could not be read names no agency. The file's agency is known when
            // --agency says it or every good row shares one: file the line under it, so that it
            // shows in that agency's report and not in every other's.
            let owner = fixedAgency ?? (reading.agencies.count == 1 ? reading.agencies.first : nil)
            if let owner { try w.attributeUnattributedRejects(to: owner) }
            if let h = reading.header {
                report.dropped = h.dropped
                report.ignored = h.ignored
                report.mapping = h.mapping
            }
            report.skipped = reading.skipped
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
