import Foundation
import SKMDomain
import SKMStorage

/// A report's saran read from the store once and replayed from a temporary file, for a report
/// written both as XLSX and as JSON: each writer walks the whole list, and the store's read —
/// a scan of the agency's responses and a sort by date — cost more than writing the bytes
/// aside and reading them back. Memory stays flat, as with streaming from the store.
///
/// The file holds each saran as three length-prefixed UTF-8 strings (date, service, text); it
/// is removed when the spool is released. A walk that stopped early (an error in a writer)
/// leaves no replay behind: the next walk reads the store again.
final class SuggestionSpool {
    private let store: Store
    private let agency: String
    private let period: Period
    private let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("skm-saran-\(getpid())-\(UUID().uuidString).spool")
    private var complete = false

    init(store: Store, agency: String, period: Period) {
        self.store = store
        self.agency = agency
        self.period = period
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Every saran, oldest first: from the store the first time, then from the file.
    func forEach(_ body: (Suggestion) throws -> Void) throws {
        if complete { return try replay(body) }
        guard let file = fopen(url.path, "wb") else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        func append(_ field: String) {
            withUnsafeBytes(of: UInt32(field.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: field.utf8)
        }
        try store.forEachSuggestion(agency: agency, period: period) { s in
            bytes.removeAll(keepingCapacity: true)
            append(s.date)
            append(s.service)
            append(s.text)
            guard fwrite(bytes, 1, bytes.count, file) == bytes.count else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            try body(s)
        }
        guard fflush(file) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        complete = true
    }

    private func replay(_ body: (Suggestion) throws -> Void) throws {
        guard let file = fopen(url.path, "rb") else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        /// The next string, nil at the end of the file.
        func field() throws -> String? {
            var n: UInt32 = 0
            let got = withUnsafeMutableBytes(of: &n) { fread($0.baseAddress, 1, 4, file) }
            if got == 0 && feof(file) != 0 { return nil }
            let count = Int(UInt32(littleEndian: n))
            if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
            guard got == 4, buffer.withUnsafeMutableBytes({ fread($0.baseAddress, 1, count, file) }) == count else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
            }
            return String(decoding: buffer[..<count], as: UTF8.self)
        }
        while let date = try field() {
            guard let service = try field(), let text = try field() else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
            }
            try body(Suggestion(date: date, service: service, text: text))
        }
    }
}
