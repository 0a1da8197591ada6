import ArgumentParser
import Foundation
import SKMCatalog
import SKMDemo
import SKMDomain
import SKMImport
import SKMPostgres
import SKMReports
import SKMStorage

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the pipeline: import → score → compliance → report, with rows/s and peak memory.",
        discussion: """
            Generates the input once (reproducible), then times each stage on a fresh store and \
            prints rows/s, wall time and the stage's peak resident memory (VmHWM, reset between \
            stages). Build with -c release: debug builds are 3–15× slower.

            Example:
              swift build -c release && .build/release/skm bench --transactions 1000000 --responses 1000000
            """)

    @Option(name: .long, help: "Transactions in the generated register.")
    var transactions: Int = 1_000_000

    @Option(name: .long, help: "SKM responses in the generated file.")
    var responses: Int = 1_000_000

    @Option(name: .long, help: ArgumentHelp("Where the generated CSVs are kept between runs.", valueName: "dir"))
    var data: String = "exports/bench-data"

    @OptionGroup var seeds: SeedsOption

    @Option(name: .long, help: ArgumentHelp(
        "Bench on PostgreSQL: postgres://user@host:port/db. A fresh database skm_bench is made beside it and dropped after; "
            + "default: a fresh SQLite file under --data.", valueName: "url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "Also run each import and its SQLite-alone floor N times, alternately on fresh stores, and compare the medians: "
            + "how close an import comes to its store alone, on a machine whose runs vary. SQLite only.", valueName: "N"))
    var pairs: Int = 0

    func validate() throws {
        guard pairs >= 0 else { throw ValidationError("--pairs must be 0 or more") }
        guard pairs == 0 || postgres == nil else { throw ValidationError("--pairs measures SQLite: leave out --store postgres://…") }
    }

    /// `--store` when it names PostgreSQL.
    var postgres: PostgresAddress? { store.flatMap { PostgresAddress.isPostgres($0) ? try? PostgresAddress($0) : nil } }

    func run() throws {
        let dir = URL(fileURLWithPath: data).appendingPathComponent("\(transactions)x\(responses)")
        let tFile = dir.appendingPathComponent("transactions.csv"), rFile = dir.appendingPathComponent("responses.csv")
        let catalog = try seeds.load()
        var plan = DemoPlan()
        plan.transactions = transactions
        plan.responses = responses
        plan.from = LocalDate(year: 2024, month: 1, day: 1)!  // one calendar year, as the README's figures
        plan.to = LocalDate(year: 2024, month: 12, day: 31)!
        plan.asOf = plan.to
        plan.includeBadRows = false
        var rows: [[String]] = [["stage", "rows", "wall s", "rows/s", "peak MB"]]
        func stage(_ name: String, rows n: Int, _ body: () throws -> Void) rethrows {
            try countedStage(name) { try body(); return n }
        }
        /// Times `body`, which returns the rows it handled; returns rows/s.
        @discardableResult func countedStage(_ name: String, _ body: () throws -> Int) rethrows -> Double {
            Memory.resetPeak()
            let t0 = Date()
            let n = try body()
            let s = Date().timeIntervalSince(t0)
            rows.append([name, "\(n)", String(format: "%.3f", s), n > 0 ? String(format: "%.0f", Double(n) / s) : "–",
                         String(format: "%.0f", Memory.peakMB())])
            note("\(name): \(String(format: "%.2f", s)) s")
            return Double(n) / s
        }
        /// Runs skm itself with `arguments` on the bench store; returns its wall time. Rows/s
        /// only when `read` (kept figures read none); peak memory is the child's, not shown.
        func command(_ name: String, rows n: Int, read: Bool, _ arguments: [String], store: String) throws -> Double {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            p.arguments = arguments + ["--store", store]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            let t0 = Date()
            try p.run()
            p.waitUntilExit()
            let s = Date().timeIntervalSince(t0)
            guard p.terminationStatus == 0 else { throw CLIError("skm \(arguments.joined(separator: " ")) exited with \(p.terminationStatus)") }
            rows.append([name, "\(n)", String(format: "%.3f", s), read ? String(format: "%.0f", Double(n) / s) : "–", "–"])
            note("\(name): \(String(format: "%.2f", s)) s")
            return s
        }
        if !FileManager.default.fileExists(atPath: rFile.path) {
            try stage("generate CSV", rows: transactions) {
                _ = try DemoGenerator(agencies: catalog.agencies, holidays: catalog.nationalHolidays, plan: plan)
                    .write(transactionsTo: tFile, responsesTo: rFile)
            }
        }
        let (store, storePath, storeAddress, dropBench) = try openBenchStore(dir)
        defer { dropBench() }
        try store.saveCatalog(agencies: catalog.agencies, holidays: catalog.nationalHolidays, closures: catalog.agencyClosures)
        // Write out what earlier runs and the generator left dirty in the page cache (and the
        // deleted store), so that the kernel's writeback does not compete with the timed stages.
        sync()
        let started = Date()
        var imported = (t: 0, r: 0)
        let transactionRate = try countedStage("import transactions (read ∥ store)") {
            let counts = try Importer.run(.transactions, file: tFile.path, into: store).counts
            imported.t = counts.inserted
            return counts.read
        }
        let responseRate = try countedStage("import responses (read ∥ store)") {
            let counts = try Importer.run(.responses, file: rFile.path, into: store).counts
            imported.r = counts.inserted
            return counts.read
        }
        let periods = Period.standardPeriods(covering: plan.from, plan.to)
        var groups = 0
        let scoreStarted = Date()
        let agencies = catalog.agencies
        let span = (from: plan.from, to: plan.to)
        try stage("score (\(periods.count) periods × all services)", rows: imported.r) {
            // one scan per agency into service-months; every period is a merge of months;
            // agencies in parallel on the machine's cores (SQLite WAL readers do not block each other)
            groups = try parallelMap(agencies) { agency in
                var n = 0
                let months = try store.monthlyResponseTallies(agency: agency.code, from: span.from, through: span.to)
                    .sorted { $0.key < $1.key }
                for p in periods {
                    var perService: [String: ResponseTally] = [:]
                    for (key, t) in months where key.isIn(p) { perService[key.service, default: ResponseTally(unsurCount: 9)].merge(t) }
                    for t in perService.values { _ = IKMScore.compute(t); n += 1 }
                }
                return n
            }.reduce(0, +)
        }
        let asOf = AsOf.endOfDay(plan.asOf).instant(in: .wib)
        try stage("compliance (one pass, quarters merged up)", rows: imported.t) {
            struct ServiceQuarter: Hashable { var service: String; var year: Int; var quarter: Int }
            _ = try parallelMap(agencies) { agency in
                let quarters = try StoreCompliance.summarise(store: store, agency: agency, period: Period(kind: .range, start: span.from, end: span.to),
                                                             asOf: asOf) { ServiceQuarter(service: $0, year: $1.year, quarter: ($1.month - 1) / 3 + 1) }
                // every period is a merge of quarters: each transaction was judged once
                for p in periods {
                    var merged: [String: ComplianceSummary] = [:]
                    for (k, s) in quarters where Period.quarter(k.year, k.quarter).start >= p.start && Period.quarter(k.year, k.quarter).end <= p.end {
                        merged[k.service, default: ComplianceSummary()].merge(s)
                    }
                    for s in merged.values { _ = s.figures }
                }
                return 0
            }
        }
        let scoreAndCompliance = Date().timeIntervalSince(scoreStarted)
        try stage("report xlsx+json (year, all agencies)", rows: catalog.agencies.count) {
            _ = try ReportPipeline(store: store, asOf: .endOfDay(plan.asOf))
                .write(agencies: catalog.agencies, periods: [.year(2024)], formats: [.xlsx, .json], language: .id,
                       to: dir.appendingPathComponent("reports"))
        }
        let total = Date().timeIntervalSince(started)
        let pipelinePeak = Memory.lifetimePeakMB()  // before the diagnostics below
        rows.append(["pipeline (import → report)", "\(imported.t + imported.r)", String(format: "%.3f", total),
                     String(format: "%.0f", Double(imported.t + imported.r) / total), String(format: "%.0f", pipelinePeak)])
        // The commands an evaluation officer or a scheduled job runs for the year, as new
        // processes (startup and catalog included): the first run computes and keeps its
        // figures in the store, the next is served them (KeptFigures.swift).
        var commands = (first: 0.0, kept: 0.0)
        for (name, n) in [("score", imported.r), ("compliance", imported.t)] {
            commands.first += try command("skm \(name) --period 2024 (first run)", rows: n, read: true, [name, "--period", "2024"], store: storeAddress)
            commands.kept += try command("skm \(name) --period 2024 (again, kept)", rows: n, read: false, [name, "--period", "2024"], store: storeAddress)
        }
        // Diagnostics, outside the pipeline's time: the rules alone, and SQLite alone.
        try stage("judge in memory (domain only, no SQLite)", rows: transactions) {
            try judgeInMemory(count: transactions, catalog: catalog, asOf: asOf)
        }
        // The floor under the import stages: the store alone, storing the file's own rows as the
        // reading thread hands them over. The file is read and every batch encoded before the
        // clock starts (that reading, timed on its own, is the other half), then only the inserts
        // and the commit are timed. (Encoding each batch untimed between inserts hid PostgreSQL's
        // time: its backend goes on copying the rows already sent while the clock is stopped.
        // Made-up rows — one date, ids in order — hid SQLite's: its indexes take them cheaply.)
        let rawStore: any SurveyStore
        if let given = postgres {
            let a = try PostgresAdmin.createDatabase("skm_bench_raw", beside: given)
            rawStore = try PostgresStore(address: a.url)
        } else {
            rawStore = try Store(path: dir.appendingPathComponent("raw-insert.sqlite").path)
        }
        defer {
            if let given = postgres {
                try? PostgresAdmin.dropDatabase("skm_bench_raw", beside: given)
            } else {
                removeSQLiteFiles(rawStore.path)
            }
        }
        var pairLines: [String] = []
        for kind in [ImportWriter.Kind.transactions, .responses] {
            let file = (kind == .transactions ? tFile : rFile).path
            _ = try countedStage("read + check alone: \(kind.rawValue), no store") {
                var read = 0
                try Importer.readAlone(kind, file: file, catalog: catalog.agencies) { read += $0.count }
                return read
            }
            Memory.resetPeak()
            var batches: [EncodedRows] = []
            try Importer.readAlone(kind, file: file, catalog: catalog.agencies) { batches.append($0) }
            let n = batches.reduce(0) { $0 + $1.count }
            let started = Date()
            try storeAlone(batches, kind: kind, into: rawStore)
            let storing = Date().timeIntervalSince(started)  // inserts and commit
            rows.append(["\(rawStore.sqlDialect == "postgres" ? "PostgreSQL" : "SQLite") alone: \(kind.rawValue), pre-encoded", "\(n)", String(format: "%.3f", storing),
                         String(format: "%.0f", Double(n) / storing), String(format: "%.0f", Memory.peakMB())])
            // PostgreSQL's floor: the server copying the same rows from a file, no client running.
            if let pg = rawStore as? PostgresStore {
                if let s = try pg.serverSideCopySeconds(kind: kind, batches: batches) {
                    rows.append(["PostgreSQL server-side COPY: \(kind.rawValue), no client", "\(n)", String(format: "%.3f", s),
                                 String(format: "%.0f", Double(n) / s), "–"])
                } else {
                    note("PostgreSQL server-side COPY skipped: the server cannot read this machine's files as this user")
                }
            }
            if pairs > 0 { pairLines.append(try importPairs(pairs, kind: kind, file: file, batches: batches, catalog: catalog, dir: dir)) }
        }
        print(TextTable.render(rows))
        print(String(format: "score + compliance together: %.3f s over %d score groups", scoreAndCompliance, groups))
        // Issue 9's targets, stated for 10⁶ transactions + 10⁶ responses on 2 cores.
        func verdict(_ ok: Bool) -> String { ok ? "met" : "NOT met" }
        print("targets (for 10⁶ + 10⁶ on 2 cores):")
        print(String(format: "  import transactions ≥ 500,000 rows/s: %.0f, %@", transactionRate, verdict(transactionRate >= 500_000)))
        print(String(format: "  import responses ≥ 500,000 rows/s: %.0f, %@", responseRate, verdict(responseRate >= 500_000)))
        print(String(format: "  score + compliance < 1 s: %.2f s, %@", scoreAndCompliance, verdict(scoreAndCompliance < 1)))
        print(String(format: "  pipeline < 8 s: %.2f s, %@", total, verdict(total < 8)))
        print(String(format: "  pipeline peak memory < 300 MB: %.0f MB, %@", pipelinePeak, verdict(pipelinePeak < 300)))
        print(String(format: "  skm score + skm compliance --period 2024, kept ≤ 0.3 s: %.2f s, %@ (first runs %.2f s)",
                     commands.kept, verdict(commands.kept <= 0.3), commands.first))
        if pairs > 0 {
            print("import ÷ SQLite alone, medians of \(pairs) alternating runs on fresh stores (target ≤ 1.15):")
            for line in pairLines { print(line) }
        }
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount), store: \(storePath)")
    }
}

