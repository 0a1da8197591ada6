import Foundation
import GRDB
import Testing
@testable import SKMStorage
import SKMDomain

/// Migration v7: rejects stored before it get a kind (warnings were told apart by their
/// reason's prefix only) and their column names and values cut to the bounded lengths.
@Suite struct RejectsMigrationTests {
    @Test func oldRejectsGetAKindAndBoundedNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-v7-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let header = String(repeating: "H", count: 40_000)
        do {
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: "v6: the kiosk's questionnaire layout")
            try old.write { db in
                try db.execute(sql: "INSERT INTO import_batch (kind, file, imported_at) VALUES ('responses', 'x.csv', 0)")
                try db.execute(sql: """
                    INSERT INTO reject (batch, agency, file, line, column_name, value, reason) VALUES
                      (1, 'a', 'x.csv', 2, ?, 'X', 'layanan tidak dikenal'),
                      (1, 'a', 'x.csv', 3, 'umur', '150', 'peringatan (baris tetap disimpan): umur 150 tidak masuk akal')
                    """, arguments: [header])
            }
        }
        let store = try Store(path: path)  // migrates to v7
        let rejects = try store.rejects(agency: "a")
        #expect(rejects.map(\.kind) == [.reject, .warning])
        #expect(rejects.map(\.column) == [String(repeating: "H", count: 63) + "…", "umur"])
        #expect(rejects.map(\.position) == [nil, nil])
        let stored = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT MAX(length(column_name)) FROM reject") }
        #expect(stored == 64)
    }
}
