import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Files as offices really send them.
@Suite struct RealWorldShapesTests {
    /// Google Forms, question sentences as headers, labels as answers; two respondents at one
    /// kiosk in the same second with the same answers; an age of 150; an unknown service.
    @Test func aGoogleFormsExportWithIdenticalRespondents() throws {
        let path = try fixture("gforms-identical-respondents.csv")
        let store = try TestCatalog.store()
        let r = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 7)
        #expect(r.rejects.map(\.line) == [9])
        #expect(r.warnings.map(\.line) == [7])
        let t = try store.responseTallies(agency: "kab-contoh", period: .quarter(2024, 3))
        #expect(t["ktp"]?.respondents == 5)
        #expect(t["kk"]?.respondents == 1)
        #expect(try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh")).counts.inserted == 0)
    }

    /// An SKM app's export: numbered rows, a `Responden` column, the unit as `Bidang` by its
    /// name, `Nilai 1`…`Nilai 9`, `Kritik dan Saran`, and no date: dated by `--date`.
    @Test func anSKMAppExportWithoutDates() throws {
        let path = try fixture("skm-app-nilai-no-date.csv")
        let store = try TestCatalog.store()
        #expect(throws: ColumnPlanError.self) { try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh")) }
        let options = ImportOptions(agency: "kab-contoh").dated(LocalDate(year: 2024, month: 8, day: 1)!)
        let r = try Importer.run(.responses, file: path, into: store, options: options)
        #expect(r.counts.inserted == 4)
        #expect(r.rejects.isEmpty)
        #expect(Set(r.mapping.map(\.column)).isSuperset(of: ["Responden", "Bidang", "Nilai 1", "Nilai 9", "Kritik dan Saran"]))
        let t = try store.responseTallies(agency: "kab-contoh", period: .month(2024, 8))
        #expect(t["ktp"]?.respondents == 2)
        #expect(t["kk"]?.respondents == 2)
        #expect(t["kk"]?.counts[1] == [0, 1, 0, 1])
        #expect(try Importer.run(.responses, file: path, into: store, options: options).counts.inserted == 0)
        // The next survey's export numbers its respondents from 1 again: new people, not conflicts.
        let next = try Importer.run(.responses, file: path, into: store,
                                    options: ImportOptions(agency: "kab-contoh").dated(LocalDate(year: 2024, month: 9, day: 2)!))
        #expect(next.counts.inserted == 4)
        #expect(next.rejects.isEmpty)
    }

    /// Another app's shape: `respondent`, `unit` by service code, `jawaban_u1`…, `kritik`.
    @Test func anSKMAppExportWithJawabanAndUnit() throws {
        let path = try fixture("skm-app-jawaban-unit.csv")
        let store = try TestCatalog.store()
        let r = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 3)
        #expect(r.rejects.isEmpty)
        let fields = Dictionary(uniqueKeysWithValues: r.mapping.map { ($0.column, $0.field) })
        #expect(fields["respondent"] == "id" && fields["unit"] == "service" && fields["kritik"] == "saran")
        let t = try store.responseTallies(agency: "kab-contoh", period: .month(2024, 8))
        #expect(t["ktp"]?.respondents == 1 && t["kk"]?.respondents == 1 && t["akta-lahir"]?.respondents == 1)
        #expect(t["kk"]?.counts[0] == [0, 0, 1, 0])
    }

    /// No id, no timestamp, four identical rows: four respondents.
    @Test func anIdlessExportWithIdenticalRows() throws {
        let path = try fixture("skm-idless-identical.csv")
        let store = try TestCatalog.store()
        let r = try Importer.run(.responses, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 6)
        #expect(try store.responseTallies(agency: "kab-contoh", period: .quarter(2024, 3))["ktp"]?.respondents == 5)
    }

    /// Excel (Indonesian locale): semicolons, a BOM, CRLF, day-first dates, a quoted ';'.
    @Test func aRegisterExportedFromExcelWithSemicolons() throws {
        let path = try fixture("register-excel-semicolon.csv")
        let store = try TestCatalog.store()
        let r = try Importer.run(.transactions, file: path, into: store, options: ImportOptions(agency: "kab-contoh"))
        #expect(r.counts.inserted == 4)
        #expect(r.rejects.map(\.line) == [5, 6])
        #expect(r.mapping.map(\.column).contains("No. Registrasi"))
        var ids: [String] = []
        try store.forEachTransaction(agency: "kab-contoh", period: .year(2024)) { ids.append($0.id) }
        #expect(Set(ids) == ["470/001/VII/2024", "470/002/VII/2024", "470/003/VII/2024", "470/006/VII/2024"])
    }
}
