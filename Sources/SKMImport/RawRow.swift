/// A CSV record still in the reader's buffer: its fields as byte ranges, no `String` made.
///
/// The CSV reader offers a record this way only when reading it needs no decision — it lies
/// whole in the buffer, is ASCII, has the header's number of fields, and any quoted field in it
/// is one line without a doubled quote — and the
/// import's byte path (RawResponseRows.swift) takes it only when every value is the plain
/// common case; anything else goes the `SourceRow` way, so both ways store the same bytes.
/// Why: making a `String` per cell and a struct per row was most of an import's reading
/// time, and that reading slows SQLite's thread beside it (docs/performance.md).
///
/// Valid only inside the call that receives it: it points into the reader's buffer.
struct RawRow {
    let line: Int
    private let base: UnsafePointer<UInt8>
    /// Field `i` is `base[bounds[2i] ..< bounds[2i+1]]`: a quoted field without its quotes.
    private let bounds: UnsafeBufferPointer<Int32>

    init(line: Int, base: UnsafePointer<UInt8>, bounds: UnsafeBufferPointer<Int32>) {
        self.line = line
        self.base = base
        self.bounds = bounds
    }

    var count: Int { bounds.count / 2 }

    @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(bounds[2 * i])
        return UnsafeBufferPointer(start: base + start, count: Int(bounds[2 * i + 1]) - start)
    }

    /// Field `i` as a field value is read: empty, plain, or with leading or trailing spaces,
    /// which the `String` path trims (`trimmingSpaces`) — not a case for the byte path.
    @inline(__always) func cell(_ i: Int) -> RawCell {
        let f = field(i)
        guard let first = f.first, let last = f.last else { return .empty }
        return first > 0x20 && last > 0x20 ? .plain(f) : .unusual
    }
}

enum RawCell {
    case empty
    case plain(UnsafeBufferPointer<UInt8>)
    case unusual
}
