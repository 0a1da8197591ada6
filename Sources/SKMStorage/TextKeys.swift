import Foundation

/// The distinct values of a text column met while stepping a statement, each numbered once,
/// so that a scan can count per value without building a `String` for every row.
///
/// Values are told apart by their bytes, and `sortedIndices` orders them by bytes with NULL
/// first — exactly as SQLite's `GROUP BY` / `ORDER BY` under the default BINARY collation —
/// so counts taken here equal the `GROUP BY` queries they replace, row for row and in order.
///
/// The search is linear: the columns counted this way (service, gender, education,
/// occupation) hold a handful of values. Each value's length and first and last eight bytes
/// are kept as words, so most candidates are ruled out, and values of up to 16 bytes matched,
/// without a `memcmp` call.
struct TextKeys {
    private struct Value {
        var bytes: [UInt8]
        var head: UInt64, tail: UInt64
    }

    /// The values in order of first sight; nil is SQL NULL.
    private var values: [Value?] = []
    private var nullIndex: Int?

    /// The number of the value `bytes` (`count` bytes long; nil for NULL), adding it if new.
    mutating func index(_ bytes: UnsafePointer<UInt8>?, count: Int) -> Int {
        guard let bytes else {
            if let nullIndex { return nullIndex }
            values.append(nil)
            nullIndex = values.count - 1
            return values.count - 1
        }
        let (head, tail) = Self.words(bytes, count)
        for i in values.indices {
            guard let v = values[i], v.head == head, v.tail == tail, v.bytes.count == count else { continue }
            if count <= 16 || v.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + 8, bytes + 8, count - 16) == 0 }) { return i }
        }
        values.append(Value(bytes: Array(UnsafeBufferPointer(start: bytes, count: count)), head: head, tail: tail))
        return values.count - 1
    }

    /// The first and the last eight bytes (overlapping when shorter than 16; the bytes padded
    /// with zeros when shorter than 8): with the length, they are the whole value up to 16 bytes.
    private static func words(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        if count >= 8 {
            let raw = UnsafeRawPointer(bytes)
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        return (word, word)
    }

    /// The value as GRDB decodes a text column (`String(cString:)`: up to the first NUL,
    /// invalid UTF-8 repaired); nil for NULL.
    func string(_ i: Int) -> String? {
        values[i].map { v in String(decoding: v.bytes.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Value numbers in SQLite's order: NULL first, then by bytes (BINARY collation).
    func sortedIndices() -> [Int] {
        values.indices.sorted { a, b in
            switch (values[a], values[b]) {
            case (nil, _): return values[b] != nil
            case (_, nil): return false
            case let (x?, y?): return x.bytes.lexicographicallyPrecedes(y.bytes)
            }
        }
    }
}
