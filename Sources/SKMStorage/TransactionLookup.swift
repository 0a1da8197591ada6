import GRDB
import SKMDomain

extension Store {
    /// One stored transaction by id, for updates that arrive one at a time (the HTTP API's
    /// "finished" call) rather than as a register file.
    public func transaction(agency: String, id: String) throws -> Transaction? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, service, received_at, finished_at, variant, pauses, channel FROM service_transaction
                WHERE agency = ? AND id = ?
                """, arguments: [agency, id]).map { row in
                Transaction(id: row[0], agency: agency, service: row[1], receivedAt: row[2], finishedAt: row[3],
                            variant: row[4], pauses: Self.decodePauses(row[5]), channel: row[6])
            }
        }
    }
}
