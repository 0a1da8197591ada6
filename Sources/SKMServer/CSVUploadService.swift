import Foundation
import SKMDomain
import SKMImport
import SKMStorage

/// CSV uploads of a transaction register or survey forms, through the same importer as
/// `skm import`: the body is saved to a private temporary file (the importer streams files)
/// and imported as one batch, with the agency fixed to the route's, so an upload can never
/// store rows of another agency (such rows become rejects).
public struct CSVUploadService: Sendable {
    public let store: any SurveyStore

    public init(store: any SurveyStore) { self.store = store }

    /// Parent of the per-upload directories, private to this process (0700, a random name so
    /// no process id shows anywhere); `skm serve` removes it on exit.
    public static let root: URL = FileManager.default.temporaryDirectory.appendingPathComponent("skm-uploads-\(UUID().uuidString)")

    /// What an upload stored and rejected.
    public struct Receipt: Codable, Sendable {
        public var batch: Int64?
        public var file: String
        public var counts: ImportCounts
        /// Rows whose id was already stored with different content (not replaced).
        public var conflicts: Int
        /// The first rejects (see `rejectsNotListed` for the rest), each with line, column and reason.
        public var rejects: [RejectRecord]
        public var rejectsNotListed: Int
        /// Columns that identify a person (nama, NIK, …), dropped unread.
        public var droppedColumns: [String]
        public var ignoredColumns: [String]
    }

    /// Query parameters: `filename`, `service` (responses without a service column), `layout`,
    /// `date_order` (`dmy` default, `mdy`), `strict`, `replace`.
    func upload(_ kind: ImportKind, agency: String, csv: Data, parameters: [String: String], requestID: String) throws -> Receipt {
        var options = ImportOptions(agency: agency)
        options.maxRows = InputLimits.uploadRows
        func bad(_ name: String, _ detail: String) -> Problem { Problem(.invalidParameter, detail: detail, field: name) }
        func flag(_ name: String) throws -> Bool {
            guard let v = parameters[name] else { return false }
            guard let b = Bool(v.lowercased()) else { throw bad(name, "Use true or false, not '\(v)'.") }
            return b
        }
        options.service = parameters["service"]
        if let l = parameters["layout"] {
            guard let layout = QuestionnaireLayout.named(l) else {
                throw bad("layout", "Unknown layout '\(l)'; use one of: \(QuestionnaireLayout.all.map(\.id).joined(separator: ", ")).")
            }
            options.layout = layout
        }
        if let d = parameters["date_order"] {
            guard let order = DateOrder(rawValue: d) else { throw bad("date_order", "Use dmy (31/12/2024) or mdy, not '\(d)'.") }
            options.dateOrder = order
        }
        options.strict = try flag("strict")
        options.replace = try flag("replace")
        let name = Self.fileName(parameters["filename"], kind: kind, requestID: requestID)

        let dir = Self.root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: Self.root.path)
        defer { try? FileManager.default.removeItem(at: dir) }  // every path out, errors included
        // Spooled under a fixed name: the caller's, however long in bytes, only labels the batch.
        let path = dir.appendingPathComponent(kind == .transactions ? "transactions.csv" : "responses.csv").path
        // 0600 from creation: the upload may hold identity numbers until its columns are dropped.
        guard FileManager.default.createFile(atPath: path, contents: csv, attributes: [.posixPermissions: 0o600]) else {
            throw Problem(.internalError, detail: "The upload could not be spooled.")
        }

        let report: ImportReport
        do {
            report = try Importer.run(kind, file: path, into: store, options: options)
        } catch let e as ImportError {
            switch e {
            case .unknownAgency: throw Problem(.notFound, detail: Self.scrub(e.description, path, name), field: "agency")
            case .serviceRequired: throw Problem(.invalidParameter, detail: "The file has no service column: pass service=CODE.", field: "service")
            case .agencyRequired, .strictFailed, .damaged: throw Problem(.invalidField, detail: Self.scrub(e.description, path, name), field: "body")
            case let .tooLarge(_, fault):
                if case .uploadRows = fault { throw Problem(.tooLarge, detail: fault.english.prefixUppercased + "; nothing was stored.", field: "body") }
                throw Problem(.invalidField, detail: fault.english.prefixUppercased + "; nothing was stored.", field: "body")
            case let .monthFirstDates(_, line, value):
                throw Problem(.invalidField, detail: "Line \(line): '\(value)' is only a date month first, so other dates may have day "
                    + "and month swapped; nothing was stored. Pass date_order=mdy, or fix that line.", field: "date_order")
            }
        } catch let e as ColumnPlanError {
            throw Problem(.invalidField, detail: Self.headerProblem(e, kind: kind), field: "body")
        } catch let e as TableFileError {
            throw Problem(.invalidField, detail: "The upload cannot be read as a table: " + Self.scrub(e.description, path, name), field: "body")
        }
        if let batch = report.batch { try store.relabelBatch(batch, file: name, agency: agency) }
        let rejects = report.rejects.map { r in var r = r; r.file = name; return r }
        return Receipt(batch: report.batch, file: name, counts: report.counts, conflicts: report.conflicts,
                       rejects: rejects, rejectsNotListed: report.rejectsNotListed,
                       droppedColumns: report.dropped, ignoredColumns: report.ignored)
    }

    /// An error text with the spool path replaced by the uploaded name: no server path in a body.
    static func scrub(_ text: String, _ path: String, _ name: String) -> String {
        text.replacingOccurrences(of: path, with: name).replacingOccurrences(of: root.path, with: "upload")
    }

    /// A header the importer cannot use, in the API's words (the CLI's mention --map); the
    /// header itself is cut short, since it may be huge.
    static func headerProblem(_ e: ColumnPlanError, kind: ImportKind) -> String {
        func shown(_ h: [String]) -> String { String(h.joined(separator: ", ").prefix(200)) }
        switch e {
        case let .missingField(f, _, h):
            return "Required column '\(f)' is missing from this \(kind.rawValue) upload (header: \(shown(h))); add it or rename a column to '\(f)'."
        case let .noAnswerColumns(h):
            return "No answer columns in this upload (header: \(shown(h))); name them u1…u9 or q1…q9."
        default:
            return String(e.description.prefix(300))
        }
    }

    /// The name the batch and its rejects are filed under: the caller's, reduced to safe
    /// characters, or one derived from the request id.
    static func fileName(_ given: String?, kind: ImportKind, requestID: String) -> String {
        let safe = (given ?? "").unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        var name = String(String.UnicodeScalarView(safe)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if name.isEmpty { name = "api-\(kind.rawValue)-\(requestID)" }
        if !name.lowercased().hasSuffix(".csv") { name += ".csv" }
        return String(name.suffix(120))
    }
}

private extension String {
    /// "line 1: …" → "Line 1: …", for a sentence of a problem's detail.
    var prefixUppercased: String { prefix(1).uppercased() + dropFirst() }
}
