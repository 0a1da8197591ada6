import Foundation
import SKMDomain

/// Copies what one store holds into another — SQLite to PostgreSQL when an office's data moves
/// to the data centre (docs/scaling.md), or back — through the same surface every caller uses,
/// so either engine can be either end.
///
/// What is copied: the catalog (agencies, standards, holidays, closures), every transaction and
/// response (one import batch per agency and kind, each one transaction, read month by month so
/// memory stays bounded), open kiosks with their layout, the publication switch and stated
/// populations. Copying again adds nothing: rows keep their ids, and a row that differs from one
/// already in the target is kept as it is there and rejected with its id, never overwritten.
///
/// What is not: API tokens (only their hashes are stored, so their secrets cannot be handed on:
/// create them again), and import history with its rejects (they describe files; importing a
/// file again lists them).
public struct StoreCopy {
    public let source: any SurveyStore
    public let target: any SurveyStore

    public init(from source: any SurveyStore, to target: any SurveyStore) {
        self.source = source
        self.target = target
    }

    /// What a copy did, for the command's summary and the tests.
    public struct Summary: Sendable, Equatable {
        public var agencies = 0
        public var transactions = ImportCounts()
        public var responses = ImportCounts()
        public var kiosks = 0
        public var published = 0
        public var populations = 0
    }

    public func run() throws -> Summary {
        var summary = Summary()
        let agencies = try source.agencies()
        let national = try source.holidays(for: nil)
        let nationalSet = Set(national)
        var closures: [String: [Holiday]] = [:]
        for a in agencies {
            let own = try source.holidays(for: a.code).filter { !nationalSet.contains($0) }
            if !own.isEmpty { closures[a.code] = own }
        }
        try target.saveCatalog(agencies: agencies, holidays: national, closures: closures)
        summary.agencies = agencies.count

        for a in agencies {
            // One name per agency: a file's next import replaces its rejects (ImportWriter).
            let label = "skm store copy from \(source.path): \(a.code)"
            guard let (first, last) = try source.dataSpan(agency: a.code) else { continue }
            let months = Period.months(covering: first, last)
            let (_, t, _) = try target.importBatch(kind: .transactions, file: label) { w in
                for m in months {
                    try source.forEachTransaction(agency: a.code, period: m, inReceiptOrder: false) { tx in
                        if try w.insert(tx, receivedDate: a.timeZone.local(tx.receivedAt).date) == .conflict {
                            try w.reject(Self.conflict(label, id: tx.id, agency: a.code))
                        }
                    }
                }
            }
            let (_, r, _) = try target.importBatch(kind: .responses, file: label) { w in
                for m in months {
                    try source.forEachResponse(agency: a.code, period: m) { response in
                        if try w.insert(response) == .conflict {
                            try w.reject(Self.conflict(label, id: response.id, agency: a.code))
                        }
                    }
                }
            }
            summary.transactions.add(t)
            summary.responses.add(r)
        }

        let open = try source.kioskAgencies()
        for code in open.sorted() {
            try target.setKiosk(agency: code, open: true, now: Int64(Date().timeIntervalSince1970))
            if let layout = try source.kioskLayout(agency: code) { _ = try target.setKioskLayout(agency: code, layout: layout) }
        }
        summary.kiosks = open.count
        let published = try source.publishedAgencies()
        for code in published.sorted() {
            try target.setPublication(agency: code, on: true, now: Int64(Date().timeIntervalSince1970))
        }
        summary.published = published.count
        for a in agencies {
            for p in try source.statedPopulations(agency: a.code) {
                guard let period = Period(parsing: p.period) else { continue }
                try target.setPopulation(agency: a.code, service: p.service, period: period, count: p.count)
                summary.populations += 1
            }
        }
        return summary
    }

    /// A row whose id the target already holds with other content: kept there, listed here.
    static func conflict(_ file: String, id: String, agency: String) -> RejectRecord {
        RejectRecord(file: file, line: 0, column: "id", value: id,
                     reason: "id ganda dengan isi berbeda dari yang sudah tersimpan di penyimpanan tujuan (dibiarkan seperti di sana)",
                     agency: agency)
    }
}

extension ImportCounts {
    mutating func add(_ o: ImportCounts) {
        read += o.read; inserted += o.inserted; unchanged += o.unchanged; updated += o.updated; rejected += o.rejected
    }
}