extension BenchCommand {
    /// A fresh store for the timed stages: a new SQLite file under `dir`, or — with a
    /// postgres:// `--store` — a new database `skm_bench` beside the one named, dropped after.
    /// Returns the store, how to name it, its address for a command, and how to drop it.
    func openBenchStore(_ dir: URL) throws -> (any SurveyStore, String, String, () -> Void) {
        if let store, PostgresAddress.isPostgres(store) {
            let given = try PostgresAddress(store)
            let a = try PostgresAdmin.createDatabase("skm_bench", beside: given)
            return (try PostgresStore(address: a.url), a.description, a.url, { try? PostgresAdmin.dropDatabase("skm_bench", beside: given) })
        }
        let path = store ?? dir.appendingPathComponent("bench.sqlite").path
        removeSQLiteFiles(path)
        return (try Store(path: path), path, path, {})
    }
}

/// Judges `count` synthetic transactions streamed through the domain's judge, with no store:
/// the cost of the turnaround rules themselves (precomputed calendar, no per-day loops).
private func judgeInMemory(count: Int, catalog: Catalog, asOf: Int64) throws {
    let judge = try TurnaroundJudge(agencies: catalog.agencies) { a in
        try WorkingCalendar(agency: a, holidays: catalog.holidays(forAgency: a.code))
    }
    let services = catalog.agencies.flatMap { a in a.services.map { (a.code, $0.code) } }
    let start = IndonesianTimeZone.wib.instant(LocalDate(year: 2024, month: 1, day: 1)!, minuteOfDay: 0)
    var summary = ComplianceSummary()
    var rng = SeededRandom(seed: 7)
    for i in 0..<count {
        let (agency, service) = services[i % services.count]
        let received = start + Int64(rng.next() % (360 * 86400))
        let finished: Int64? = i % 20 == 0 ? nil : received + Int64(rng.next() % (10 * 86400))
        summary.add(try judge.judge(Transaction(id: "", agency: agency, service: service, receivedAt: received, finishedAt: finished), asOf: asOf))
    }
    _ = summary.figures
}

/// Peak resident memory from /proc (Linux). Writing "5" to clear_refs resets the peak, so each
/// stage reports its own.
enum Memory {
    nonisolated(unsafe) static var lifetimePeak: Double = 0

    static func resetPeak() {
        lifetimePeak = max(lifetimePeak, peakMB())
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    static func lifetimePeakMB() -> Double { max(lifetimePeak, peakMB()) }
}
