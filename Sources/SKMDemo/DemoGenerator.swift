import Foundation
import SKMDomain

/// Writes realistic, reproducible demo registers for the catalog's agencies: a transaction
/// register and SKM responses, as CSV in the layout `skm import` reads without mapping.
///
/// Realistic means: volumes that differ by service, receipts mostly in office hours but some on
/// weekends, holidays and after closing (online channels); most work finished within the promise,
/// some late, some still open at extraction; pauses waiting on applicants; answer distributions
/// that differ by service and unsur, worse on *waktu* for late cases; a few empty answers; saran
/// with commas, quotes and line breaks; and, unless disabled, a handful of bad rows.
public struct DemoGenerator: Sendable {
    public let agencies: [Agency]
    public let holidays: Set<LocalDate>
    public let plan: DemoPlan

    public init(agencies: [Agency], holidays: [Holiday], plan: DemoPlan = .init()) {
        self.agencies = agencies
        self.holidays = Set(holidays.filter { $0.kind != .closure }.map(\.date))
        self.plan = plan
    }

    public static let transactionHeader = ["id", "agency", "service", "received_at", "finished_at", "variant", "pauses", "channel"]
    public static let responseHeader = ["id", "agency", "service", "date", "gender", "age", "education", "occupation"]
        + (1...9).map { "u\($0)" } + ["saran", "transaction_id"]

    public func write(transactionsTo tURL: URL, responsesTo rURL: URL) throws -> DemoSummary {
        let tw = try CSVLineWriter(url: tURL, header: Self.transactionHeader)
        let rw = try CSVLineWriter(url: rURL, header: Self.responseHeader)
        var summary = DemoSummary()
        var rng = SeededRandom(seed: plan.seed)
        let services = agencies.flatMap { a in a.services.map { (a, $0) } }
        guard !services.isEmpty else { throw DemoError.emptyCatalog }
        // Volume weights: a few busy services, many quiet ones.
        let weights: [Double] = services.map { pair in
            var r = SeededRandom(seed: SeededRandom.derive(plan.seed, pair.0.code + pair.1.code))
            return 0.3 + r.unit() * 3
        }
        let responseShare = Double(plan.responses) / Double(max(1, plan.transactions))
        var sequence: [String: Int] = [:]
        var extraResponses = max(0, plan.responses - plan.transactions)
        var firstRows: (t: [String], r: [String])?

        for _ in 0..<plan.transactions {
            let (agency, service) = services[rng.pick(weights: weights)]
            sequence[agency.code, default: 0] += 1
            let id = "\(prefix(agency.code))-\(String(format: "%07d", sequence[agency.code]!))"
            let t = transaction(id: id, agency: agency, service: service, rng: &rng)
            let pauses: String = t.pauses.map { "\(stamp($0.0))/\(stamp($0.1))" }.joined(separator: ";")
            let finished: String = t.finished.map(stamp) ?? ""
            let row: [String] = [id, agency.code, service.code, stamp(t.received), finished, t.variant ?? "", pauses, t.channel]
            tw.write(row)
            summary.transactions += 1
            // Only finished services are surveyed. When as many responses as transactions or more
            // are asked for, each unfinished one's response is made up by a second respondent
            // elsewhere, so that the file holds the count asked for (the benchmark's 10⁶).
            if responseShare >= 1, t.finished == nil { extraResponses += 1 }
            var respond = t.finished != nil && rng.unit() < min(1, responseShare)
            while respond {
                let r = responseRow(id: "R-\(id)-\(summary.responses)", agency: agency, service: service,
                                    date: t.finished.map { zoneDate($0) } ?? t.received.date, late: t.late, transaction: id, rng: &rng)
                rw.write(r)
                summary.responses += 1
                if firstRows == nil { firstRows = (row, r) }
                respond = extraResponses > 0 && rng.unit() < 0.5
                if respond { extraResponses -= 1 }
            }
        }
        if plan.includeBadRows, let first = firstRows {
            summary.badTransactionRows = writeBadTransactions(tw, copying: first.t)
            summary.badResponseRows = writeBadResponses(rw, copying: first.r)
        }
        try tw.close()
        try rw.close()
        return summary
    }

    // MARK: transactions

