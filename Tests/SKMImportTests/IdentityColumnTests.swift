import Testing
import SKMDomain
import SKMImport

/// Columns that identify a person are dropped unread in their usual spellings (issue 15).
@Suite struct IdentityColumnTests {
    @Test func usualSpellingsAreDropped() throws {
        let personal = ["NIK", "No. KK", "Nomor Induk Kependudukan", "Tanggal Lahir", "Tempat/Tgl Lahir", "TTL",
                        "No HP/WA", "Nomor WhatsApp", "No. Telp", "Alamat Rumah", "E-mail", "Email", "Surel",
                        "Nomor Identitas", "NPWP", "Kontak", "Nama Lengkap"]
        let h = ["Timestamp", "Jenis Layanan", "Umur"] + personal + (1...9).map { "U\($0)" }
        let p = try ColumnPlan(header: h, kind: .responses)
        #expect(p.dropped == personal)
        #expect(p.index(.age) == 2)
        #expect(p.index(.service) == 1)
    }

    @Test func aBirthYearAloneIsNotMistakenForABirthDate() throws {
        let p = try ColumnPlan(header: ["id", "service", "date", "tahun lahir"] + (1...9).map { "u\($0)" }, kind: .responses)
        #expect(p.dropped.isEmpty)
    }
}
