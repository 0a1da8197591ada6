import Foundation
import Synchronization
import SKMDomain

/// The catalog's agencies as last decoded, with the catalog version they were read at.
///
/// Every survey-form submission and API request asks for the catalog; decoding it took 60 %
/// of the server's time under form load, and reading and comparing the stored texts instead
/// still 15 % (docs/performance.md). `saveCatalog` moves the version (`PRAGMA user_version`,
/// in its own transaction; migration v11 starts every store at 1), so while it stands still
/// not even the table is read, and a catalog saved by another process (`skm init`, `skm
/// catalog`) is seen at once. A catalog edited outside skm (sqlite3 by hand) is seen after the
/// next `skm init` or `skm catalog` run.
final class DecodedAgencies: Sendable {
    private let kept = Mutex<(version: Int64, agencies: [Agency])?>(nil)

    /// Every agency, if the list was read at catalog version `version`.
    func agencies(atVersion version: Int64) -> [Agency]? {
        kept.withLock { $0?.version == version ? $0?.agencies : nil }
    }

    func keep(_ agencies: [Agency], version: Int64) {
        kept.withLock { $0 = (version, agencies) }
    }

    /// One agency from its stored JSON.
    static func decode(code: String, definition: String) throws -> Agency {
        do {
            return try JSONDecoder().decode(Agency.self, from: Data(definition.utf8))
        } catch {
            throw StoreError.corrupt(table: "agency", key: code, reason: "definition does not decode: \(error)")
        }
    }
}
