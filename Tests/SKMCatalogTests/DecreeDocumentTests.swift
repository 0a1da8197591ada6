import Foundation
import Testing
import ZIPFoundation
@testable import SKMCatalog

/// `skm catalog import` of a decree as offices have it: a Word file read through the XML in
/// its zip, a PDF through `pdftotext -layout`. Each test makes a small decree with two
/// services, one of whose promise runs onto a second line of its cell.
struct DecreeDocumentTests {
    static let rows: [(String, String, [(String, String, String)])] = [
        ("Pelayanan Akta Kelahiran", "", [("1.", "Persyaratan", "KTP dan KK"), ("2.", "Jangka Waktu Pelayanan", "3 (tiga) hari kerja"), ("3.", "Biaya/Tarif", "Gratis")]),
        ("Pelayanan Kartu Keluarga", "", [("1.", "Jangka Waktu Pelayanan", "1 (satu) hari kerja")]),
    ]

    func expectTheDecree(_ draft: DecreeImporter.Draft) {
        #expect(draft.agency.decree.number == "800/7/2025")
        #expect(draft.agency.decree.date == "2025-01-06")
        #expect(draft.agency.services.map(\.name) == ["Pelayanan Akta Kelahiran", "Pelayanan Kartu Keluarga"])
        #expect(draft.agency.services.map { $0.components.map(\.key) } == [["persyaratan", "jangka_waktu", "biaya"], ["jangka_waktu"]])
        #expect(draft.agency.services.first?.components.first?.text == "KTP dan KK")
        #expect(draft.agency.services.map { $0.component("jangka_waktu")?.text } == ["3 (tiga) hari kerja", "1 (satu) hari kerja"])
        #expect(draft.agency.services.map { $0.promise?.variants.map { "\($0.amount) \($0.unit)" } ?? [] } == [["3 hari kerja"], ["1 hari kerja"]])
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skm-decree-\(UUID().uuidString)-\(name)")
    }

    @Test func wordTablesAreReadThroughTheXMLInTheZip() throws {
        func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }
        func cell(_ text: String) -> String { "<w:tc><w:tcPr/>\(text.isEmpty ? "<w:p/>" : p(text))</w:tc>" }
        var body = p("KEPUTUSAN KEPALA DINAS CONTOH") + p("NOMOR : 800/7/2025")
        for (title, _, rows) in Self.rows {
            body += p(title) + "<w:tbl><w:tblPr/>"
            body += "<w:tr>" + cell("No") + cell("Komponen") + cell("Uraian") + "</w:tr>"
            for (n, h, t) in rows {
                // A cell of two paragraphs: "3 (tiga) hari" / "kerja".
                let text = t.hasSuffix(" kerja") ? p(String(t.dropLast(6))) + p("kerja") : p(t)
                body += "<w:tr>" + cell(n) + cell(h) + "<w:tc>\(text)</w:tc></w:tr>"
            }
            body += "</w:tbl>"
        }
        body += p("Ditetapkan di Contoh pada tanggal 6 Januari 2025")
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
        let url = Self.temporary("decree.docx")
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in [("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                             ("word/document.xml", xml)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        let text = try DecreeDocument.text(of: url)
        #expect(text.contains("2.\tJangka Waktu Pelayanan\t3 (tiga) hari kerja\n"))
        expectTheDecree(DecreeImporter.importDecree(text, code: "contoh"))
    }

    /// A one-page PDF with the decree's words placed as a table would be, Helvetica text objects.
    static func pdf() -> Data {
        var items: [(Int, Int, String)] = [(200, 800, "KEPUTUSAN KEPALA DINAS CONTOH"), (250, 785, "NOMOR : 800/7/2025")]
        var y = 750
        for (title, _, rows) in rows {
            items.append((72, y, title)); y -= 20
            items += [(72, y, "No"), (110, y, "Komponen"), (260, y, "Uraian")]; y -= 18
            for (n, h, t) in rows {
                if h == "Jangka Waktu Pelayanan" {
                    items += [(72, y, n), (110, y, "Jangka Waktu"), (110, y - 12, "Pelayanan")]  // a wrapped heading
                } else { items += [(72, y, n), (110, y, h)] }
                if t.hasSuffix(" kerja") {
                    items += [(260, y, String(t.dropLast(6))), (260, y - 12, "kerja")]; y -= 12
                } else { items.append((260, y, t)) }
                y -= 18
            }
            y -= 16
        }
        items.append((300, y - 20, "Ditetapkan di Contoh pada tanggal 6 Januari 2025"))
        let content = items.map { "BT /F1 10 Tf \($0.0) \($0.1) Td (\($0.2)) Tj ET\n" }.joined()
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                       "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    @Test func pdfTablesAreReadThroughPdftotextLayout() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            print("skipped: pdftotext is absent (install poppler-utils: scripts/install-deps)")
            return
        }
        let url = Self.temporary("decree.pdf")
        try Self.pdf().write(to: url)
        let text = try DecreeDocument.text(of: url)
        #expect(text.contains("2.\tJangka Waktu\t3 (tiga) hari\n\tPelayanan\tkerja\n"), "\(text)")
        expectTheDecree(DecreeImporter.importDecree(text, code: "contoh"))
    }

    @Test func aFileThatIsNeitherSaysWhat() throws {
        let url = Self.temporary("decree.docx")
        try Data("not a zip".utf8).write(to: url)
        #expect(throws: DecreeDocument.Unreadable.self) { try DecreeDocument.text(of: url) }
        #expect((try? DecreeDocument.text(of: url)) == nil)
        do { _ = try DecreeDocument.text(of: url) } catch { #expect("\(error)".hasSuffix(": not a .docx (not a ZIP archive)")) }
    }
}
