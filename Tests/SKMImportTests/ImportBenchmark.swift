import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// 10⁶ transactions and 10⁶ responses in the demo generator's format, imported in-process
/// and — when a release `skm` has been built — by the release binary, with its peak memory
/// at 10⁵ and 10⁶ rows (which must not grow with the file).
///
///     swift build -c release --product skm
///     SKM_BENCH=1 swift test --filter ImportBenchmark
///
/// Off by default: it prints timings and asserts only counts (no timing assertions in tests).
@Suite(.serialized) struct ImportBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["SKM_BENCH"] != nil

    /// Deterministic pseudo-random rows (an LCG), so every run imports the same bytes.
    static func write(_ kind: ImportKind, rows: Int, to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let services = ["ktp", "kk", "akta-lahir"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = kind == .transactions
            ? "id,agency,service,received_at,finished_at,variant,pauses,channel\n"
            : "id,agency,service,date,gender,age,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran,transaction_id\n"
        for i in 0..<rows {
            let day = LocalDate(year: 2024, month: 1, day: 1)!.adding(days: next(360))
            let svc = services[next(3)]
            if kind == .transactions {
                let h0 = 8 + next(7), m0 = next(60)
                let finished = next(10) == 0 ? "" : "\(day.adding(days: 1 + next(5))) \(two(9 + next(7))):\(two(next(60)))"
                let pause = next(20) == 0 && !finished.isEmpty ? "\(day) \(two(h0)):\(two(m0))/\(day) \(two(h0)):\(two(m0))" : ""
                out += "T\(i),kab-contoh,\(svc),\(day) \(two(h0)):\(two(m0)),\(finished),\(next(2) == 0 ? "rutin" : ""),\(pause),loket\n"
            } else {
                var answers = ""
                for _ in 0..<9 { answers += "\(1 + next(4))," }
                let saran = next(10) == 0 ? "\"Antrian \"\"lama\"\", mohon ditambah\"" : ""
                out += "R\(i),kab-contoh,\(svc),\(day),\(next(2) == 0 ? "L" : "P"),\(18 + next(60)),SMA,Wiraswasta,\(answers)\(saran),T\(i)\n"
            }
            if out.utf8.count > 1 << 20 { h.write(Data(out.utf8)); out = "" }
        }
        h.write(Data(out.utf8))
    }

    func timed(_ kind: ImportKind, rows: Int) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(kind.rawValue).csv")
        try Self.write(kind, rows: rows, to: file)
        let store = try Store(path: dir.appendingPathComponent("in-process.sqlite").path)
        try store.saveCatalog(agencies: TestCatalog.agencies, holidays: [])
        let report = try Importer.run(kind, file: file.path, into: store)
        #expect(report.counts.inserted == rows)
        print("in-process \(kind.rawValue) \(rows) rows: \(String(format: "%.2f", report.seconds)) s, \(Int(Double(rows) / report.seconds)) rows/s")

        let release = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/release/skm")
        guard FileManager.default.isExecutableFile(atPath: release.path) else { print("(no .build/release/skm: skipped the binary)"); return }
        for n in [rows / 10, rows] {
            let f = dir.appendingPathComponent("\(n).csv")
            try Self.write(kind, rows: n, to: f)
            let path = dir.appendingPathComponent("release-\(n).sqlite").path
            try Store(path: path).saveCatalog(agencies: TestCatalog.agencies, holidays: [])
            let p = Process()
            p.executableURL = release
            p.arguments = ["import", kind.rawValue, f.path, "--store", path]
            let pipe = Pipe()
            p.standardOutput = pipe
            let start = Date()
            try p.run()
            // Peak RSS (VmHWM) polled while it runs: getrusage(RUSAGE_CHILDREN) would count the
            // test process's own memory, inherited by the child between fork and exec.
            var peakKB = 0
            while p.isRunning {
                if let status = try? String(contentsOfFile: "/proc/\(p.processIdentifier)/status", encoding: .utf8),
                   let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
                    peakKB = max(peakKB, Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0)
                }
                usleep(10_000)
            }
            p.waitUntilExit()
            let s = Date().timeIntervalSince(start)
            _ = pipe.fileHandleForReading.readDataToEndOfFile()  // a summary, well under a pipe's buffer
            #expect(p.terminationStatus == 0)
            print("release binary \(kind.rawValue) \(n) rows: \(String(format: "%.2f", s)) s wall, \(Int(Double(n) / s)) rows/s, "
                + "peak RSS ≈ \(peakKB / 1024) MB")
        }
    }

    /// `SKM_BENCH_STORE=/tmp/x.sqlite swift test --filter catalogStoreForProfiling` makes a store holding
    /// the test catalog, for profiling the binary by hand (`perf record skm import …`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SKM_BENCH_STORE"] != nil))
    func catalogStoreForProfiling() throws {
        try Store(path: ProcessInfo.processInfo.environment["SKM_BENCH_STORE"]!).saveCatalog(agencies: TestCatalog.agencies, holidays: [])
    }

    @Test(.enabled(if: enabled, "set SKM_BENCH=1")) func millionTransactions() throws { try timed(.transactions, rows: 1_000_000) }
    @Test(.enabled(if: enabled, "set SKM_BENCH=1")) func millionResponses() throws { try timed(.responses, rows: 1_000_000) }
}
