import Testing
@testable import SKMDomain

@Suite struct ProfileCategoryTests {
    @Test(arguments: [
        ("SMA", "SMA"), ("SMK Negeri 1", "SMA"), ("SLTA", "SMA"), ("tamat SLTA th 1998", "SMA"), ("lulus SMA di Manna", "SMA"),
        ("S-1", "D4/S1"), ("S1", "D4/S1"), ("Sarjana Hukum", "D4/S1"), ("D IV", "D4/S1"), ("D.III", "D1–D3"), ("D3", "D1–D3"),
        ("S2", "S2"), ("Magister", "S2"), ("S3", "S3"), ("SD", "SD"), ("SMP", "SMP"), ("MTs", "SMP"),
        ("Tidak sekolah", "Lainnya"), ("pondok", "Lainnya"),
    ])
    func education(_ label: String, _ category: String) {
        #expect(ProfileCategory.education(label) == category)
    }

    @Test(arguments: [
        ("PNS", "PNS"), ("ASN Pemkab", "PNS"), ("Pegawai Negeri Sipil", "PNS"), ("PPPK", "PNS"), ("Polri", "TNI/Polri"),
        ("Karyawan swasta", "Pegawai Swasta"), ("Wiraswasta", "Wiraswasta"), ("pedagang sayur", "Wiraswasta"),
        ("Mahasiswa", "Pelajar/Mahasiswa"), ("IRT", "Ibu Rumah Tangga"), ("ibu rumah tangga", "Ibu Rumah Tangga"),
        ("Kepala Desa Tanjung Aur", "Lainnya"), ("Lainnya", "Lainnya"),
    ])
    func occupation(_ label: String, _ category: String) {
        #expect(ProfileCategory.occupation(label) == category)
    }

    @Test func everyOrderedCategoryMapsToItself() {
        for c in ProfileCategory.educationOrder { #expect(ProfileCategory.education(c) == c) }
        for c in ProfileCategory.occupationOrder { #expect(ProfileCategory.occupation(c) == c) }
    }
}
