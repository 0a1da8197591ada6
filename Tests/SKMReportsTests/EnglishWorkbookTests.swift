import Foundation
import Testing
@testable import SKMReports
import SKMDomain

/// "English that is English": every text cell of an `--lang en` workbook, once the data it
/// quotes is taken out (agency, service and category names, the decree's texts, saran, the
/// rejected values), holds no Indonesian word. Official terms stay: IKM, NRR, SKM, mutu,
/// capaian, realisasi and unsur (each glossed), unsur names (with their English name beside them).
@Suite struct EnglishWorkbookTests {
    /// Words of the report's Indonesian wording that an English reader must not meet.
    static let indonesian: Set<String> = [
        "dan", "atau", "yang", "dengan", "untuk", "tanpa", "tidak", "belum", "sudah", "ada", "pada", "dari", "ke", "di",
        "sebelum", "setelah", "sejak", "selama", "kurang", "lebih", "seluruh", "semua", "jumlah", "nilai", "baris", "kolom",
        "berkas", "alasan", "catatan", "saran", "ditolak", "diterima", "selesai", "terlambat", "tepat", "waktu", "proses",
        "dalam", "melewati", "batas", "janji", "layanan", "pelayanan", "penyelenggara", "periode", "laporan", "hari",
        "kerja", "jam", "menit", "bulan", "tahun", "triwulan", "keputusan", "standar", "sampel", "cukup", "ya", "baik",
        "sangat", "buruk", "tren", "perubahan", "signifikan", "acak", "batas", "urutan", "kuesioner", "bobot", "dibuat",
        "oleh", "responden", "umur", "pendidikan", "pekerjaan", "kelamin", "persentase", "kategori", "tanggal",
        "lanjutan", "dinilai", "sd", "terendah", "respon", "diabaikan", "katalog", "dihitung", "berlakunya",
        "transaksi", "publikasi", "dimuat", "kasus", "jawaban", "sebaran", "terburuk", "terbaik", "tertimbang", "galat",
    ]

    /// The data the report quotes, which stays as written.
    static func quoted(_ r: EvaluationReport) -> [String] {
        var out = [r.agency.name, r.agency.region, r.agency.decreeNumber, r.generatedBy, r.method.title]  // the regulation's name
        for s in r.services { out += [s.name, s.promiseText, XLSXReportWriter.chartLabel(s.name)] }  // names, whole or shortened for a chart
        out += r.overall.unsur.map(\.name)
        let p = r.respondentProfile
        out += (p.gender + p.age + p.education + p.occupation).map(\.category)
        out += r.suggestions.map(\.text)
        for j in r.rejects { out += [j.file, j.column ?? "", j.value ?? "", j.reason] }
        return out.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    @Test(arguments: [false, true])
    func anEnglishWorkbookHasNoIndonesianWording(forPublication: Bool) throws {
        var report = try ReportFixture.report(forPublication: forPublication)
        // Every warning the report can carry, so that each one's English is scanned.
        let u8 = report.overall.unsur[7]
        report.warnings += [.servicesOutsideCatalog(["xyz"]), .receivedBeforeStandard(LocalDate(year: 2023, month: 1, day: 2)!),
                            .ikm(.noAnswers), .ikm(.unsurWithoutAnswers(Unsur(code: u8.code, name: u8.name, englishName: u8.nameEn), present: 8))]
        report.services[1].unmeasurable = .massService
        let dir = try ReportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("en.xlsx")
        try XLSXReportWriter(language: .en).write(report, to: url)
        let book = try XLSXReader(url: url)
        let quoted = Self.quoted(report)
        var found: [String] = []
        for sheet in book.sheets {
            for (ref, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
                guard var text = cell.value.text else { continue }
                for q in quoted { text = text.replacingOccurrences(of: q, with: " ") }
                let words = text.lowercased().split { !$0.isLetter }.map(String.init)
                let bad = words.filter { Self.indonesian.contains($0) }
                if !bad.isEmpty { found.append("\(sheet.name)!\(ref): \(bad.joined(separator: ",")) in \"\(cell.value.text!)\"") }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
