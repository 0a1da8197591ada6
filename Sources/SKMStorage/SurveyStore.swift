import Foundation
import SKMDomain

/// Everything skm asks of its store, written down once so that a second engine (PostgreSQL,
/// next to the embedded SQLite `Store`) has one list to implement. Nothing outside SKMStorage
/// sees the database driver or a connection: callers hand in values (and, for `query`, SQL
/// text with typed parameters) and get values back.
///
/// Guarantees every implementation keeps:
/// - Each write method is one database transaction: all of it is stored or, on a thrown
///   error or a killed process, none of it.
/// - A writer that finds the database busy (another process importing) waits, bounded, rather
///   than failing at once; a commit that returned has reached the disk when the store was
///   opened for acknowledged writes (the server's).
/// - Reads see only committed data and never block writers.
/// - Orders are stated per method; "stored order" means insertion order of the rows' keys.
public protocol SurveyStore: AnyObject, Sendable {
    /// Where the data lives, for messages (a path, ":memory:", or a URL without password).
    var path: String { get }

    // MARK: Catalog

    /// Replaces agencies, their standards, national holidays and agency closures, in one
    /// transaction. Transactions and responses are kept: they refer to codes, not rows.
    func saveCatalog(agencies: [Agency], holidays: [Holiday], closures: [String: [Holiday]]) throws
    /// Every agency of the catalog, ordered by code.
    func agencies() throws -> [Agency]
    /// National holidays (agency nil) or national ones and that agency's closures, by date.
    func holidays(for agency: String?) throws -> [Holiday]

    // MARK: Imports and API writes

    /// Runs `body` as one import batch, in one transaction: every accepted row and every reject
    /// is stored, or — on a thrown error or a killed process — nothing is (not even the batch).
    /// Returns `body`'s result, the batch's totals and its id.
    func importBatch<T>(kind: ImportWriter.Kind, file: String, _ body: (any ImportBatchWriter) throws -> T) throws
        -> (T, ImportCounts, batch: Int64)
    /// Files a batch and its rejects under another name, in one transaction; that name's
    /// earlier rejects of the same kind — of `agency` only, when given (an HTTP upload) — are
    /// superseded.
    func relabelBatch(_ batch: Int64, file: String, agency: String?) throws

    /// Every import batch, oldest first, with its totals and how many rows it still holds.
    func importBatches() throws -> [ImportBatchRecord]
    /// Removes, in one transaction, the rows one import stored, its rejects and warnings, and
    /// the batch; throws when there is no such batch.
    func undoImport(_ id: Int64) throws -> UndoneImport

    // MARK: Reads for reports, figures and the API

    /// One stored transaction by agency and id.
    func transaction(agency: String, id: String) throws -> Transaction?
    /// Transactions received in the period per service (the survey's population).
    func transactionCounts(agency: String, period: Period) throws -> [String: Int]
    /// Streams the period's transactions: by receipt time then id, or in stored order when
    /// `inReceiptOrder` is false (for sums that do not care).
    func forEachTransaction(agency: String, period: Period, inReceiptOrder: Bool, _ body: (Transaction) throws -> Void) throws
    /// Everything a report reads from the agency's responses of the period (and the one before),
    /// in one scan; with `spoolingSuggestions`, the saran kept aside in the report's order.
    func periodResponses(agency: String, period: Period, method: IKMMethod, spoolingSuggestions: Bool) throws -> PeriodResponses
    /// Tallies of the method's responses dated `from`…`through`, per service and month.
    func monthlyResponseTallies(agency: String, from: LocalDate, through: LocalDate, method: IKMMethod) throws
        -> [ServiceMonth: ResponseTally]
    /// The period's responses that name a transaction, with their answer to unsur index `unsur`
    /// (`LinkedAnswer`): the citizens' view of the time beside the register's.
    func linkedAnswers(agency: String, period: Period, method: IKMMethod, unsur: Int) throws -> [LinkedAnswer]
    /// Streams the agency's responses dated `period`, of every method, whole, in stored order
    /// (`skm store copy`).
    func forEachResponse(agency: String, period: Period, _ body: (SurveyResponse) throws -> Void) throws
    /// Respondents by profile category; categories ordered as SQL's `ORDER BY` on text orders them.
    func profileCounts(agency: String, period: Period, service: String?) throws -> ProfileCounts
    /// Streams the period's non-blank saran by date, then stored order.
    func forEachSuggestion(agency: String, period: Period, _ body: (Suggestion) throws -> Void) throws
    func suggestionCount(agency: String, period: Period) throws -> Int
    /// Streams the rejected rows filed under `agency` (nil: every reject, whatever its agency),
    /// newest batch first, then by line. A report's list: only its own agency's.
    func forEachReject(agency: String?, _ body: (RejectRecord) throws -> Void) throws
    func rejectCount(agency: String?) throws -> Int
    /// The rejects a report of `period` lists: of the imports whose rows fall in it, or that
    /// stored no row and ran in it (local days of `zone`); see RejectsByPeriod.swift.
    func forEachReject(agency: String, period: Period, zone: IndonesianTimeZone, _ body: (RejectRecord) throws -> Void) throws
    func rejectCount(agency: String, period: Period, zone: IndonesianTimeZone) throws -> Int
    /// First and last local day with a transaction or a response of the agency.
    func dataSpan(agency: String) throws -> (LocalDate, LocalDate)?

