/// A 64-bit FNV-1a hash of a row's content, stored beside it so that re-importing the same
/// row is recognised as unchanged and a different row under the same id as a conflict,
/// without comparing every column in SQL.
public struct Fingerprint {
    private var h: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func add<T: RowText>(_ s: T?) {
        if let s { s.withUTF8Bytes { for b in $0 { mix(b) } } } else { mix(0xFF) }
        mix(0x1F)  // field separator, so ("ab","c") ≠ ("a","bc")
    }

    public mutating func add(_ i: Int64?) {
        if let v = i, (0..<256).contains(v) {
            // One byte and seven zeros: mixing a zero byte is a multiply by the prime, so the
            // seven are one multiply by its 8th power — the same value, for the answers (1–4)
            // that make up most of a response's fingerprint.
            h ^= UInt64(v)
            h &*= Self.prime8
        } else if var v = i {
            for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: v)); v >>= 8 }
        } else {
            mix(0xFE)
        }
        mix(0x1F)
    }

    private static let prime: UInt64 = 0x100000001b3
    private static let prime8: UInt64 = { var p: UInt64 = 1; for _ in 0..<8 { p &*= prime }; return p }()

    private mutating func mix(_ b: UInt8) {
        h ^= UInt64(b)
        h &*= Self.prime
    }

    /// As SQLite stores it (signed).
    public var value: Int64 { Int64(bitPattern: h) }
}
