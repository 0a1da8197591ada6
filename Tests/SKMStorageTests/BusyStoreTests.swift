import Dispatch
import Foundation
import Synchronization
import GRDB
import Testing
@testable import SKMStorage
import SKMDomain

/// Two connections to one file, as `skm import` and `skm serve` are: the server's small
/// writes wait for the import's transaction instead of failing with "database is locked".
@Suite struct BusyStoreTests {
    @Test func smallWritesWaitForALongImportAndAllAreStored() throws {
        let (dir, importer, server) = try twoConnections()
        defer { try? FileManager.default.removeItem(at: dir) }
        let day = LocalDate(year: 2024, month: 3, day: 4)!
        let started = DispatchSemaphore(value: 0)
        let failures = Mutex<[String]>([])

        let importDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { importDone.signal() }
            do {
                _ = try importer.importBatch(kind: .transactions, file: "big.csv") { w in
                    for i in 0..<200_000 {
                        _ = try w.insert(Transaction(id: "T\(i)", agency: "a", service: "s", receivedAt: 1_000 + Int64(i), finishedAt: nil),
                                         receivedDate: day)
                        if i == 0 { started.signal() }
                    }
                }
            } catch { failures.withLock { $0.append("import: \(error)") } }
        }
        started.wait()  // the import holds the write lock from here to its commit
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            do {
                _ = try server.importBatch(kind: .responses, file: "api:\(i)") { w in
                    try w.insert(SurveyResponse(id: "R\(i)", agency: "a", service: "s", date: day, answers: [4, 4, 4, 4, 4, 4, 4, 4, 4]))
                }
            } catch { failures.withLock { $0.append("write \(i): \(error)") } }
        }
        importDone.wait()
        #expect(failures.withLock { $0 } == [])
        let counts = try server.query(sql: "SELECT (SELECT COUNT(*) FROM service_transaction), (SELECT COUNT(*) FROM response)", arguments: [:])
        #expect(counts.rows == [[.integer(200_000), .integer(200)]])
    }
}

/// Kept figures (KeptFiguresRow.swift) are kept only when the write lock is free: a command
/// does not wait for another process's import to finish just to keep what it printed.
@Suite struct KeptFiguresBusyTests {
    @Test func keepingDoesNotWaitForAnImportAndWorksAfterIt() throws {
        let (dir, importer, command) = try twoConnections()
        defer { try? FileManager.default.removeItem(at: dir) }
        let row = KeptFiguresRow(seq: 1, until: nil, build: "b", body: "{}")
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            _ = try? importer.importBatch(kind: .transactions, file: "big.csv") { _ in
                holding.signal()
                // Held until the keep below has answered, or 10 s at most, so the test ends either way.
                _ = release.wait(timeout: .now() + 10)
            }
        }
        holding.wait()
        let answered = Mutex<Result<Void, any Error>?>(nil)
        let keeping = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let r = Result { try command.keepFigures(key: "k", row, now: 1) }
            answered.withLock { $0 = r }
            keeping.signal()
        }
        // While the import holds the lock, the keep fails at once rather than waiting for it.
        let beforeRelease = keeping.wait(timeout: .now() + 5) == .success
        release.signal()
        done.wait()
        if !beforeRelease { keeping.wait() }
        #expect(beforeRelease, "keeping waited for the import's lock")
        #expect(throws: (any Error).self) { try answered.withLock { $0 }?.get() }
        // With the lock free again it keeps, and the connection waits for locks as before.
        try command.keepFigures(key: "k", row, now: 2)
        #expect(try command.keptFigures(key: "k") == row)
        #expect(try command.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA busy_timeout") } == Int(Store.busyTimeout * 1000))
    }
}

/// Two connections to one new store file, as two processes have; the caller removes `dir`.
func twoConnections() throws -> (dir: URL, Store, Store) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-busy-\(UUID().uuidString)")
    let path = dir.appendingPathComponent("s.sqlite").path
    return (dir, try Store(path: path), try Store(path: path))
}