    /// The changes after change `seq` that concern `agency` (its own and every agency's), and
    /// the newest change's number; what they reach is decided once, in `DataChange`.
    func changes(agency: String, after seq: Int64) throws -> ChangesSince
    /// The newest change's number (0 before any): read before computing what it will guard.
    func latestChange() throws -> Int64
    /// Figures a command kept for its next run under `key` (KeptFiguresRow.swift).
    func keptFigures(key: String) throws -> KeptFiguresRow?
    func keepFigures(key: String, _ row: KeptFiguresRow, now: Int64) throws
    /// Runs one read-only SQL statement (`queries/`) with named, typed parameters; rows in the
    /// statement's order. The dialect is the engine's: a PostgreSQL store picks a per-dialect
    /// variant of the file where one is needed.
    func query(sql: String, arguments: [String: QueryValue]) throws -> (columns: [String], rows: [[QueryValue]])
    /// The SQL dialect `query` speaks: "sqlite" or "postgres" (NamedQuery picks a variant by it).
    var sqlDialect: String { get }

    // MARK: Tokens and kiosks

    /// Creates a token for an agency of the catalog and returns its secret, shown only once.
    func createToken(agency: String, role: TokenRole, label: String?, expiresAt: Int64?, now: Int64) throws
        -> (secret: String, token: APIToken)
    /// The live token with this secret: not revoked, not expired at `now`.
    func token(secret: String, now: Int64) throws -> APIToken?
    /// `token(secret:now:)` for a request, recording the use at most once a minute per token
    /// (so that reads stay reads); a shared table, so every server process sees it.
    func authenticate(secret: String, now: Int64) throws -> APIToken?
    /// All tokens, or one agency's, by id (revoked ones included).
    func tokens(agency: String?) throws -> [APIToken]
    /// Revokes a live token; false when there is none with that id.
    func revokeToken(id: Int64, now: Int64) throws -> Bool
    /// Opens or closes token-free survey submission for an agency.
    func setKiosk(agency: String, open: Bool, now: Int64) throws
    func kioskAgencies() throws -> Set<String>
    /// Sets the questionnaire layout of an agency's open kiosk; false when its kiosk is closed.
    func setKioskLayout(agency: String, layout: String) throws -> Bool
    /// The layout id of an agency's open kiosk; nil when the kiosk is closed.
    func kioskLayout(agency: String) throws -> String?

    // MARK: Publication

    /// Turns the public results page of an agency of the catalog on or off (off by default).
    func setPublication(agency: String, on: Bool, now: Int64) throws
    /// Agencies whose public results page is on.
    func publishedAgencies() throws -> Set<String>

    // MARK: Population

    /// Sets one service's survey population for exactly `period` (keyed by its text, e.g.
    /// "2025-S1"), replacing an earlier figure; a count of 0 removes it. For an office that
    /// keeps no transaction register (`skm population set`).
    func setPopulation(agency: String, service: String, period: Period, count: Int) throws
    /// The populations set for exactly `period`, service code → count.
    func populations(agency: String, period: Period) throws -> [String: Int]
    /// Every population set for the agency, by period text then service (`skm store copy`).
    func statedPopulations(agency: String) throws -> [StatedPopulation]
}

