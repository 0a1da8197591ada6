import Foundation
import SKMDomain
import SKMStorage

/// What one import did: totals, the rejected rows, and the columns it dropped or ignored.
///
/// Rejects are all stored in the store (table `reject`); the report keeps the first
/// `listLimit` so that a file of a million bad rows does not fill memory.
public struct ImportReport: Sendable {
    public var file: String
    public var kind: ImportKind
    public var counts = ImportCounts()
    /// Rows whose id is already stored with different content (each also a reject).
    public var conflicts = 0
    public var rejects: [RejectRecord] = []
    public var rejectsNotListed = 0
    /// Stored rows with an optional field left empty because it could not be read. Kept in
    /// the store's rejects (reason starting with `warningPrefix`), not counted as rejected.
    public var warnings: [RejectRecord] = []
    public var warningCount = 0
    /// Marks a warning among the stored rejects.
    public static let warningPrefix = "peringatan (baris tetap disimpan): "
    /// Columns that identify a person: dropped unread.
    public var dropped: [String] = []
    public var ignored: [String] = []
    /// Lines `--keep-going` skipped over a structural fault (each also a reject).
    public var skipped: [String] = []
    /// Field ← column as decided from the header, in field order.
    public var mapping: [(field: String, column: String)] = []
    /// The batch id in the store; nil when the import was rolled back.
    public var batch: Int64?
    public var seconds: Double = 0
    public static let listLimit = 1000

    public init(file: String, kind: ImportKind) {
        self.file = file
        self.kind = kind
    }

    mutating func add(_ r: RejectRecord) {
        if rejects.count < Self.listLimit { rejects.append(r) } else { rejectsNotListed += 1 }
    }

    mutating func addWarning(_ r: RejectRecord) {
        warningCount += 1
        if warnings.count < Self.listLimit { warnings.append(r) }
    }

    /// Rows read (data rows, after the header).
    public var rowsRead: Int { counts.read }

    /// A few lines for the terminal, then every listed reject as `file:line column 'value' — reason`.
    /// Every line is escaped (`TerminalText`): names and values come from the file.
    public func summary() -> String {
        var lines: [String] = []
        let what = kind == .transactions ? "transactions" : "responses"
        let rate = seconds > 0 ? String(format: " in %.2f s (%.0f rows/s)", seconds, Double(counts.read) / seconds) : ""
        lines.append("\(file): \(counts.read) rows read\(rate)")
        lines.append("  \(what): \(counts.inserted) new, \(counts.unchanged) already stored, \(counts.updated) updated, "
            + "\(counts.rejected) rejected" + (conflicts > 0 ? " (\(conflicts) changed under an existing id)" : ""))
        if !mapping.isEmpty {
            lines.append("  columns: " + mapping.map { "\($0.field) ← \($0.column)" }.joined(separator: ", "))
        }
        if !dropped.isEmpty {
            lines.append("  dropped (identify a person, not stored): " + dropped.joined(separator: ", "))
        }
        if !ignored.isEmpty { lines.append("  ignored: " + ignored.joined(separator: ", ")) }
        if warningCount > 0 {
            lines.append("  \(warningCount) stored row(s) with an optional field left empty (listed below as warnings)")
        }
        for s in skipped { lines.append("  skipped (--keep-going): " + s) }
        if batch == nil { lines.append("  nothing was stored") }
        if !rejects.isEmpty {
            lines.append("rejected rows:")
            for r in rejects { lines.append("  " + Self.describe(r)) }
            if rejectsNotListed > 0 { lines.append("  … and \(rejectsNotListed) more (all are stored; see the report's rejects sheet)") }
        }
        if !warnings.isEmpty {
            lines.append("warnings (row stored, field left empty):")
            for r in warnings { lines.append("  " + Self.describe(r)) }
            if warningCount > warnings.count { lines.append("  … and \(warningCount - warnings.count) more (all are stored with the rejects)") }
        }
        return lines.map(TerminalText.escaped).joined(separator: "\n")
    }

    /// `file:line column 'value' — reason`; the column by position when the file gave it.
    public static func describe(_ r: RejectRecord) -> String {
        var s = "\(r.file):\(r.line)"
        if let c = r.column { s += " \(c)" }
        if let p = r.position { s += " (column \(p))" }
        if let v = r.value { s += " '\(v.count > 80 ? String(v.prefix(77)) + "…" : v)'" }
        return s + " — " + r.reason
    }
}
