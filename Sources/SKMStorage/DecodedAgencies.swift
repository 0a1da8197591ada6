import Foundation
import Synchronization
import SKMDomain

/// Agencies already decoded from their stored JSON, keyed by that exact text.
///
/// Every survey-form submission and API request asks for the catalog, and decoding five
/// agencies' definitions took 60 % of the server's time under form load (docs/performance.md).
/// The stored text is still read on every call, so a catalog changed by another process
/// (`skm init`, `skm catalog`) is seen at once: only an unchanged text skips the decoder.
///
/// On top of that, the whole list is kept with the catalog's version (`PRAGMA user_version`,
/// bumped by every `saveCatalog` in the same transaction; migration v11): while the version
/// is unchanged not even the texts are read. Reading and comparing them was still 15 % of the
/// server's time under form load. A catalog edited outside skm (sqlite3 by hand) is seen after
/// the next `skm init` or `skm catalog` run.
final class DecodedAgencies: Sendable {
    private let cache = Mutex<[String: (definition: String, agency: Agency)]>([:])
    private let list = Mutex<(version: Int64, agencies: [Agency])?>(nil)

    /// Every agency, if the list was read at catalog version `version` (never for 0: a store
    /// from before versions were kept).
    func agencies(atVersion version: Int64) -> [Agency]? {
        guard version != 0 else { return nil }
        return list.withLock { $0?.version == version ? $0?.agencies : nil }
    }

    func keep(_ agencies: [Agency], version: Int64) {
        list.withLock { $0 = (version, agencies) }
    }

    /// The agency stored as `definition` under `code`, decoded once per distinct text.
    func agency(code: String, definition: String) throws -> Agency {
        if let hit = cache.withLock({ $0[code] }), hit.definition == definition { return hit.agency }
        let agency: Agency
        do {
            agency = try JSONDecoder().decode(Agency.self, from: Data(definition.utf8))
        } catch {
            throw StoreError.corrupt(table: "agency", key: code, reason: "definition does not decode: \(error)")
        }
        cache.withLock { $0[code] = (definition, agency) }
        return agency
    }
}
