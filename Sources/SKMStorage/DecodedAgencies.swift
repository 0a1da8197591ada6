import Foundation
import Synchronization
import SKMDomain

/// Agencies already decoded from their stored JSON, keyed by that exact text.
///
/// Every survey-form submission and API request asks for the catalog, and decoding five
/// agencies' definitions took 60 % of the server's time under form load (docs/performance.md).
/// The stored text is still read on every call, so a catalog changed by another process
/// (`skm init`, `skm catalog`) is seen at once: only an unchanged text skips the decoder.
final class DecodedAgencies: Sendable {
    private let cache = Mutex<[String: (definition: String, agency: Agency)]>([:])

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
