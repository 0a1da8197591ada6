import Foundation
import SKMDomain
import SKMStorage
import SKMImport

/// A small catalog built by hand: one WIB regency with three services, one WIT city.
enum TestCatalog {
    static let decree = Decree(number: "1/2024", date: LocalDate(year: 2024, month: 1, day: 2)!, title: "Standar Pelayanan")

    static func service(_ code: String, _ name: String) -> ServiceStandard {
        ServiceStandard(code: code, name: name, validFrom: decree.date, components: [],
                        promise: .single("3 hari kerja", PromisedDuration(amount: 3, unit: .workingDays)))
    }

    static let agencies = [
        Agency(code: "kab-contoh", name: "Dinas Dukcapil Kabupaten Contoh", region: "Kabupaten Contoh", timeZone: .wib,
               decree: decree, services: [service("ktp", "Penerbitan KTP-el"), service("kk", "Penerbitan Kartu Keluarga"),
                                          service("akta-lahir", "Akta Kelahiran")]),
        Agency(code: "kota-timur", name: "DPMPTSP Kota Timur", region: "Kota Timur", timeZone: .wit,
               decree: decree, services: [service("izin-usaha", "Izin Usaha")]),
    ]

    static func store() throws -> Store {
        let s = try Store()
        try s.saveCatalog(agencies: agencies, holidays: [])
        return s
    }
}

/// A fresh temporary directory, removed by the caller's `defer`.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("skm-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` to a file in a fresh temporary directory and returns its path.
func writeTemp(_ name: String, _ text: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Path of a shipped fixture.
func fixture(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
    }
    return url.path
}

/// All events of a CSV text, read through a buffer of `bufferSize` bytes.
func csvEvents(_ text: String, bufferSize: Int = 1 << 16) throws -> (header: [String], events: [SourceEvent]) {
    try csvEvents(Array(text.utf8), bufferSize: bufferSize)
}

func csvEvents(_ bytes: [UInt8], bufferSize: Int = 1 << 16) throws -> (header: [String], events: [SourceEvent]) {
    let r = try CSVReader(bytes: bytes, name: "t.csv", bufferSize: bufferSize)
    var header: [String] = []
    var events: [SourceEvent] = []
    try r.read(header: { header = $0 }, row: { events.append($0) })
    return (header, events)
}

func row(_ line: Int, _ cells: String...) -> SourceEvent { .row(SourceRow(line: line, cells: cells)) }

extension Store {
    func count(_ table: String) throws -> Int {
        guard case let .integer(n) = try query(sql: "SELECT COUNT(*) FROM \(table)", arguments: [:]).rows.first?.first else { return -1 }
        return Int(n)
    }
}
