/// A CSV record still in the reader's buffer: its fields as byte ranges, no `String` made.
///
/// The CSV reader offers a record this way only when reading it needs no decision — it lies
/// whole in the buffer, is ASCII, has the header's number of fields, and any quoted field in it
/// is on one line — and the import's byte path (RawResponseRows.swift, RawTransactionRows.swift)
/// takes it only when every value is the plain common case; anything else goes the `SourceRow`
/// way, so both ways store the same bytes. Why: making a `String` per cell and a struct per
/// row was most of an import's reading time, and that reading slows SQLite's thread beside it
/// (docs/performance.md).
///
/// Valid only inside the call that receives it: it points into the reader's buffers.
struct RawRow {
    let line: Int
    /// Each field's bytes: in the read buffer, without the quotes of a quoted field; a field
    /// with a doubled quote (`""`) in the reader's scratch buffer, with one quote for the two.
    private let fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>

    init(line: Int, fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) {
        self.line = line
        self.fields = fields
    }

    var count: Int { fields.count }

    @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> { fields[i] }

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