    struct Generated {
        var received: LocalDateTime
        var finished: LocalDateTime?
        var variant: String?
        var pauses: [(LocalDateTime, LocalDateTime)]
        var channel: String
        var late: Bool
    }

    private func transaction(id: String, agency: Agency, service: ServiceStandard, rng: inout SeededRandom) -> Generated {
        let span = plan.to.dayNumber - plan.from.dayNumber + 1
        var day = plan.from.adding(days: Int(rng.unit() * Double(span)))
        let online = rng.unit() < 0.2
        if !online { while !isWorkingDay(day, agency) { day = day.adding(days: 1) } }
        if day > plan.to { day = plan.to }
        // Office hours mostly; online requests at any time, some after closing.
        let minute = online ? Int(rng.unit() * 1440) : 450 + Int(rng.unit() * 480)
        let received = LocalDateTime(date: day, minuteOfDay: min(minute, 1439))
        let variant = service.promise.variants.count > 1 && rng.unit() < 0.3
            ? service.promise.variants.first { $0.name != service.promise.defaultVariant }?.name : nil
        let promised = service.promise.duration(forVariant: variant)
        let roll = rng.unit()
        let late = roll < 0.12
        let neverFinished = roll > 0.985
        var pauses: [(LocalDateTime, LocalDateTime)] = []
        var finish: LocalDateTime?
        switch promised?.unit {
        case .minutes?, .hours?:
            let target = Double(promised!.amount) * (promised!.unit == .hours ? 60 : 1)
            let used = late ? target * (1.1 + rng.unit()) : target * (0.3 + 0.7 * rng.unit())
            finish = add(minutes: Int(used), to: received)
        case .workingDays?, .calendarDays?, .months?, nil:
            let amount = promised.map { $0.unit == .months ? $0.amount * 21 : $0.amount } ?? 5
            let days = late ? amount + 1 + Int(rng.unit() * 5) : Int(rng.unit() * Double(amount))
            var d = received.date
            var left = days
            while left > 0 {
                d = d.adding(days: 1)
                if promised?.unit != .workingDays || isWorkingDay(d, agency) { left -= 1 }
            }
            if !isWorkingDay(d, agency) { d = nextWorkingDay(after: d, agency) }
            let closing = agency.officeHours.closing(weekday: d.weekday) ?? 960
            let start = d == received.date ? max(received.minuteOfDay, 450) : 450
            let m = start >= closing ? closing : start + Int(rng.unit() * Double(closing - start))
            finish = LocalDateTime(date: d, minuteOfDay: m)
            if promised?.unit == .workingDays, rng.unit() < 0.06, days > 1 {
                // Waiting on the applicant over a weekend: Friday afternoon to Monday morning.
                let p0 = received.date.adding(days: 1)
                let p1 = p0.adding(days: 3)
                if p1 < d { pauses = [(LocalDateTime(date: p0, minuteOfDay: 840), LocalDateTime(date: p1, minuteOfDay: 480))] }
                finish = LocalDateTime(date: nextWorkingDay(after: d.adding(days: 2), agency), minuteOfDay: 600)
            }
        }
        if neverFinished { finish = nil }
        if let f = finish, f.date > plan.asOf { finish = nil }
        if let f = finish, f < received { finish = received }
        let channel = online ? (rng.unit() < 0.5 ? "online" : "whatsapp") : (rng.unit() < 0.9 ? "loket" : "telepon")
        return Generated(received: received, finished: finish, variant: variant, pauses: pauses, channel: channel, late: late)
    }

    func isWorkingDay(_ d: LocalDate, _ a: Agency) -> Bool { a.officeHours.isOfficeDay(weekday: d.weekday) && !holidays.contains(d) }

    func nextWorkingDay(after d: LocalDate, _ a: Agency) -> LocalDate {
        var x = d.adding(days: 1)
        while !isWorkingDay(x, a) { x = x.adding(days: 1) }
        return x
    }

    private func add(minutes: Int, to t: LocalDateTime) -> LocalDateTime {
        let total = t.minuteOfDay + minutes
        return LocalDateTime(date: t.date.adding(days: total / 1440), minuteOfDay: total % 1440)
    }

    private func zoneDate(_ t: LocalDateTime) -> LocalDate { t.date }

    private func stamp(_ t: LocalDateTime) -> String {
        String(format: "%@ %02d:%02d", t.date.description, t.minuteOfDay / 60, t.minuteOfDay % 60)
    }

