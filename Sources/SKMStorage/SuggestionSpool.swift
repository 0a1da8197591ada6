import Foundation
import SKMDomain

/// A period's saran kept in a temporary file in the order reports list them — by date, then
/// id — gathered during the response scan (`periodResponses(spoolingSuggestions:)`) rather
/// than read again with `forEachSuggestion` for every file written: that read is a second scan
/// of the agency's rows plus a sort by date, and a report writes two files.
///
/// The scan meets rows in stored order (agency, id), so within one date they already come in id
/// order. They are written to a first file as they come, with the bytes counted per date; then
/// each is written to its date's place in the final file — a counting sort, holding one entry
/// per date in memory, never the saran. Replaying gives the very list `forEachSuggestion`
/// gives; the file is removed with the spool.
public final class SuggestionSpool: Sendable {
    /// Saran in the spool.
    public let count: Int
    let url: URL

    init(count: Int, url: URL) {
        self.count = count
        self.url = url
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Every saran, oldest first (date, then id).
    public func forEach(_ body: (Suggestion) throws -> Void) throws {
        guard let file = fopen(url.path, "rb") else { throw SpoolError(url: url, operation: "open") }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        /// The next field; nil at the end of the file.
        func field() throws -> String? {
            var n: UInt32 = 0
            let got = withUnsafeMutableBytes(of: &n) { fread($0.baseAddress, 1, 4, file) }
            if got == 0 && feof(file) != 0 { return nil }
            let length = Int(UInt32(littleEndian: n))
            if buffer.count < length { buffer = [UInt8](repeating: 0, count: length) }
            guard got == 4, buffer.withUnsafeMutableBytes({ fread($0.baseAddress, 1, length, file) }) == length else {
                throw SpoolError(url: url, operation: "read")
            }
            return String(decoding: buffer[..<length], as: UTF8.self)
        }
        while let date = try field() {
            guard let service = try field(), let text = try field() else { throw SpoolError(url: url, operation: "read") }
            try body(Suggestion(date: date, service: service, text: text))
        }
    }
}

/// Collects saran in stored order during a scan, then sorts them by date into a `SuggestionSpool`.
/// Dropped unfinished (the scan failed), it removes what it wrote.
final class SuggestionSpoolWriter {
    private let url: URL, unsorted: URL
    private var file: UnsafeMutablePointer<FILE>?
    /// Date → its number; a date of up to 16 bytes (all of them, in practice) keyed as two
    /// words, without an array per row.
    private var dayOfShort: [ShortText: UInt32] = [:], dayOfLong: [[UInt8]: UInt32] = [:]
    /// Per date (numbered in order of first sight): its bytes and its records' size.
    private var dates: [[UInt8]] = [], sizes: [Int] = []
    private var count = 0
    private var record: [UInt8] = []

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("skm-saran-\(getpid())-\(UUID().uuidString)")
        url = base.appendingPathExtension("spool")
        unsorted = base.appendingPathExtension("unsorted")
        guard let f = fopen(unsorted.path, "wb") else { throw SpoolError(url: unsorted, operation: "create") }
        file = f
    }

    deinit {
        if let file { fclose(file) }
        try? FileManager.default.removeItem(at: unsorted)
    }

