import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Runs the real `skm` binary built next to the test bundle.
enum SKMBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("skm"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/skm"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs to completion: (exit status, standard output, standard error).
    static func run(_ args: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = try #require(url, "build the skm executable first (swift build)")
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

@Suite(.serialized) struct KillTests {
    /// Bytes a process has read so far (`rchar` of /proc/PID/io).
    static func bytesRead(pid: Int32) -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("rchar:") {
            return Int64(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    func counts(_ path: String) throws -> [Int] {
        let s = try Store(path: path)
        return try ["service_transaction", "import_batch", "reject"].map { try s.count($0) }
    }

    /// SIGKILL in the middle of a large import leaves the store exactly as it was: the
    /// import is one SQLite transaction; whatever it had spilled to the WAL is uncommitted
    /// and ignored on reopening.
    @Test func killingTheProcessMidImportLeavesTheStoreAsBefore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let storePath = dir.appendingPathComponent("skm.sqlite").path
        do {
            let store = try Store(path: storePath)
            try store.saveCatalog(agencies: TestCatalog.agencies, holidays: [])
            let small = try writeTemp("small.csv", TransactionImportTests.csv, in: dir)
            _ = try Importer.run(.transactions, file: small, into: store)
        }
        let before = try counts(storePath)
        #expect(before == [4, 1, 4])

        // 300 000 rows, each a new id.
        let big = dir.appendingPathComponent("big.csv")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big)
        h.write(Data("id,agency,service,received_at,finished_at,variant,pauses,channel\n".utf8))
        var chunk = ""
        for i in 0..<300_000 {
            chunk += "K\(i),kab-contoh,ktp,2024-03-04 09:15,2024-03-05 10:00,,,loket\n"
            if i % 10_000 == 9_999 { h.write(Data(chunk.utf8)); chunk = "" }
        }
        try h.close()

        let p = Process()
        p.executableURL = try #require(SKMBinary.url, "build the skm executable first (swift build)")
        p.arguments = ["import", "transactions", big.path, "--store", storePath]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill once the child has read half the file: the import's transaction is then open
        // with some 150 000 rows written into it (reading happens only inside the batch).
        let size = try #require((try FileManager.default.attributesOfItem(atPath: big.path))[.size] as? NSNumber).int64Value
        var read: Int64 = 0
        while p.isRunning, read < size / 2 {
            read = Self.bytesRead(pid: p.processIdentifier)
            usleep(2_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try #require(p.terminationReason == .uncaughtSignal, "the import finished before it could be killed: make the file larger")
        #expect(read >= size / 2)
        #expect(try counts(storePath) == before)
    }

    @Test func cliSummaryRejectsAndExitCodes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let storePath = dir.appendingPathComponent("skm.sqlite").path
        try Store(path: storePath).saveCatalog(agencies: TestCatalog.agencies, holidays: [])
        let file = try writeTemp("register.csv", TransactionImportTests.csv, in: dir)

        let (strict, out0, err0) = try SKMBinary.run(["import", "transactions", file, "--store", storePath, "--strict"])
        #expect(strict != 0)
        #expect(out0.contains("nothing was stored"))
        #expect(err0.contains("--strict: 4 row(s) rejected, nothing was stored"))
        #expect(try counts(storePath) == [0, 0, 0])

        let (status, out, err) = try SKMBinary.run(["import", "transactions", file, "--store", storePath])
        #expect(status == 0)
        #expect(err.isEmpty)  // no progress bar when not on a terminal
        #expect(out.contains("transactions: 4 new, 1 already stored, 0 updated, 4 rejected (1 changed under an existing id)"))
        #expect(out.contains("\(file):5 service (column 3) 'paspor' — layanan tidak dikenal di instansi kab-contoh"))
        #expect(out.contains("\(file):6 finished_at (column 5) '2024-03-04 09:00' — selesai sebelum diterima (2024-03-05 09:00)"))

        // A file of which nothing loads (a wrong file, a wrong agency) fails a scheduled job.
        let wrong = try writeTemp("wrong.csv", "id,agency,service,received_at\nX1,kab-contoh,paspor,2024-03-04 09:00\nX2,kab-lain,ktp,2024-03-04 09:00\n", in: dir)
        let (allRejected, out3, err3) = try SKMBinary.run(["import", "transactions", wrong, "--store", storePath])
        #expect(allRejected == 3)
        #expect(out3.contains("transactions: 0 new, 0 already stored, 0 updated, 2 rejected"))
        #expect(err3.contains("every row of \(wrong) was rejected"))

        let (missing, _, err2) = try SKMBinary.run(["import", "responses", dir.appendingPathComponent("nope.csv").path, "--store", storePath])
        #expect(missing != 0)
        #expect(err2.contains("No such file"))
    }
}
