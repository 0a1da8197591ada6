import Foundation
import SKMDomain
import SKMStorage

/// Figures a command computed, kept in the store for its next run: `skm score` and
/// `skm compliance` for a year at 10⁶ + 10⁶ rows cost seconds to compute and milliseconds to
/// serve again (docs/publication.md, "Speed").
///
/// Never stale, by the same rule as the server's `FiguresCache` (Sources/SKMServer/FiguresCache.swift):
/// kept figures are served only while the change log (`SurveyStore.changes`) has nothing after
/// them that reaches their days, and before `until` (an open file passing its deadline). The
/// server keeps its figures in memory; a command is a new process each time, so it keeps them
/// in the store (`KeptFiguresRow`), where two machines on one PostgreSQL database share them.
///
/// Keeping is best-effort: a read-only or busy store still gets its figures computed and
/// printed; they are just not kept.
public struct KeptFigures: Sendable {
    public let store: any SurveyStore
    /// Which build of skm computed the figures: another build may compute them differently, so
    /// its figures are not served (`thisBuild`).
    let build: String
    /// False: always compute (`--recompute`), and keep the result for the next run.
    let serve: Bool

    public init(store: any SurveyStore, serve: Bool = true, build: String = KeptFigures.thisBuild) {
        self.store = store
        self.serve = serve
        self.build = build
    }

    /// The running executable's size and modification time: a rebuilt skm does not trust what
    /// the previous build kept (figures are kept in their JSON form, which a code change may
    /// compute differently without changing its shape).
    public static let thisBuild: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let a = try? FileManager.default.attributesOfItem(atPath: path),
              let size = a[.size] as? NSNumber, let date = a[.modificationDate] as? Date else { return "unknown" }
        return "\(size)-\(Int64(date.timeIntervalSince1970 * 1000))"
    }()

    /// The figures kept under (`kind`, `agency`, `detail`) if still valid at `now`, else
    /// `compute()`'s, kept for later: valid while no change reaches data up to `through`.
    public func figures<T: Codable>(_ kind: String, agency: String, detail: String, through: LocalDate, now: Int64,
                                    compute: () throws -> (value: T, until: Int64?)) throws -> T {
        let key = [kind, agency, detail].joined(separator: "|")
        var newest: Int64?  // the change log's newest number, when the check below read it
        if serve, let row = try store.keptFigures(key: key), row.build == build, row.until.map({ now < $0 }) ?? true {
            let check = try store.changes(agency: agency, after: row.seq, through: through)
            if !check.changed, let value = try? JSONDecoder().decode(T.self, from: Data(row.body.utf8)) {  // unreadable: computed again
                return value
            }
            newest = check.latest
        }
        // Read before computing, so that a change committed meanwhile is seen next time.
        let before = try newest ?? store.latestChange()
        let computed = try compute()
        if let body = try? JSONEncoder().encode(computed.value) {
            try? store.keepFigures(key: key, KeptFiguresRow(seq: before, until: computed.until, build: build,
                                                                 body: String(decoding: body, as: UTF8.self)),
                                   now: now)
        }
        return computed.value
    }
}
