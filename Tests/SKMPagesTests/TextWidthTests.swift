@testable import SKMPages
import Testing

/// The infographic's labels stay inside their cards (TextWidth.swift): lines are cut by
/// estimated width, not by character count.
@Suite struct TextWidthTests {
    @Test func widthFollowsTheLettersNotTheirCount() {
        #expect(TextWidth.of("iiii", size: 20, bold: false) < TextWidth.of("MM", size: 20, bold: false))
        #expect(TextWidth.of("abc", size: 20, bold: true) > TextWidth.of("abc", size: 20, bold: false))
        // DejaVu Sans Book: "Aa" is 0.684 + 0.613 em.
        #expect(abs(TextWidth.of("Aa", size: 100, bold: false) - 129.7) < 0.01)
    }

    /// The unsur card: 278 px for two lines at 17 px bold. The longest names of the regulation
    /// wrap whole, at a word; none is cut.
    @Test func unsurNamesWrapWholeInTheirCard() {
        func card(_ s: String) -> [String] { TextWidth.wrap(s, width: 278, size: 17, bold: true, maxLines: 2) }
        #expect(card("U8 Penanganan Pengaduan, Saran dan Masukan") == ["U8 Penanganan Pengaduan,", "Saran dan Masukan"])
        #expect(card("U2 Sistem, Mekanisme, dan Prosedur") == ["U2 Sistem, Mekanisme, dan", "Prosedur"])
        #expect(card("U9 Sarana dan Prasarana") == ["U9 Sarana dan Prasarana"])
        for name in ["U8 Penanganan Pengaduan, Saran dan Masukan", "U5 Produk Spesifikasi Jenis Pelayanan",
                     "U8 Handling of complaints and suggestions"] {
            #expect(card(name).allSatisfy { TextWidth.of($0, size: 17, bold: true) <= 278 })
            #expect(card(name).joined(separator: " ") == name)
        }
    }

    @Test func whatDoesNotFitEndsInAnEllipsisAndFits() {
        let long = "Kesesuaian persyaratan pelayanan dengan jenis pelayanan yang diberikan kepada masyarakat"
        let lines = TextWidth.wrap(long, width: 278, size: 17, bold: true, maxLines: 2)
        #expect(lines.count == 2 && lines[1].hasSuffix("…") && !lines[1].hasSuffix(" …"))
        #expect(lines.allSatisfy { TextWidth.of($0, size: 17, bold: true) <= 278 })
        #expect(TextWidth.clip("Pelajar/Mahasiswa", width: 190, size: 20, bold: false) == "Pelajar/Mahasiswa")
        let cut = TextWidth.clip("Pegawai Badan Usaha Milik Negara", width: 190, size: 20, bold: false)
        #expect(cut.hasSuffix("…") && TextWidth.of(cut, size: 20, bold: false) <= 190)
        for width in stride(from: 60.0, through: 300, by: 4) {  // wherever the cut falls: no "Pengaduan,…", no "dan …"
            let c = TextWidth.clip("Penanganan Pengaduan, Saran dan Masukan", width: width, size: 20, bold: true)
            #expect(c.hasSuffix("…") && !c.hasSuffix(",…") && !c.hasSuffix(" …") && TextWidth.of(c, size: 20, bold: true) <= width)
        }
    }
}
