import Dispatch
import Foundation
import Synchronization
import Testing
@testable import SKMStorage
import SKMDomain

/// Two connections to one file, as `skm import` and `skm serve` are: the server's small
/// writes wait for the import's transaction instead of failing with "database is locked".
@Suite struct BusyStoreTests {
    @Test func smallWritesWaitForALongImportAndAllAreStored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-busy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let importer = try Store(path: path), server = try Store(path: path)
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