    /// Appends one saran; each field as the C string SQLite returns (read up to its first NUL,
    /// as `String(cString:)` reads it in `forEachSuggestion`).
    func append(date: UnsafePointer<UInt8>, service: UnsafePointer<UInt8>, text: UnsafePointer<UInt8>) throws {
        let dateBytes = UnsafeBufferPointer(start: date, count: strlen(date))
        let short = ShortText(dateBytes)
        let day: UInt32
        if let d = short.map({ dayOfShort[$0] }) ?? dayOfLong[Array(dateBytes)] { day = d } else {
            day = UInt32(dates.count)
            if let short { dayOfShort[short] = day } else { dayOfLong[Array(dateBytes)] = day }
            dates.append(Array(dateBytes))
            sizes.append(0)
        }
        record.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: day.littleEndian) { record.append(contentsOf: $0) }
        func append(_ field: UnsafeBufferPointer<UInt8>) {
            withUnsafeBytes(of: UInt32(field.count).littleEndian) { record.append(contentsOf: $0) }
            record.append(contentsOf: field)
        }
        append(dateBytes)
        append(UnsafeBufferPointer(start: service, count: strlen(service)))
        append(UnsafeBufferPointer(start: text, count: strlen(text)))
        sizes[Int(day)] += record.count - 4
        count += 1
        guard fwrite(record, 1, record.count, file) == record.count else { throw SpoolError(url: unsorted, operation: "write") }
    }

    /// Moves every record to its date's place (dates in byte order, as SQL's ORDER BY date).
    func finish() throws -> SuggestionSpool {
        guard let file else { preconditionFailure("spool finished twice") }
        self.file = nil
        guard fclose(file) == 0 else { throw SpoolError(url: unsorted, operation: "write") }
        var offsets = [Int](repeating: 0, count: dates.count)
        var total = 0
        for d in dates.indices.sorted(by: { dates[$0].lexicographicallyPrecedes(dates[$1]) }) {
            offsets[d] = total
            total += sizes[d]
        }
        let spool = SuggestionSpool(count: count, url: url)  // from here on, removes the file if we throw
        let out = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard out >= 0 else { throw SpoolError(url: url, operation: "create") }
        defer { close(out) }
        guard total > 0 else { return spool }
        // Each record goes to its place with pwrite. A shared mapping of the file was a memcpy
        // instead, but every page written stayed in the process's resident memory, so a
        // report's memory grew with its saran (by 20 MB from 10⁶ to 4·10⁶ responses).
        guard ftruncate(out, off_t(total)) == 0 else { throw SpoolError(url: url, operation: "write") }
        guard let input = fopen(unsorted.path, "rb") else { throw SpoolError(url: unsorted, operation: "open") }
        defer { fclose(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for _ in 0..<count {
            var day: UInt32 = 0
            guard withUnsafeMutableBytes(of: &day, { fread($0.baseAddress, 1, 4, input) }) == 4 else {
                throw SpoolError(url: unsorted, operation: "read")
            }
            var length = 0
            for _ in 0..<3 {  // date, service, text: copied with their length prefixes
                var n: UInt32 = 0
                guard withUnsafeMutableBytes(of: &n, { fread($0.baseAddress, 1, 4, input) }) == 4 else {
                    throw SpoolError(url: unsorted, operation: "read")
                }
                let fieldLength = Int(UInt32(littleEndian: n))
                if buffer.count < length + 4 + fieldLength { buffer += [UInt8](repeating: 0, count: length + 4 + fieldLength - buffer.count) }
                buffer.withUnsafeMutableBytes { b in
                    withUnsafeBytes(of: n) { b.baseAddress!.advanced(by: length).copyMemory(from: $0.baseAddress!, byteCount: 4) }
                }
                guard buffer.withUnsafeMutableBytes({ fread($0.baseAddress! + length + 4, 1, fieldLength, input) }) == fieldLength else {
                    throw SpoolError(url: unsorted, operation: "read")
                }
                length += 4 + fieldLength
            }
            let d = Int(UInt32(littleEndian: day))
            guard buffer.withUnsafeBytes({ pwrite(out, $0.baseAddress!, length, off_t(offsets[d])) }) == length else {
                throw SpoolError(url: url, operation: "write")
            }
            offsets[d] += length
        }
        return spool
    }
}

/// Text of up to 16 bytes as two words and its length: a dictionary key without an allocation.
private struct ShortText: Hashable {
    var head: UInt64 = 0, tail: UInt64 = 0, count: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        count = bytes.count
        withUnsafeMutableBytes(of: &head) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(8))) }
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).dropFirst(8))) }
    }
}

/// A temporary spool file that could not be written or read back.
public struct SpoolError: Error, CustomStringConvertible {
    public var url: URL
    public var operation: String
    public var code = errno

    public var description: String { "cannot \(operation) saran spool \(url.path): \(String(cString: strerror(code)))" }
}
