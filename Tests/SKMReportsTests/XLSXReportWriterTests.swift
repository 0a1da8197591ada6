import Foundation
import Testing
@testable import SKMReports
import SKMDomain
import SKMStorage
import ZIPFoundation

/// Writes the fixture report as JSON and XLSX, reads the workbook back, and checks its figures
/// cell by cell against the JSON document (and against hand-computed values).
@Suite struct XLSXReportWriterTests {
    struct Written {
        let xlsx: XLSXReader
        let json: [String: Any]
        let report: EvaluationReport
    }

    func write(_ report: EvaluationReport, language: ReportLanguage = .id, maxRows: Int = Workbook.maxRows) throws -> Written {
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let x = dir.appendingPathComponent(ReportFileName.make(agency: report.agency.code, period: report.period.id, ext: "xlsx"))
        let j = dir.appendingPathComponent(ReportFileName.make(agency: report.agency.code, period: report.period.id, ext: "json"))
        try XLSXReportWriter(language: language, maxRowsPerSheet: maxRows).write(report, to: x)
        try JSONReportWriter.write(report, to: j)
        // Only the two reports: no temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [j.lastPathComponent, x.lastPathComponent].sorted())
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: j)) as! [String: Any]
        return Written(xlsx: try XLSXReader(url: x), json: json, report: report)
    }

    /// libxlsxwriter writes numbers with 16 significant digits (Excel keeps 15), so a cell can
    /// differ from the JSON's full precision in the last binary digit or two — never more.
    func same(_ cell: XLSXReader.Value?, _ json: Any?) -> Bool {
        guard let a = cell?.number, let b = (json as? Double) ?? (json as? Int).map(Double.init) else { return false }
        return abs(a - b) <= 1e-14 * max(1, abs(b))
    }

    @Test func sheetNamesInBothLanguages() throws {
        let report = try ReportFixture.report()
        #expect(try write(report).xlsx.sheetNames == ["Ringkasan", "Unsur", "Ketepatan Waktu", "Responden", "Saran", "Ditolak"])
        let en = try write(report, language: .en).xlsx
        #expect(en.sheetNames == ["Summary", "Elements", "Timeliness", "Respondents", "Suggestions", "Rejected"])
        let all = try #require(en["Summary"]?.rowWhere(is: "All services"))
        #expect(en["Summary"]?["G\(all)"] == .text("Good"))
        #expect(en["Elements"]?.rowWhere("B", is: "Completion time") != nil)
        #expect(ReportLanguage(code: "EN") == .en)
        #expect(ReportLanguage(code: "indonesia") == .id)
        #expect(ReportLanguage(code: "fr") == nil)
    }

    /// The head of office reads the header lines: no JSON ids ("exact"), no blank decree
    /// number, no Indonesian layout title in the English workbook, and the period the change
    /// is measured against.
    @Test func summaryHeaderReadsInTheWorkbooksLanguage() throws {
        var report = try ReportFixture.report()
        let id = try #require(try write(report).xlsx["Ringkasan"])
        #expect(id["A4"] == .text("Metode: PermenPANRB No. 14 Tahun 2017 · Bobot per unsur: 1/9 · Urutan kuesioner: Urutan unsur PermenPANRB 14/2017 (U8 Pengaduan, U9 Sarana)"))
        #expect(id["A5"] == .text("Keputusan standar pelayanan: 800/12/DPPKBP3A/2023 (2023-01-02)"))
        #expect(id.rowWhere(is: "Perubahan dan tren dibandingkan dengan periode 2023-Q4.") != nil)
        report.agency.decreeNumber = ""
        let en = try #require(try write(report, language: .en).xlsx["Summary"])
        #expect(en["A4"] == .text("Method: PermenPANRB No. 14 Tahun 2017 · Weight per element: 1/9 · Questionnaire order: PermenPANRB 14/2017 element order (U8 Complaints, U9 Facilities)"))
        #expect(en["A5"] == .text("Service standard decree: (no number) (2023-01-02)"))
        #expect(en.rowWhere(is: "Change and trend are against the period 2023-Q4.") != nil)
        #expect(try write(report).xlsx["Ringkasan"]?["A5"] == .text("Keputusan standar pelayanan: (tanpa nomor) (2023-01-02)"))
    }

    @Test func summaryMatchesJSONAndHandComputedFigures() throws {
        let w = try write(try ReportFixture.report())
        let sheet = try #require(w.xlsx["Ringkasan"])
        let services = w.json["services"] as! [[String: Any]]
        for s in services {
            let f = s["figures"] as! [String: Any]
            let r = try #require(sheet.rowWhere(is: s["name"] as! String))
            #expect(sheet["B\(r)"] == .number(Double(f["respondents"] as! Int)))
            #expect(same(sheet["E\(r)"], f["ikm_converted"]))
            #expect(sheet["F\(r)"] == .text(f["mutu"] as! String))
            #expect(sheet["G\(r)"] == .text(f["kinerja"] as! String))
            let sample = f["sample"] as! [String: Any]
            #expect(sheet["C\(r)"] == .number(Double(sample["required"] as! Int)))
        }
        let kb = try #require(sheet.rowWhere(is: "Pelayanan Kontrasepsi"))
        #expect(abs(sheet["E\(kb)"]!.number! - 74.074_074_074) < 1e-6)
        #expect(sheet["F\(kb)"] == .text("C"))
        #expect(w.xlsx.fill("Ringkasan", "F\(kb)") == "FFFFEB9C")
        #expect(w.xlsx.numberFormat("Ringkasan", "E\(kb)") == "0.00")
        #expect(sheet["I\(kb)"] == .number(2.0 / 3.0))
        #expect(w.xlsx.numberFormat("Ringkasan", "I\(kb)") == "0.0%")
        #expect(sheet["J\(kb)"] == .number(112.5))
        #expect(sheet["K\(kb)"] == .text("U3 Waktu"))  // code and short name on paper; the Unsur sheet has the full one
        // 2023-Q4 kb scored 75.00: the change is −0.93, within noise for three respondents.
        let change = try #require(w.report.services[0].figures.change)
        #expect(same(sheet["L\(kb)"], change.delta))
        #expect(!change.significant)
        #expect(sheet["M\(kb)"] == .text("▼"))  // "*" only when significant (legend in the notes)
        // No turnaround for the complaints service: dashes, not zeros.
        let p = try #require(sheet.rowWhere(is: "Pengaduan Kekerasan terhadap Perempuan dan Anak"))
        #expect(sheet["F\(p)"] == .text("A"))
        #expect(w.xlsx.fill("Ringkasan", "F\(p)") == "FFC6EFCE")
        #expect(sheet["I\(p)"] == .text("–"))
        #expect(sheet["L\(p)"] == .text("–"))
        #expect(sheet["K\(p)"] == .text("semua unsur sama"))  // all nine answered 4
        #expect(same(sheet["H\(kb)"], ConfidenceInterval.z95 * w.report.services[0].figures.confidence95!.standardError))

        let all = try #require(sheet.rowWhere(is: "Seluruh layanan"))
        let overall = w.json["overall"] as! [String: Any]
        #expect(same(sheet["E\(all)"], overall["ikm_converted"]))
        #expect(abs(sheet["E\(all)"]!.number! - 30.4 / 9 * 25) < 1e-9)
        #expect(sheet["F\(all)"] == .text("B"))
        #expect(sheet["B\(all)"] == .number(5))
        // One A4 landscape page (scripts/print-test renders it), with no frozen pane: the table
        // sits under the headline and charts, further down than a screen.
        #expect(sheet.xml.contains("paperSize=\"9\""))
        #expect(sheet.xml.contains("orientation=\"landscape\""))
        #expect(sheet.xml.contains("fitToPage=\"1\""))
        #expect(!sheet.xml.contains("<pane "))
        #expect(sheet.xml.contains("<conditionalFormatting"))
        #expect(sheet.xml.contains("<drawing "))  // the two charts
    }

    @Test func unsurTableMatchesJSON() throws {
        let w = try write(try ReportFixture.report())
        let sheet = try #require(w.xlsx["Unsur"])
        let unsur = (w.json["overall"] as! [String: Any])["unsur"] as! [[String: Any]]
        #expect(unsur.count == 9)
        for u in unsur {
            let r = try #require(sheet.rowWhere(is: u["code"] as! String))
            #expect(sheet["B\(r)"] == .text(u["name"] as! String))
            #expect(sheet["C\(r)"] == .number(Double(u["answered"] as! Int)))
            let dist = (u["distribution"] as! [Int]).map { XLSXReader.Value.number(Double($0)) }
            #expect([sheet["D\(r)"], sheet["E\(r)"], sheet["F\(r)"], sheet["G\(r)"]] == dist)
            #expect(same(sheet["H\(r)"], u["nrr"]))
            #expect(same(sheet["I\(r)"], u["nrr_weighted"]))
        }
        let u3 = try #require(sheet.rowWhere(is: "U3"))
        #expect(sheet["H\(u3)"] == .number(3.2))
        #expect([sheet["D\(u3)"], sheet["E\(u3)"], sheet["F\(u3)"], sheet["G\(u3)"]] == [.number(1), .number(0), .number(1), .number(3)])
        let total = try #require(sheet.rowWhere("B", is: "Jumlah (IKM)"))
        #expect(same(sheet["I\(total)"], (w.json["overall"] as! [String: Any])["ikm"]))
        #expect(sheet.xml.contains("<drawing "))
    }

    /// A decree's long text in the promise column is cut to four printed lines, the whole of it
    /// kept in the cell's note (xl/comments1.xml), so the row does not grow a page tall.
    @Test func aLongPromiseTextIsFourLinesOnPaperAndWholeInTheNote() throws {
        var report = try ReportFixture.report()
        let p = try #require(report.services.firstIndex { $0.code != "kb" })
        let long = (1...30).map { "Tahap \($0): verifikasi berkas oleh petugas loket." }.joined(separator: " ")
        report.services[p].unmeasurable = .stated(long)
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let x = dir.appendingPathComponent("panjang.xlsx")
        try XLSXReportWriter(language: .id).write(report, to: x)
        let sheet = try #require(try XLSXReader(url: x)["Ketepatan Waktu"])
        let row = try #require(sheet.rowWhere(is: report.services[p].name))
        let cell = try #require(sheet["B\(row)"]?.text)
        #expect(cell.hasPrefix("Tanpa janji waktu: Tahap 1: verifikasi"))
        #expect(cell.hasSuffix("…"))
        #expect(Worksheet.lines(cell, width: 34) <= 4)
        #expect(cell.count < long.count / 5)
        // The row is at most four lines of 15 points tall.
        let heights = sheet.xml.components(separatedBy: "<row r=\"\(row)\"").dropFirst().first?.prefix(200) ?? ""
        #expect(heights.contains("ht=\"60\"") || !heights.contains("ht="))
        let archive = try Archive(url: x, accessMode: .read)
        let entry = try #require(archive["xl/comments1.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        #expect(String(decoding: xml, as: UTF8.self).contains("Tahap 30: verifikasi berkas oleh petugas loket."))
    }

    /// A calendar-day deadline ends with its day: written as the day, not as "24.00".
    @Test func anEndOfDayDeadlineIsWrittenAsTheDay() throws {
        var report = try ReportFixture.report()
        let kb = try #require(report.services.firstIndex { $0.code == "kb" })
        report.services[kb].figures.compliance?.latestCases[0].deadline = "2024-02-09 24:00 WIB"
        for (language, expected) in [(ReportLanguage.id, "2024-02-09 (akhir hari)"), (.en, "2024-02-09 (end of day)")] {
            let sheet = try #require(try write(report, language: language).xlsx[language == .id ? "Ketepatan Waktu" : "Timeliness"])
            let row = try #require(sheet.rowWhere(is: "T2"))
            #expect(sheet["E\(row)"] == .text(expected))
        }
    }

    @Test func timelinessShowsComplianceAndLateCasesMostLateFirst() throws {
        let w = try write(try ReportFixture.report())
        let sheet = try #require(w.xlsx["Ketepatan Waktu"])
        let kb = try #require(sheet.rowWhere(is: "Pelayanan Kontrasepsi"))
        #expect(sheet["B\(kb)"] == .text("3 hari kerja"))
        #expect((2...8).map { sheet[CellName.of(row: kb - 1, col: $0)] } == [4, 3, 2, 1, 1, 1, 0].map { .number($0) })
        #expect(sheet["J\(kb)"] == .number(2.0 / 3.0))
        let p = try #require(sheet.rowWhere(is: "Pengaduan Kekerasan terhadap Perempuan dan Anak"))
        #expect(sheet["C\(p)"] == .text("–"))
        #expect(sheet["B\(p)"] == .text("Tanpa janji waktu: tidak ada jangka waktu"))
        let first = try #require(sheet.rowWhere(is: "T3"))
        #expect(sheet["A\(first + 1)"] == .text("T2"))
        // Lateness in days for a promise in working days: 500.5 h is 20.85 days, "20.9 hari".
        #expect(abs(sheet["H\(first)"]!.number! - 500.5 / 24) < 1e-12)  // 16 significant digits in the file
        #expect(w.xlsx.numberFormat("Ketepatan Waktu", "H\(first)") == "#,##0.0\" hari\"")
        #expect(sheet["E\(first)"] == .text("2024-02-07 16.00 WIB"))
        #expect(sheet["B\(first)"] == .text("Pelayanan Kontrasepsi"))
        #expect(sheet["D\(first)"] == .text("–"))
        #expect(sheet["G\(first)"] == .text("Dalam proses, melewati batas waktu"))
        #expect(sheet["G\(first + 1)"] == .text("Terlambat"))
        #expect(sheet.rowWhere(is: "T2") == first + 1)  // listed once, though both lists carry it
    }

    @Test func withoutTurnaroundEveryComplianceCellIsADash() throws {
        let w = try write(try ReportFixture.report(compliance: false))
        let sheet = try #require(w.xlsx["Ketepatan Waktu"])
        let kb = try #require(sheet.rowWhere(is: "Pelayanan Kontrasepsi"))
        #expect((2...12).allSatisfy { sheet[CellName.of(row: kb - 1, col: $0)] == .text("–") })
        #expect(sheet.rowWhere(is: "Ketepatan waktu belum dihitung untuk periode ini.") != nil)
    }

    @Test func suggestionsAreAlwaysTextNeverFormulas() throws {
        let w = try write(try ReportFixture.report())
        let sheet = try #require(w.xlsx["Saran"])
        let json = w.json["suggestions"] as! [[String: Any]]
        #expect(json.count == ReportFixture.suggestions.count)
        let header = try #require(sheet.rowWhere(is: "Tanggal"))
        for (i, s) in json.enumerated() {
            let r = header + 1 + i
            #expect(sheet["C\(r)"] == .text(s["text"] as! String))
            let date = try #require(LocalDate(iso: s["date"] as! String))
            #expect(sheet["A\(r)"] == .number(Double(date.dayNumber + 25_569)))
        }
        #expect(sheet["C\(header + 1)"] == .text("=HYPERLINK(\"http://contoh.test\",\"klik\")"))
        #expect(!sheet.xml.contains("<f>"))
        #expect(w.xlsx.numberFormat("Saran", "A\(header + 1)") == "yyyy-mm-dd")
    }

    @Test func rejectsMatchJSON() throws {
        let w = try write(try ReportFixture.report())
        let sheet = try #require(w.xlsx["Ditolak"])
        let json = w.json["rejects"] as! [[String: Any]]
        #expect(json.count == 2)
        let header = try #require(sheet.rowWhere(is: "Berkas"))
        for (i, x) in json.enumerated() {
            let r = header + 1 + i
            #expect(sheet["A\(r)"] == .text(x["file"] as! String))
            #expect(sheet["B\(r)"] == .number(Double(x["line"] as! Int)))
            #expect(sheet["C\(r)"] == .text(x["column"] as! String))
            #expect(sheet["D\(r)"] == .text(x["value"] as! String))
            #expect(sheet["E\(r)"] == .text(x["reason"] as! String))
        }
        #expect(!sheet.xml.contains("<f>"))
    }

    @Test func longDetailTablesContinueOnNumberedSheetsWithNothingLost() throws {
        var report = try ReportFixture.report()
        report.rejects = (1...12).map { RejectRecord(file: "besar.csv", line: $0, reason: "alasan \($0)") }
        // 8 rows a sheet: the first holds its title block, header at row 5 and 3 rows; then 7 a sheet.
        #expect(PagedTable.pages(count: 12, startRow: 4, maxRows: 8) == 3)
        let w = try write(report, maxRows: 8)
        #expect(w.xlsx.sheetNames.suffix(3) == ["Ditolak", "Ditolak (2)", "Ditolak (3)"])
        var lines: [Double] = []
        for name in ["Ditolak", "Ditolak (2)", "Ditolak (3)"] {
            let s = try #require(w.xlsx[name])
            let header = try #require(s.rowWhere(is: "Berkas"))
            #expect(s.cells.keys.allSatisfy { Int($0.drop(while: \.isLetter))! <= 8 })
            for r in (header + 1)...8 { if let n = s["B\(r)"]?.number { lines.append(n) } }
        }
        #expect(lines == (1...12).map(Double.init))
    }

    @Test func publishedProfileHidesSmallCells() throws {
        let w = try write(try ReportFixture.report(forPublication: true))
        let sheet = try #require(w.xlsx["Responden"])
        // Gender: P 4, L 1 → L is under 5, and P alone would give it away through the total.
        let l = try #require(sheet.rowWhere(is: "L"))
        #expect(sheet["B\(l)"] == .text("< 5"))
        #expect(sheet["C\(l)"] == .text("–"))
        let open = try write(try ReportFixture.report(forPublication: false)).xlsx["Responden"]!
        let l2 = try #require(open.rowWhere(is: "L"))
        #expect(open["B\(l2)"] == .number(1))
        #expect(open["C\(l2)"] == .number(0.2))
        let total = try #require(open.rowWhere(is: "Jumlah"))
        #expect(open["B\(total)"] == .number(5))
        // The JSON of a published report carries no count for the hidden cells either.
        let published = try JSONReportWriter.decode(JSONReportWriter.encode(try ReportFixture.report(forPublication: true)))
        let hidden = published.respondentProfile.gender.filter(\.suppressed).map(\.category).sorted()
        #expect(hidden == ["L", "P"])
        #expect(published.respondentProfile.gender.allSatisfy { $0.respondents == nil && $0.share == nil })
        #expect(published.respondentProfile.total == 5)
    }

    @Test func suppressionAddsTheNextSmallestWhenOneCellIsHidden() {
        #expect(Publication.suppressed([12, 3, 7]) == [1, 2])
        #expect(Publication.suppressed([12, 3, 2]) == [1, 2])
        #expect(Publication.suppressed([12, 9]) == [])
    }

    @Test func anEmptyPeriodAndTheOldMethodStillMakeAWorkbook() throws {
        var options = ReportOptions()
        options.method = .kepmenpan25_2004
        let store = try ReportFixture.store()
        let report = try ReportBuilder(store: store, options: options)
            .build(agency: ReportFixture.agency, period: .quarter(2020, 1)).holdingDetails(from: store)
        let w = try write(report)
        let sum = try #require(w.xlsx["Ringkasan"])
        let all = try #require(sum.rowWhere(is: "Seluruh layanan"))
        #expect(sum["B\(all)"] == .number(0))
        #expect(["E", "F", "G", "H", "I", "K", "L", "M"].allSatisfy { sum["\($0)\(all)"] == .text("–") })
        let unsur = try #require(w.xlsx["Unsur"])
        #expect(unsur.rowWhere(is: "U14") != nil)
        #expect(unsur["H\(unsur.rowWhere(is: "U14")!)"] == .text("–"))
        #expect(w.xlsx["Saran"]?.rowWhere(is: "Tanggal") != nil)
    }

    @Test func errorsNameTheSheetAndCell() throws {
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wb = try Workbook(path: dir.appendingPathComponent("x.xlsx").path)
        let ws = try wb.addSheet("Data")
        #expect(throws: XLSXError.self) { _ = try wb.addSheet("Nama sheet yang jauh lebih panjang dari batas") }
        try ws.number(4, 1, 1)
        do {
            try ws.number(2, 0, 1)  // constant memory: rows must go down
            Issue.record("expected an error")
        } catch let e as XLSXError {
            #expect(e.sheet == "Data")
            #expect(e.cell == "A3")
        }
        do {
            try ws.text(Workbook.maxRows, 0, "x")
            Issue.record("expected an error")
        } catch let e as XLSXError {
            #expect(e.cell == "A1048577")
        }
        try wb.close()
        #expect(CellName.of(row: 6, col: 27) == "AB7")
    }
}
