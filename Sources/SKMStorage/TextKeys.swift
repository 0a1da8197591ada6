import Foundation

/// The distinct values of a text column met while stepping a statement, each numbered once,
/// so that a scan can count per value without building a `String` for every row.
///
/// Values are told apart by their bytes, and `sortedIndices` orders them by bytes with NULL
/// first — exactly as SQLite's `GROUP BY` / `ORDER BY` under the default BINARY collation —
/// so counts taken here equal the `GROUP BY` queries they replace, row for row and in order.
///
/// The search is linear: the columns counted this way (service, gender, education,
/// occupation) hold a handful of values, and comparing a length and a few bytes beats hashing.
struct TextKeys {
    /// The values in order of first sight; nil is SQL NULL.
    private(set) var values: [[UInt8]?] = []
    private var nullIndex: Int?

    /// The number of the value `bytes` (`count` bytes long; nil for NULL), adding it if new.
    mutating func index(_ bytes: UnsafePointer<UInt8>?, count: Int) -> Int {
        guard let bytes else {
            if let nullIndex { return nullIndex }
            values.append(nil)
            nullIndex = values.count - 1
            return values.count - 1
        }
        for (i, v) in values.enumerated() {
            guard let v, v.count == count else { continue }
            if count == 0 || v.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes, count) == 0 }) { return i }
        }
        values.append(Array(UnsafeBufferPointer(start: bytes, count: count)))
        return values.count - 1
    }

    /// The value as GRDB decodes a text column (`String(cString:)`: up to the first NUL,
    /// invalid UTF-8 repaired); nil for NULL.
    func string(_ i: Int) -> String? {
        values[i].map { v in String(decoding: v.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Value numbers in SQLite's order: NULL first, then by bytes (BINARY collation).
    func sortedIndices() -> [Int] {
        values.indices.sorted { a, b in
            switch (values[a], values[b]) {
            case (nil, _): return values[b] != nil
            case (_, nil): return false
            case let (x?, y?): return x.lexicographicallyPrecedes(y)
            }
        }
    }
}