/// The embedded SQLite store implements all of it.
extension Store: SurveyStore {
    public var sqlDialect: String { "sqlite" }
}

/// Conveniences every store has, built on the requirements: defaults the protocol's
/// requirements cannot declare, and lists gathered from the streaming reads.
extension SurveyStore {
    public func agency(_ code: String) throws -> Agency {
        guard let a = try agencies().first(where: { $0.code == code }) else { throw StoreError.unknownAgency(code) }
        return a
    }

    public func holidays() throws -> [Holiday] { try holidays(for: nil) }

    public func saveCatalog(agencies: [Agency], holidays: [Holiday]) throws {
        try saveCatalog(agencies: agencies, holidays: holidays, closures: [:])
    }

    public func relabelBatch(_ batch: Int64, file: String) throws { try relabelBatch(batch, file: file, agency: nil) }

    public func periodResponses(agency: String, period: Period, method: IKMMethod = .permenPANRB14_2017) throws -> PeriodResponses {
        try periodResponses(agency: agency, period: period, method: method, spoolingSuggestions: false)
    }

    public func monthlyResponseTallies(agency: String, from: LocalDate, through: LocalDate) throws -> [ServiceMonth: ResponseTally] {
        try monthlyResponseTallies(agency: agency, from: from, through: through, method: .permenPANRB14_2017)
    }

    /// Response tallies per service for one agency and period.
    public func responseTallies(agency: String, period: Period, method: IKMMethod = .permenPANRB14_2017) throws -> [String: ResponseTally] {
        ServiceMonth.perService(try monthlyResponseTallies(agency: agency, from: period.start, through: period.end, method: method),
                                unsurCount: method.unsur.count)
    }

    public func profileCounts(agency: String, period: Period) throws -> ProfileCounts {
        try profileCounts(agency: agency, period: period, service: nil)
    }

    public func forEachTransaction(agency: String, period: Period, _ body: (Transaction) throws -> Void) throws {
        try forEachTransaction(agency: agency, period: period, inReceiptOrder: true, body)
    }

    /// Free-text suggestions (saran), oldest first.
    public func suggestions(agency: String, period: Period) throws -> [Suggestion] {
        var out: [Suggestion] = []
        try forEachSuggestion(agency: agency, period: period) { out.append($0) }
        return out
    }

    /// Rejected rows filed under this agency (nil: every reject), newest batch first.
    public func rejects(agency: String?) throws -> [RejectRecord] {
        var out: [RejectRecord] = []
        try forEachReject(agency: agency) { out.append($0) }
        return out
    }

    /// The period's rejects of `agency`, held.
    public func rejects(agency: String, period: Period, zone: IndonesianTimeZone) throws -> [RejectRecord] {
        var out: [RejectRecord] = []
        try forEachReject(agency: agency, period: period, zone: zone) { out.append($0) }
        return out
    }

    public func createToken(agency: String, role: TokenRole, label: String? = nil, expiresAt: Int64? = nil) throws
        -> (secret: String, token: APIToken) {
        try createToken(agency: agency, role: role, label: label, expiresAt: expiresAt, now: Int64(Date().timeIntervalSince1970))
    }

    public func token(secret: String) throws -> APIToken? { try token(secret: secret, now: Int64(Date().timeIntervalSince1970)) }
    public func authenticate(secret: String) throws -> APIToken? { try authenticate(secret: secret, now: Int64(Date().timeIntervalSince1970)) }
    public func tokens() throws -> [APIToken] { try tokens(agency: nil) }
    @discardableResult
    public func revokeToken(id: Int64) throws -> Bool { try revokeToken(id: id, now: Int64(Date().timeIntervalSince1970)) }
    public func setKiosk(agency: String, open: Bool) throws { try setKiosk(agency: agency, open: open, now: Int64(Date().timeIntervalSince1970)) }
    public func setPublication(agency: String, on: Bool) throws {
        try setPublication(agency: agency, on: on, now: Int64(Date().timeIntervalSince1970))
    }
}
