/// Read access to encoded rows for a store outside this module (PostgreSQL's writer streams
/// them into `COPY` text): each value of a row in insert-column order, text as the UTF-8 bytes
/// in the buffer (valid only inside `body`), the row's fingerprint last.
extension EncodedRows {
    public enum RawValue {
        case null
        case int(Int64)
        case text(UnsafeRawBufferPointer)
    }

    public func forEachValue(row i: Int, _ body: (RawValue) throws -> Void) rethrows {
        try withRow(i) { raw in
            var c = EncodedValueCursor(raw)
            while !c.atEnd {
                switch c.next() {
                case .null: try body(.null)
                case let .int(v): try body(.int(v))
                case let .text(p): try body(.text(p))
                }
            }
        }
    }
}
