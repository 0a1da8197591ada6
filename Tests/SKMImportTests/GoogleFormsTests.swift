import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// A Google Forms export of the standard SKM questionnaire, as downloaded (Indonesian
/// locale): a timestamp, an email and a name column, the nine questions as full sentences
/// in the sample form's order (Sarana 8th, Pengaduan 9th), answers as labels.
@Suite struct GoogleFormsTests {
    @Test func theExportLoadsAsItIs() throws {
        let path = try fixture("google-forms-skm.csv")
        let store = try TestCatalog.store()
        let report = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))

        #expect(report.dropped == ["Alamat email", "Nama (opsional)"])
        #expect(report.counts.read == 6)
        #expect(report.counts.inserted == 4)
        let q2 = "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"
        #expect(report.rejects == [
            // The stored name is cut to 64 characters; the position says which column it was.
            RejectRecord(file: path, line: 6, column: String(q2.prefix(63)) + "…", value: "Lumayan mudah",
                         reason: "jawaban 'Lumayan mudah' bukan angka 1–4 atau label U2 (Tidak mudah / Kurang mudah / Mudah / Sangat mudah)",
                         agency: "kab-contoh", position: 10),
            RejectRecord(file: path, line: 7, column: "Jenis Layanan", value: "Surat Pindah",
                         reason: "layanan tidak dikenal di instansi kab-contoh", agency: "kab-contoh", position: 4),
        ])

        let q1 = Period.quarter(2024, 1)
        let t = try store.responseTallies(agency: "kab-contoh", period: q1)
        #expect(t.keys.sorted() == ["akta-lahir", "kk", "ktp"])
        let ktp = try #require(t["ktp"])
        #expect(ktp.respondents == 2)
        #expect(ktp.counts[0] == [0, 0, 1, 1])  // Sesuai, Sangat sesuai
        #expect(ktp.counts[3] == [0, 0, 0, 2])  // Gratis twice
        #expect(ktp.counts[7] == [0, 1, 1, 0])  // U8 Pengaduan, asked 9th: Berfungsi kurang maksimal, Ada tetapi tidak berfungsi
        #expect(ktp.counts[8] == [0, 0, 1, 1])  // U9 Sarana, asked 8th: Baik, Sangat baik
        #expect(t["kk"]?.counts[8] == [0, 1, 0, 0])  // Cukup

        let profile = try store.profileCounts(agency: "kab-contoh", period: q1, service: "ktp")
        #expect(profile.gender.map(\.0) == ["L"])
        #expect(profile.age.map(\.0) == ["30–39", "≥ 60"])
        #expect(try store.suggestions(agency: "kab-contoh", period: q1).map(\.text)
                == ["Pelayanan cepat,\nterima kasih", "Antrian terlalu lama"])
        #expect(try store.dataSpan(agency: "kab-contoh").map { "\($0.0)…\($0.1)" } == "2024-03-04…2024-03-06")

        let again = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(again.counts.inserted == 0)
        #expect(again.counts.unchanged == 4)
        #expect(try store.count("response") == 4)
    }

    @Test func anEnUSExportNeedsOnlyTheDateOrder() throws {
        let path = try fixture("google-forms-en-us.csv")
        let store = try TestCatalog.store()
        // Day first (the default), 3/13/2024 cannot be a date: the file is refused whole, because
        // its other dates (3/4/2024) would load with day and month swapped.
        #expect {
            _ = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        } throws: { e in
            guard case let ImportError.monthFirstDates(_, _, value) = e else { return false }
            return value.hasPrefix("3/13/2024") && "\(e)".contains("--date-order mdy")
        }
        #expect(try store.count("response") == 0)
        let r = try Importer.run(.responses, file: path, into: store,
                                 options: ImportOptions(agency: "kab-contoh", strict: true, dateOrder: .monthFirst))
        #expect(r.counts.inserted == 2)
        #expect(r.dropped == ["Email Address"])
        #expect(try store.dataSpan(agency: "kab-contoh").map { "\($0.0)…\($0.1)" } == "2024-03-04…2024-03-13")
    }
}