    private func prefix(_ code: String) -> String {
        code.split(separator: "-").map { String($0.prefix(1)).uppercased() }.joined() + (code.count > 3 ? "" : "X")
    }

    // MARK: responses

    private func responseRow(id: String, agency: Agency, service: ServiceStandard, date: LocalDate, late: Bool,
                             transaction: String, rng: inout SeededRandom) -> [String] {
        var srng = SeededRandom(seed: SeededRandom.derive(plan.seed, "q" + agency.code + service.code))
        let base = 2.75 + srng.unit() * 0.85          // service quality, 2.75 … 3.6
        let free = service.components.first { $0.key == "biaya" }?.text.lowercased().contains("gratis") ?? true
        var answers: [String] = []
        for u in 0..<9 {
            var mean = base + (srng.unit() - 0.5) * 0.5
            if u == 3 && free { mean = 3.85 }         // biaya: free services score high
            if u == 2 && late { mean -= 1.0 }         // waktu: late cases remember it
            if u == 7 { mean -= 0.25 }                // pengaduan: often the weakest
            if rng.unit() < 0.012 { answers.append(""); continue }
            answers.append(String(min(4, max(1, Int(rng.normal(mean: mean, sd: 0.55).rounded())))))
        }
        let gender = rng.unit() < 0.58 ? "P" : "L"
        let age = min(75, max(17, Int(rng.normal(mean: 36, sd: 11))))
        let education = ["SD", "SMP", "SMA", "D3", "S1", "S2"][rng.pick(weights: [8, 14, 38, 10, 26, 4])]
        let occupation = ["PNS", "TNI/Polri", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu Rumah Tangga", "Lainnya"][
            rng.pick(weights: [12, 3, 18, 22, 8, 27, 10])]
        let saran = rng.unit() < 0.18 ? Self.suggestions[rng.pick(weights: Self.suggestions.map { _ in 1 })] : ""
        return [id, agency.code, service.code, date.description, gender, String(age), education, occupation]
            + answers + [saran, transaction]
    }

    static let suggestions = [
        "Pelayanan sudah baik, pertahankan.",
        "Mohon waktu penyelesaian dipercepat.",
        "Petugas ramah, tetapi antrean terlalu lama.",
        "Ruang tunggu perlu kipas angin atau AC.",
        "Informasi persyaratan sebaiknya diumumkan di media sosial.",
        "Kotak pengaduan tidak pernah dibuka, mohon ditindaklanjuti.",
        "Terima kasih, \"cepat dan tidak dipungut biaya\".",
        "Parkir sempit, mohon diperluas.\nToilet juga perlu dibersihkan.",
        "=Mohon ditambah petugas di loket, jangan hanya satu orang",
        "Nomor WhatsApp layanan sering tidak dibalas",
    ]

    // MARK: bad rows

    private func writeBadTransactions(_ w: CSVLineWriter, copying good: [String]) -> Int {
        let rows: [[String]] = [
            [good[0], good[1], good[2], good[3], "2099-01-01 08:00", "", "", "loket"],   // same id, different content
            ["BAD-0001", good[1], "layanan-fiktif", "2024-03-04 09:00", "2024-03-04 10:00", "", "", "loket"],
            ["BAD-0002", good[1], good[2], "2024-03-05 10:00", "2024-03-04 10:00", "", "", "loket"],  // finished before received
            ["BAD-0003", good[1], good[2], "31/02/2024 10:00", "", "", "", "loket"],                  // no such date
        ]
        rows.forEach(w.write)
        return rows.count
    }

    private func writeBadResponses(_ w: CSVLineWriter, copying good: [String]) -> Int {
        var outOfRange = good; outOfRange[0] = "R-BAD-1"; outOfRange[8] = "5"
        var unknown = good; unknown[0] = "R-BAD-2"; unknown[2] = "layanan-fiktif"
        var noDate = good; noDate[0] = "R-BAD-3"; noDate[3] = ""
        var changed = good; changed[9] = good[9] == "1" ? "2" : "1"
        let rows = [outOfRange, unknown, noDate, changed]
        rows.forEach(w.write)
        return rows.count
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case emptyCatalog
    public var description: String { "the catalog has no services: load seeds/ first" }
}
